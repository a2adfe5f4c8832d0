-- Calendar-thematic plans (КТП), one per college, group and discipline (seed 002 §3.8): a re-import replaces the plan
-- whole, keeping who imported it, when and from which file.
CREATE TABLE thematic_plan (
    college_id      VARCHAR(64) NOT NULL,
    group_code      VARCHAR(64) NOT NULL,
    discipline_code VARCHAR(100) NOT NULL,
    file_name       VARCHAR(255),
    imported_by     VARCHAR(100) NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (college_id, group_code, discipline_code)
);
-- the plan's lessons; the topic verbatim, as the journal must record it (seed 002 §3.9)
CREATE TABLE thematic_plan_item (
    college_id      VARCHAR(64) NOT NULL,
    group_code      VARCHAR(64) NOT NULL,
    discipline_code VARCHAR(100) NOT NULL,
    lesson_no       INTEGER NOT NULL,
    topic           VARCHAR(1000) NOT NULL,
    hours           INTEGER NOT NULL,
    work_kind       VARCHAR(16) NOT NULL,
    work_no         INTEGER,
    PRIMARY KEY (college_id, group_code, discipline_code, lesson_no),
    CONSTRAINT thematic_plan_item_plan FOREIGN KEY (college_id, group_code, discipline_code)
        REFERENCES thematic_plan (college_id, group_code, discipline_code) ON DELETE CASCADE
);
