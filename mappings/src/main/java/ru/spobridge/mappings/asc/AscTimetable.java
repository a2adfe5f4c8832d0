package ru.spobridge.mappings.asc;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/**
 * One «aSc Timetables 2012 XML» export as read from the file (shared/contracts/asc-timetables.md): a weekly template
 * of tables, still keyed by the file's own ids, which aSc does not keep stable between exports. Masks are kept as
 * the strings of '0'/'1' the file writes; {@code null} stands for an attribute the table's {@code columns} lacks.
 */
public record AscTimetable(String version, List<Period> periods, List<DaysDef> daysDefs, List<WeeksDef> weeksDefs,
                           List<TermsDef> termsDefs, List<Day> days, List<Subject> subjects, List<Teacher> teachers,
                           List<Building> buildings, List<Classroom> classrooms, List<SchoolClass> classes, List<Group> groups,
                           List<LessonDef> lessons, List<Card> cards) {

    /** The desktop edition exports at most 10 cards/lessons without a special registration code. */
    public static final int UNREGISTERED_EXPORT_LIMIT = 10;

    public AscTimetable {
        periods = List.copyOf(periods);
        daysDefs = List.copyOf(daysDefs);
        weeksDefs = List.copyOf(weeksDefs);
        termsDefs = List.copyOf(termsDefs);
        days = List.copyOf(days);
        subjects = List.copyOf(subjects);
        teachers = List.copyOf(teachers);
        buildings = List.copyOf(buildings);
        classrooms = List.copyOf(classrooms);
        classes = List.copyOf(classes);
        groups = List.copyOf(groups);
        lessons = List.copyOf(lessons);
        cards = List.copyOf(cards);
    }

    /** A tiny file is a licence symptom, not an empty schedule: the operator should be told before anything is replaced. */
    public boolean looksLimitedByLicence() {
        return !cards.isEmpty() && cards.size() <= UNREGISTERED_EXPORT_LIMIT && lessons.size() <= UNREGISTERED_EXPORT_LIMIT;
    }

    /** A bell: {@code period} is the number cards refer to (0 is allowed), not the position in the table. */
    public record Period(int period, String name, String shortName, LocalTime start, LocalTime end) {
    }

    /** {@code days} holds the allowed day masks ("10000,01000,…"); the same shape for weeks and terms. */
    public record DaysDef(String id, List<String> days, String name, String shortName) {
    }

    public record WeeksDef(String id, List<String> weeks, String name, String shortName) {
    }

    public record TermsDef(String id, List<String> terms, String name, String shortName) {
    }

    /** The third-party {@code <days>} table: a card's {@code day} number refers to {@code day}; the position is the weekday. */
    public record Day(String day, String name, String shortName) {
    }

    public record Subject(String id, String name, String shortName, String partnerId) {
    }

    /** Names are personal data: never put them in a message, name the teacher by {@code id}. */
    public record Teacher(String id, String name, String shortName, String firstName, String lastName, String partnerId) {
    }

    public record Building(String id, String name, String partnerId) {
    }

    /** {@code capacity} null = unlimited ({@code "*"}) or not given. */
    public record Classroom(String id, String name, String shortName, Integer capacity, String buildingId, String partnerId) {
    }

    /** aSc {@code class} = учебная группа; {@code teacherId} = куратор. */
    public record SchoolClass(String id, String name, String shortName, String teacherId, String partnerId) {
    }

    /** aSc {@code group}: the entire class, or with {@code divisionTag > 0} a подгруппа of one division of the class. */
    public record Group(String id, String classId, String name, boolean entireClass, int divisionTag) {

        public boolean isSubgroup() {
            return !entireClass && divisionTag > 0;
        }
    }

    /**
     * What is taught to whom; placed only through cards. {@code weeks} is the third-party replacement for
     * {@code weeksdefid}. {@code capacity} null = unlimited.
     */
    public record LessonDef(String id, String subjectId, List<String> classIds, List<String> groupIds, List<String> teacherIds,
                            List<String> classroomIds, int periodsPerCard, BigDecimal periodsPerWeek, String daysDefId,
                            String weeksDefId, String termsDefId, String weeks, Integer capacity, String partnerId) {

        public LessonDef {
            classIds = List.copyOf(classIds);
            groupIds = List.copyOf(groupIds);
            teacherIds = List.copyOf(teacherIds);
            classroomIds = List.copyOf(classroomIds);
        }
    }

    /**
     * A placed lesson: {@code period} refers to {@link Period#period()}; {@code days}/{@code weeks}/{@code terms} are
     * masks (null when the table has no such column; {@code day} is the third-party single day number instead).
     * {@code classroomIds} is the room actually used.
     */
    public record Card(String lessonId, int period, String days, String day, String weeks, String terms, List<String> classroomIds) {

        public Card {
            classroomIds = List.copyOf(classroomIds);
        }

        /** How an operator finds the card in aSc: lesson, period and days (and weeks, when the card is not every week). */
        public String key() {
            String key = "card lessonid=" + lessonId + " period=" + period + " days=" + (days != null ? days : "day" + day);
            return weeks != null && weeks.contains("0") ? key + " weeks=" + weeks : key;
        }
    }
}
