-- Pending records are read in pages in delivery order (sort key, then key): the index lets each page start where the
-- previous one ended instead of sorting every record of the type again. Every writer sets a sort key; old rows get theirs.
UPDATE canonical_record SET sort_key = entity_key WHERE sort_key IS NULL;
CREATE INDEX canonical_record_order ON canonical_record (college_id, entity_type, sort_key, entity_key);
