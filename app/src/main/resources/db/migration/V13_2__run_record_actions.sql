-- What a run's published records are on the platforms (one per record and target, as published_count): created (the
-- platform never had the record), updated, removed (a dismissal, a withdrawn absence); the run page shows the split.
ALTER TABLE sync_run ADD COLUMN created_count INT DEFAULT 0 NOT NULL;
ALTER TABLE sync_run ADD COLUMN updated_count INT DEFAULT 0 NOT NULL;
ALTER TABLE sync_run ADD COLUMN removed_count INT DEFAULT 0 NOT NULL;
