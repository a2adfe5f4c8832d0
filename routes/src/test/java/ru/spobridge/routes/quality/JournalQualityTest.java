package ru.spobridge.routes.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.marks.AbsenceReason;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.marks.MarkValue;
import ru.spobridge.model.marks.WorkType;

/**
 * The report's figures against a month counted by hand (issue 17: «the quality report's shares equal a hand-counted
 * fixture»). The counting is written beside each figure.
 */
class JournalQualityTest {

    private static final LocalDate FROM = LocalDate.parse("2026-09-01");
    private static final LocalDate TO = LocalDate.parse("2026-09-30");
    private static final Instant AT = Instant.parse("2026-10-01T01:00:00Z");

    private final List<JournalQuality.ScheduledLesson> lessons = new ArrayList<>();
    private final List<LessonEntry> entries = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<Attendance> absences = new ArrayList<>();
    private final Map<String, String> roster = new LinkedHashMap<>();

    @Test
    void the_shares_of_a_hand_counted_month() {
        // held lessons: L1, L2, L3, L4 from the schedule, E5 from the journal only (5); L5 cancelled, L6 in October
        lesson("2026-09-07", 1, "ИСП-21", "ОП.01", "t1", null, false);          // L1
        lesson("2026-09-08", 2, "ИСП-21", "ОП.01", "t1", null, false);          // L2
        lesson("2026-09-09", 1, "ИСП-21", "МДК.01", "t2", "t3", false);         // L3, t3 stands in for t2
        lesson("2026-09-10", 1, "ИСП-22", "ОП.01", "t4", null, false);          // L4
        lesson("2026-09-11", 1, "ИСП-22", "ОП.02", "t5", null, true);           // L5 cancelled
        lesson("2026-10-01", 1, "ИСП-21", "ОП.01", "t6", null, false);          // L6 out of the period
        entry("2026-09-07", 1, "ИСП-21", "ОП.01", "t1", "Введение в дисциплину", "§1", false);
        entry("2026-09-08", 2, "ИСП-21", "ОП.01", "t1", " ", "§2", false);       // blank topic
        entry("2026-09-09", 1, "ИСП-21", "МДК.01", "t3", "Основы", null, false); // no homework
        entry("2026-09-10", 1, "ИСП-22", "ОП.01", "t4", "Тема", "§3", true);     // deleted: as if none
        entry("2026-09-12", 3, "ИСП-22", "ФК.00", "t7", "Бег", null, false);     // E5, no schedule lesson
        roster.put("s1", "ИСП-21");
        roster.put("s2", "ИСП-21");
        roster.put("s3", "ИСП-21");
        roster.put("s4", "ИСП-22");
        roster.put("s9", "ИСП-23");                                              // no lessons: not counted
        mark("m1", "s1", "2026-09-07", "ИСП-21", "ОП.01", "t1", false);
        mark("m2", "s1", "2026-09-08", "ИСП-21", "ОП.01", "t1", false);
        mark("m3", "s1", "2026-09-09", "ИСП-21", "МДК.01", "t1", false);
        mark("m4", "s2", "2026-09-07", "ИСП-21", "ОП.01", "t1", false);
        mark("m5", "s2", "2026-09-09", "ИСП-21", "МДК.01", "t3", true);          // deleted: t3 recorded nothing standing
        mark("m6", "s4", "2026-09-10", "ИСП-22", "ОП.01", "t1", false);
        mark("m7", "s4", "2026-09-10", "ИСП-22", "ОП.01", "t1", false);
        mark("m8", "s4", "2026-09-10", "ИСП-22", "ОП.01", "t1", false);
        mark("m9", "s4", "2026-10-02", "ИСП-22", "ФК.00", "t7", false);          // October: not this month's
        mark("m10", "s5", "2026-09-10", "ИСП-22", "ОП.01", "t1", false);         // s5 not on the roster, seen here
        absence("a1", "s5", "2026-09-10", "ИСП-22", "ОП.01", "t4", true);        // withdrawn, still recorded by t4

        QualityReport report = JournalQuality.count(inputs(), AT);

        // teachers of held lessons: t1 (L1, L2), t3 (L3), t4 (L4), t7 (E5) = 4; recorded marks/absences: t1, t4 = 2
        assertThat(report.teachers().withLessons()).isEqualTo(4);
        assertThat(report.teachers().keeping()).isEqualTo(2);
        assertThat(report.teachers().notKeeping()).containsExactly("t3", "t7");
        assertThat(report.teachers().share()).isEqualTo(50.0);
        // students: s1, s2, s3 (ИСП-21: ОП.01, МДК.01), s4, s5 (ИСП-22: ОП.01, ФК.00) = 5, pairs 5 × 2 = 10
        // no marks: s2 МДК.01, s3 ОП.01, s3 МДК.01, s4 ФК.00, s5 ФК.00 = 5 pairs, students s2 s3 s4 s5 = 4 (80 %)
        // one mark: s1 МДК.01, s2 ОП.01, s5 ОП.01 = 3 pairs, students s1 s2 s5 = 3 (60 %)
        assertThat(report.students()).isEqualTo(new QualityReport.Students(5, 10, 5, 3, 4, 3));
        assertThat(report.students().shareWithoutMarks()).isEqualTo(80.0);
        assertThat(report.students().shareWithOneMark()).isEqualTo(60.0);
        // without topic: L2 (blank), L4 (entry deleted) = 2 of 5; without homework: L3, L4, E5 = 3 of 5
        assertThat(report.lessons()).isEqualTo(new QualityReport.Lessons(5, 2, 3));
        assertThat(report.lessons().shareWithoutTopic()).isEqualTo(40.0);
        assertThat(report.lessons().shareWithoutHomework()).isEqualTo(60.0);
        assertThat(report.ktpDifferences()).as("no КТП loaded").isNull();
        assertThat(report.lateMarks()).isEqualTo(2);
        assertThat(report.lessonsWithoutAttendance()).isEqualTo(1);
        assertThat(report.month()).isEqualTo("2026-09");
    }

    @Test
    void an_empty_month_has_no_shares_rather_than_a_division_by_zero() {
        QualityReport report = JournalQuality.count(inputs(), AT);

        assertThat(report.teachers().share()).isZero();
        assertThat(report.students().shareWithoutMarks()).isZero();
        assertThat(report.lessons()).isEqualTo(new QualityReport.Lessons(0, 0, 0));
    }

    @Test
    void a_stored_report_reads_back_equal() throws Exception {
        mark("m1", "s1", "2026-09-07", "ИСП-21", "ОП.01", "t1", false);
        lesson("2026-09-07", 1, "ИСП-21", "ОП.01", "t1", null, false);
        QualityReport report = JournalQuality.count(inputs(), AT);
        var json = new ru.spobridge.routes.CanonicalJson();

        assertThat(json.mapper().readValue(json.write(report), QualityReport.class)).isEqualTo(report);
    }

    @Test
    void a_share_is_rounded_half_up_to_one_decimal() {
        assertThat(JournalQuality.share(1, 3)).isEqualTo(33.3);
        assertThat(JournalQuality.share(2, 3)).isEqualTo(66.7);
        assertThat(JournalQuality.share(1, 8)).isEqualTo(12.5);
    }

    private JournalQuality.Inputs inputs() {
        return new JournalQuality.Inputs("c1", "Колледж", FROM, TO, lessons, roster, marks, absences, entries, 2, 1, null,
                List.of(new QualityReport.Platform("epos", "ЭПОС.СПО", 10, 1, 0, 0, null)));
    }

    private void lesson(String date, int bell, String group, String discipline, String teacher, String substitute, boolean cancelled) {
        lessons.add(new JournalQuality.ScheduledLesson(LocalDate.parse(date), bell, group, discipline, List.of(teacher), substitute, cancelled));
    }

    private void entry(String date, int bell, String group, String discipline, String teacher, String topic, String homework, boolean deleted) {
        entries.add(new LessonEntry("c1", "les:" + date + ":" + bell + ":" + group, 1, LocalDate.parse(date), bell, group, discipline, teacher,
                null, topic, null, homework, AT, AT, deleted));
    }

    private void mark(String id, String student, String date, String group, String discipline, String teacher, boolean deleted) {
        marks.add(new Mark("c1", id, 1, student, "les:" + date, LocalDate.parse(date), group, discipline, teacher, MarkValue.parse("4"),
                WorkType.CURRENT, AT, AT, deleted));
    }

    private void absence(String id, String student, String date, String group, String discipline, String teacher, boolean withdrawn) {
        absences.add(new Attendance("c1", id, 1, student, "les:" + date, LocalDate.parse(date), group, discipline, teacher,
                AbsenceReason.UNKNOWN, false, AT, AT, withdrawn));
    }
}
