-- Pending records are read in pages in delivery order (sort key, then key): with this index each page starts where
-- the previous one ended and stops at its size; without it every page sorted every remaining record of the type with
-- its payload (100,000 students: the publish of a full sync took minutes, most of it in the sort's temporary results).
UPDATE canonical_record SET sort_key = entity_key WHERE sort_key IS NULL;
CREATE INDEX canonical_record_order ON canonical_record (college_id, entity_type, sort_key, entity_key);
