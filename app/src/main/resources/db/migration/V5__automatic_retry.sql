-- Automatic retry of records not delivered for a transient reason: a dead letter in status RETRYING is sent again by
-- the hub at next_attempt_at; it becomes OPEN (an operator's matter) only once retrying_since is past the horizon.
ALTER TABLE dead_letter ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dead_letter ADD COLUMN retrying_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE dead_letter ADD COLUMN retry_rounds INTEGER DEFAULT 0 NOT NULL;
CREATE INDEX dead_letter_due ON dead_letter (status, next_attempt_at);
