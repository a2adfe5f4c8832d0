package ru.spobridge.routes.marks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.protection.PayloadCipher;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.reference.ReferenceKind;
import ru.spobridge.model.calendar.WorkingCalendar;
import ru.spobridge.model.marks.Deadlines;
import ru.spobridge.routes.config.WorkingCalendars;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.schedule.LessonStatus;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.schedule.ScheduleState;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * What deputy directors check (seed 002 §3.10–3.11): marks entered after the college's deadline, topics and homework
 * recorded after the lesson day (seed 004 §3.5), lessons with nothing in the journal, per group and teacher; and what
 * was sent to each platform and what it accepted, per group and day.
 */
@Component
public class MarksReports {

    private final CanonicalRecords canonical;
    private final CanonicalJson json;
    private final Colleges colleges;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final WorkingCalendars calendars;
    private final PayloadCipher cipher;

    public MarksReports(CanonicalRecords canonical, CanonicalJson json, Colleges colleges, NamedParameterJdbcTemplate jdbc, Clock clock,
                        WorkingCalendars calendars, PayloadCipher cipher) {
        this.calendars = calendars;
        this.cipher = cipher;
        this.canonical = canonical;
        this.json = json;
        this.colleges = colleges;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record LateMark(String markId, String studentId, String lessonKey, String workType, LocalDate lessonDate, LocalDate due,
                           LocalDate received) {
    }

    /** A lesson whose topic or homework the teacher recorded after its deadline (seed 004 §3.5: on the lesson day). */
    public record LateLessonEntry(String lessonKey, LocalDate lessonDate, LocalDate due, LocalDate recorded) {
    }

    public record GroupTeacher(String group, String teacherId, List<LateMark> lateMarks, List<String> lessonsWithoutEntries,
                               List<LateLessonEntry> lateLessonEntries) {
    }

    public record DayOutcome(String group, LocalDate date, String target, int sent, int accepted, int rejected, int pending,
                             List<String> reasons) {
    }

    public List<GroupTeacher> late(String college) {
        ZoneId zone = colleges.settings(college).zone();
        Deadlines deadlines = colleges.settings(college).marks().deadlines();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<String, GroupTeacher> rows = new TreeMap<>();
        Set<String> lessonsWithEntries = new HashSet<>();
        marksWithDue(college, (mark, due, received, late) -> {
            lessonsWithEntries.add(mark.lessonKey());
            if (!mark.deleted() && late) {
                row(rows, mark.groupCode(), mark.teacherId()).lateMarks().add(new LateMark(mark.id(), mark.studentId(), mark.lessonKey(),
                        mark.workType().code(), mark.date(), due, received));
            }
        });
        canonical.payloads(college, MarksIntake.ATTENDANCE).values().forEach(payload -> lessonsWithEntries.add(json.read(payload, Attendance.class).lessonKey()));
        for (String payload : canonical.payloads(college, LessonEntry.ENTITY_TYPE).values()) {
            LessonEntry entry = json.read(payload, LessonEntry.class);
            LocalDate due = deadlines.lessonEntryDue(entry.date());
            LocalDate recorded = LocalDate.ofInstant(entry.recordedAt(), zone);
            if (!entry.deleted() && (entry.hasTopic() || entry.hasHomework()) && recorded.isAfter(due)) {
                row(rows, entry.groupCode(), entry.teacherId()).lateLessonEntries().add(new LateLessonEntry(entry.lessonKey(), entry.date(), due,
                        recorded));
            }
        }
        for (String payload : canonical.payloads(college, ScheduleState.LESSON).values()) {
            Lesson lesson = json.read(payload, Lesson.class);
            if (lesson.status() != LessonStatus.CANCELLED && deadlines.attendanceDue(lesson.date()).isBefore(today)
                    && !lessonsWithEntries.contains(lesson.key())) {
                String teacher = lesson.substituteTeacherId() != null ? lesson.substituteTeacherId()
                        : lesson.teacherIds().isEmpty() ? "—" : lesson.teacherIds().get(0);
                row(rows, lesson.groupCode(), teacher).lessonsWithoutEntries().add(lesson.key());
            }
        }
        return new ArrayList<>(rows.values());
    }

    /** Marks of one month (by the lesson's date): entered by their deadline and after it. */
    public record MonthCompliance(java.time.YearMonth month, int onTime, int late) {
    }

    /** Per month, how many of the college's marks were entered in time, oldest month first. */
    public List<MonthCompliance> monthly(String college) {
        Map<java.time.YearMonth, int[]> months = new TreeMap<>();
        marksWithDue(college, (mark, due, received, late) -> {
            if (!mark.deleted()) {
                months.computeIfAbsent(java.time.YearMonth.from(mark.date()), month -> new int[2])[late ? 1 : 0]++;
            }
        });
        List<MonthCompliance> answer = new ArrayList<>();
        months.forEach((month, counts) -> answer.add(new MonthCompliance(month, counts[0], counts[1])));
        return answer;
    }

    private interface MarkVisitor {
        void visit(Mark mark, LocalDate due, LocalDate received, boolean late);
    }

    /**
     * Every mark of a college with its deadline, the day it reached the hub (in the college's zone) and whether that was
     * late. A school judges by the hour after its class's last lesson of the day (seed 004 §3.5), so its lessons' ends
     * are read from the schedule.
     */
    private void marksWithDue(String college, MarkVisitor visitor) {
        ZoneId zone = colleges.settings(college).zone();
        Deadlines deadlines = colleges.settings(college).marks().deadlines();
        WorkingCalendar calendar = calendars.forCollege(college);
        // attestation periods from справочники: an attestation mark is due a day before its period ends
        List<LocalDate[]> periods = new ArrayList<>();
        canonical.payloads(college, "reference").values().stream().map(payload -> json.read(payload, ReferenceItem.class))
                .filter(item -> item.kind() == ReferenceKind.ATTESTATION_PERIOD)
                .forEach(item -> periods.add(new LocalDate[] {LocalDate.parse(item.attributes().get("from")), LocalDate.parse(item.attributes().get("to"))}));
        Map<String, java.time.LocalTime> lessonsEnd = deadlines.byLessonsEnd() ? lessonsEnd(college) : Map.of();
        for (String payload : canonical.payloads(college, MarksIntake.MARK).values()) {
            Mark mark = json.read(payload, Mark.class);
            LocalDate received = LocalDate.ofInstant(mark.receivedAt(), zone);
            LocalDate periodEnd = periods.stream().filter(period -> !mark.date().isBefore(period[0]) && !mark.date().isAfter(period[1]))
                    .map(period -> period[1]).findFirst().orElse(null);
            boolean late = deadlines.late(mark.receivedAt(), mark.workType(), mark.date(),
                    lessonsEnd.get(mark.groupCode() + "|" + mark.date()), periodEnd, calendar, zone);
            visitor.visit(mark, deadlines.markDue(mark.workType(), mark.date(), periodEnd, calendar), received, late);
        }
    }

    /** When each class's last lesson of each day ends ("group|date" → time); cancelled lessons do not count. */
    private Map<String, java.time.LocalTime> lessonsEnd(String college) {
        Map<String, java.time.LocalTime> ends = new HashMap<>();
        for (String payload : canonical.payloads(college, ScheduleState.LESSON).values()) {
            Lesson lesson = json.read(payload, Lesson.class);
            if (lesson.status() != LessonStatus.CANCELLED && lesson.end() != null) {
                ends.merge(lesson.groupCode() + "|" + lesson.date(), lesson.end(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return ends;
    }

    public List<DayOutcome> reconciliation(String college) {
        Map<String, DayOutcome> outcomes = new TreeMap<>();
        Map<String, List<String>> reasons = new HashMap<>();
        jdbc.query("SELECT entity_key, field, code, target FROM rejected_record WHERE college_id = :college AND resolved_at IS NULL "
                + "AND entity_type IN ('mark', 'attendance') AND target IS NOT NULL", Map.of("college", college),
                rs -> {
                    reasons.computeIfAbsent(rs.getString(4) + "|" + rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2) + "/" + rs.getString(3));
                });
        for (String targetName : colleges.enabledTargets(college)) {
            jdbc.query("SELECT c.entity_type, c.entity_key, c.payload, c.content_hash, s.delivered_hash, s.rejected_hash, s.published_hash "
                    + "FROM canonical_record c LEFT JOIN sync_state s ON s.college_id = c.college_id AND s.entity_type = c.entity_type "
                    + "AND s.entity_key = c.entity_key AND s.target = :target WHERE c.college_id = :college AND c.entity_type IN ('mark', 'attendance')",
                    Map.of("college", college, "target", targetName), rs -> {
                        boolean isMark = MarksIntake.MARK.equals(rs.getString(1));
                        // joined with the sync state in one query, so opened here rather than through CanonicalRecords
                        String payload = cipher.open(rs.getString(3));
                        String group = isMark ? json.read(payload, Mark.class).groupCode() : json.read(payload, Attendance.class).groupCode();
                        LocalDate date = isMark ? json.read(payload, Mark.class).date() : json.read(payload, Attendance.class).date();
                        String hash = rs.getString(4);
                        boolean accepted = hash.equals(rs.getString(5));
                        boolean refused = hash.equals(rs.getString(6));
                        boolean sent = accepted || refused || hash.equals(rs.getString(7));
                        String key = group + "|" + date + "|" + targetName;
                        DayOutcome old = outcomes.getOrDefault(key, new DayOutcome(group, date, targetName, 0, 0, 0, 0, new ArrayList<>()));
                        List<String> why = new ArrayList<>(old.reasons());
                        if (refused) {
                            why.addAll(reasons.getOrDefault(targetName + "|" + rs.getString(2), List.of()));
                        }
                        outcomes.put(key, new DayOutcome(group, date, targetName, old.sent() + (sent ? 1 : 0), old.accepted() + (accepted ? 1 : 0),
                                old.rejected() + (refused ? 1 : 0), old.pending() + (accepted || refused ? 0 : 1), why));
                    });
        }
        return new ArrayList<>(outcomes.values());
    }

    private static GroupTeacher row(Map<String, GroupTeacher> rows, String group, String teacher) {
        String g = group == null ? "—" : group;
        String t = teacher == null ? "—" : teacher;
        return rows.computeIfAbsent(g + "|" + t, key -> new GroupTeacher(g, t, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }
}
