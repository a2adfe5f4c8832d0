-- The monthly journal-quality report per college (seed 002 §3.10–3.11): one row per college and month, rebuilt in
-- place on demand, so that the console can draw the figures month after month. The report is figures and ids only.
CREATE TABLE journal_quality_report (
    college_id  VARCHAR(64) NOT NULL,
    report_month VARCHAR(7) NOT NULL,
    period_from DATE        NOT NULL,
    period_to   DATE        NOT NULL,
    built_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    built_by    VARCHAR(100) NOT NULL,
    report      TEXT        NOT NULL,
    PRIMARY KEY (college_id, report_month)
);
