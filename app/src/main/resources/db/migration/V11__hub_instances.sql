-- Several hubs may share one store (clustered Quartz): a run belongs to the instance that started it, and each
-- instance says it is alive, so that a starting or surviving instance closes only the runs of a dead one.
ALTER TABLE sync_run ADD COLUMN owner VARCHAR(100);

CREATE TABLE hub_instance (
    id VARCHAR(100) NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
