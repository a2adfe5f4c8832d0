-- Personal data at rest (152-ФЗ). The hub seals canonical_record.payload, dead_letter.payload and held_run.snapshot
-- itself (AES-256-GCM, values "enc:v1:<key id>:<base64>"); rows written before this version are sealed by the hub at
-- its first start after the upgrade (PayloadReseal), not here: SQL has no key.
-- A closed dead letter and a decided held run are never replayed: their payloads are dropped after a retention, so
-- these columns may become empty, with the moment it happened.
ALTER TABLE dead_letter ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE dead_letter ADD COLUMN payload_purged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX dead_letter_resolved ON dead_letter (resolved_at);
ALTER TABLE held_run ALTER COLUMN snapshot DROP NOT NULL;
ALTER TABLE held_run ADD COLUMN snapshot_purged_at TIMESTAMP WITH TIME ZONE;
