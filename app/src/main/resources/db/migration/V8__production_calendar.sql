-- The Russian production calendar (производственный календарь) as data: days that differ from a Monday-to-Friday
-- week, federal (region_id '*') and per region (the region's id, e.g. a republic's own holiday). kind: HOLIDAY (not
-- worked), WORKDAY (a Saturday made working by a transfer), SHORT (one hour shorter before a holiday, ТК РФ ст. 95).
-- A year is "loaded" for a region when work_calendar_year has its row; for a federal year without one the hub counts
-- the holidays of ТК РФ ст. 112 and warns (the January weekend days are moved only by the yearly decree).
CREATE TABLE work_calendar_day (
    region_id VARCHAR(64) NOT NULL,
    cal_day DATE NOT NULL,
    kind VARCHAR(16) NOT NULL,
    note VARCHAR(200),
    updated_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (region_id, cal_day)
);
CREATE TABLE work_calendar_year (
    region_id VARCHAR(64) NOT NULL,
    cal_year INTEGER NOT NULL,
    source VARCHAR(300) NOT NULL,
    PRIMARY KEY (region_id, cal_year)
);

-- 2026: Постановление Правительства РФ от 24.09.2025 «О переносе выходных дней в 2026 году» — выходные 3 и 4 января
-- перенесены на 9 января (пятница) и 31 декабря (четверг); 8 марта и 9 мая (выходные) переходят на 9 марта и 11 мая
-- по ТК РФ ст. 112 ч. 2. Дни отдыха: 31.12.2025–11.01.2026, 21–23.02, 7–9.03, 1–3.05, 9–11.05, 12–14.06, 4.11, 31.12.
-- 2027: only what ТК РФ ст. 112 fixes (the decree on 2027 transfers is not loaded): no work_calendar_year row, so the
-- hub keeps warning until an administrator loads the decree's days through PUT /api/admin/calendar/days.
INSERT INTO work_calendar_year (region_id, cal_year, source) VALUES
    ('*', 2026, 'Постановление Правительства РФ от 24.09.2025 «О переносе выходных дней в 2026 году»');
INSERT INTO work_calendar_day (region_id, cal_day, kind, note, updated_by, updated_at) VALUES
    ('*', DATE '2026-01-01', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-01-02', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-01-03', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-01-04', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-01-05', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-01-06', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-01-07', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-01-08', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-01-09', 'HOLIDAY', 'перенос с субботы 03.01 (пост. от 24.09.2025)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-02-23', 'HOLIDAY', 'День защитника Отечества', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-03-08', 'HOLIDAY', 'Международный женский день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-03-09', 'HOLIDAY', 'перенос с воскресенья 08.03 (ТК РФ ст. 112 ч. 2)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-04-30', 'SHORT', 'предпраздничный день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-05-01', 'HOLIDAY', 'Праздник Весны и Труда', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-05-08', 'SHORT', 'предпраздничный день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-05-09', 'HOLIDAY', 'День Победы', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-05-11', 'HOLIDAY', 'перенос с субботы 09.05 (ТК РФ ст. 112 ч. 2)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-06-11', 'SHORT', 'предпраздничный день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-06-12', 'HOLIDAY', 'День России', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-11-03', 'SHORT', 'предпраздничный день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-11-04', 'HOLIDAY', 'День народного единства', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2026-12-31', 'HOLIDAY', 'перенос с воскресенья 04.01 (пост. от 24.09.2025)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-01-01', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112; постановление на 2027 год не загружено)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-01-02', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112; постановление на 2027 год не загружено)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-01-03', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112; постановление на 2027 год не загружено)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-01-04', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112; постановление на 2027 год не загружено)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-01-05', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112; постановление на 2027 год не загружено)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-01-06', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112; постановление на 2027 год не загружено)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-01-07', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112; постановление на 2027 год не загружено)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-01-08', 'HOLIDAY', 'Новогодние каникулы (ТК РФ ст. 112; постановление на 2027 год не загружено)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-02-22', 'SHORT', 'предпраздничный день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-02-23', 'HOLIDAY', 'День защитника Отечества', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-03-08', 'HOLIDAY', 'Международный женский день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-04-30', 'SHORT', 'предпраздничный день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-05-01', 'HOLIDAY', 'Праздник Весны и Труда', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-05-03', 'HOLIDAY', 'перенос с субботы 01.05 (ТК РФ ст. 112 ч. 2)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-05-09', 'HOLIDAY', 'День Победы', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-05-10', 'HOLIDAY', 'перенос с воскресенья 09.05 (ТК РФ ст. 112 ч. 2)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-06-11', 'SHORT', 'предпраздничный день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-06-12', 'HOLIDAY', 'День России', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-06-14', 'HOLIDAY', 'перенос с субботы 12.06 (ТК РФ ст. 112 ч. 2)', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-11-03', 'SHORT', 'предпраздничный день', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00'),
    ('*', DATE '2027-11-04', 'HOLIDAY', 'День народного единства', 'V8', TIMESTAMP WITH TIME ZONE '2026-11-29 00:00:00+00');
