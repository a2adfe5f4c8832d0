-- What an intake read in the source's own terms (cards, lessons, rows, pages…), files refused as a whole, and
-- rejections a run closed because their defect was gone: the run report adds up without reading the log.
ALTER TABLE sync_run ADD COLUMN source_counts VARCHAR(1000);
ALTER TABLE sync_run ADD COLUMN refused_files INT DEFAULT 0 NOT NULL;
ALTER TABLE sync_run ADD COLUMN closed_rejections INT DEFAULT 0 NOT NULL;
CREATE INDEX rejected_record_run ON rejected_record (run_id);
