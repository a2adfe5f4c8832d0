package ru.spobridge.routes.quality;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.model.PersonalDataMask;
import ru.spobridge.model.Student;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.schedule.LessonStatus;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.marks.MarksIntake;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.reconciliation.Drift;
import ru.spobridge.routes.reconciliation.ReadBack;
import ru.spobridge.routes.schedule.ScheduleState;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * Builds a college's journal-quality report for a month from the hub's store, the marks deadline report, the КТП
 * check and each platform's read-back, and keeps one per college and month (table journal_quality_report, V21) so
 * that the console shows the figures over months.
 */
@Component
@EnableConfigurationProperties(QualitySettings.class)
public class JournalQualityReports {

    private static final Logger log = LoggerFactory.getLogger(JournalQualityReports.class);

    private final CanonicalRecords canonical;
    private final CanonicalJson json;
    private final Colleges colleges;
    private final MarksReports marksReports;
    private final ReadBack readBack;
    private final ObjectProvider<TopicPlanCheck> topicPlan;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;

    public JournalQualityReports(CanonicalRecords canonical, CanonicalJson json, Colleges colleges, MarksReports marksReports, ReadBack readBack,
                                 ObjectProvider<TopicPlanCheck> topicPlan, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction,
                                 AuditLog audit, Clock clock) {
        this.canonical = canonical;
        this.json = json;
        this.colleges = colleges;
        this.marksReports = marksReports;
        this.readBack = readBack;
        this.topicPlan = topicPlan;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    /** The month before today in the college's zone: what the monthly run reports on. */
    public YearMonth previousMonth(String collegeId) {
        return YearMonth.from(LocalDate.ofInstant(clock.instant(), colleges.settings(collegeId).zone())).minusMonths(1);
    }

    /** Counts the month's report, stores it in place of an earlier one of the same month, and returns it. */
    public QualityReport build(String collegeId, YearMonth month, String actor) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        QualityReport report = JournalQuality.count(inputs(collegeId, from, to), clock.instant());
        String stored = json.write(report);
        transaction.executeWithoutResult(status -> {
            MapSqlParameterSource row = new MapSqlParameterSource().addValue("college", collegeId).addValue("month", month.toString())
                    .addValue("from", Date.valueOf(from)).addValue("to", Date.valueOf(to))
                    .addValue("at", Timestamp.from(report.builtAt())).addValue("by", actor).addValue("report", stored);
            jdbc.update("DELETE FROM journal_quality_report WHERE college_id = :college AND report_month = :month", row);
            jdbc.update("INSERT INTO journal_quality_report (college_id, report_month, period_from, period_to, built_at, built_by, report) "
                    + "VALUES (:college, :month, :from, :to, :at, :by, :report)", row);
            audit.record(actor, "JOURNAL_QUALITY", collegeId, month.toString(), "отчёт о ведении журнала построен");
        });
        log.info("Отчёт о ведении журнала: колледж {}, месяц {}, ведут журнал {} из {} преподавателей", collegeId, month,
                report.teachers().keeping(), report.teachers().withLessons());
        return report;
    }

    public Optional<QualityReport> get(String collegeId, YearMonth month) {
        return jdbc.query("SELECT report FROM journal_quality_report WHERE college_id = :college AND report_month = :month",
                Map.of("college", collegeId, "month", month.toString()), (rs, n) -> json.read(rs.getString(1), QualityReport.class))
                .stream().findFirst();
    }

    /** The stored reports of a college, oldest month first, at most {@code months} of the latest. */
    public List<QualityReport> history(String collegeId, int months) {
        List<QualityReport> latest = jdbc.query("SELECT report FROM journal_quality_report WHERE college_id = :college ORDER BY report_month DESC",
                Map.of("college", collegeId), (rs, n) -> json.read(rs.getString(1), QualityReport.class));
        List<QualityReport> answer = new ArrayList<>(latest.subList(0, Math.min(Math.max(months, 0), latest.size())));
        java.util.Collections.reverse(answer);
        return answer;
    }

    private JournalQuality.Inputs inputs(String collegeId, LocalDate from, LocalDate to) {
        List<JournalQuality.ScheduledLesson> lessons = new ArrayList<>();
        for (String payload : canonical.payloads(collegeId, ScheduleState.LESSON).values()) {
            Lesson lesson = json.read(payload, Lesson.class);
            if (!lesson.date().isBefore(from) && !lesson.date().isAfter(to)) {
                lessons.add(new JournalQuality.ScheduledLesson(lesson.date(), lesson.bellNo(), lesson.groupCode(), lesson.disciplineCode(),
                        lesson.teacherIds(), lesson.substituteTeacherId(), lesson.status() == LessonStatus.CANCELLED));
            }
        }
        Map<String, String> roster = new HashMap<>();
        for (String payload : canonical.payloads(collegeId, ContingentIntake.STUDENT).values()) {
            Student student = json.read(payload, Student.class);
            if (student.groupCode() != null) {
                roster.put(student.key().sourceId(), student.groupCode());
            }
        }
        List<Mark> marks = read(collegeId, MarksIntake.MARK, Mark.class);
        List<Attendance> absences = read(collegeId, MarksIntake.ATTENDANCE, Attendance.class);
        List<LessonEntry> entries = read(collegeId, LessonEntry.ENTITY_TYPE, LessonEntry.class);
        // late marks and lessons without attendance: the deadline report's own findings, only those of the period
        int late = 0;
        int withoutAttendance = 0;
        for (MarksReports.GroupTeacher row : marksReports.late(collegeId)) {
            late += (int) row.lateMarks().stream().filter(mark -> within(mark.lessonDate(), from, to)).count();
            withoutAttendance += (int) row.lessonsWithoutEntries().stream().filter(key -> within(ReadBack.dateInKey(key), from, to)).count();
        }
        TopicPlanCheck check = topicPlan.getIfAvailable();
        OptionalInt ktp = check == null ? OptionalInt.empty() : check.differences(collegeId, from, to);
        return new JournalQuality.Inputs(collegeId, colleges.settings(collegeId).name(), from, to, lessons, roster, marks, absences, entries,
                late, withoutAttendance, ktp.isPresent() ? ktp.getAsInt() : null, platforms(collegeId, from, to));
    }

    /** Sent vs accepted at each platform; a platform that does not answer is named in the report, not a failed report. */
    private List<QualityReport.Platform> platforms(String collegeId, LocalDate from, LocalDate to) {
        List<QualityReport.Platform> platforms = new ArrayList<>();
        for (String target : readBack.targets(collegeId)) {
            try {
                ReadBack.Comparison comparison = readBack.compare(collegeId, target, from, to);
                platforms.add(new QualityReport.Platform(target, comparison.title(), comparison.delivered(), (int) comparison.count(Drift.MISSING),
                        (int) comparison.count(Drift.EXTRA), (int) comparison.count(Drift.DIFFERENT), null));
            } catch (RuntimeException e) {
                String reason = PersonalDataMask.mask(String.valueOf(e.getMessage()));
                log.warn("Отчёт о ведении журнала: колледж {}, платформа {} не прочитана: {}", collegeId, target, reason);
                platforms.add(new QualityReport.Platform(target, target, 0, 0, 0, 0, "Платформа не прочитана: " + reason));
            }
        }
        return platforms;
    }

    private <T> List<T> read(String collegeId, String entityType, Class<T> type) {
        return canonical.payloads(collegeId, entityType).values().stream().map(payload -> json.read(payload, type)).toList();
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }
}
