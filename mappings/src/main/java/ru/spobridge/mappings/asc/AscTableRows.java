package ru.spobridge.mappings.asc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.model.RecordError;

/** Turns the row elements of an aSc export into records as they stream by; an element with a bad value is left out. */
final class AscTableRows {

    private String version;
    private final List<AscTimetable.Period> periods = new ArrayList<>();
    private final List<AscTimetable.DaysDef> daysDefs = new ArrayList<>();
    private final List<AscTimetable.WeeksDef> weeksDefs = new ArrayList<>();
    private final List<AscTimetable.TermsDef> termsDefs = new ArrayList<>();
    private final List<AscTimetable.Day> days = new ArrayList<>();
    private final List<AscTimetable.Subject> subjects = new ArrayList<>();
    private final List<AscTimetable.Teacher> teachers = new ArrayList<>();
    private final List<AscTimetable.Building> buildings = new ArrayList<>();
    private final List<AscTimetable.Classroom> classrooms = new ArrayList<>();
    private final List<AscTimetable.SchoolClass> classes = new ArrayList<>();
    private final List<AscTimetable.Group> groups = new ArrayList<>();
    private final List<AscTimetable.LessonDef> lessons = new ArrayList<>();
    private final List<AscTimetable.Card> cards = new ArrayList<>();
    private final List<RecordError> errors = new ArrayList<>();
    /** Row elements left out for a bad value, per element name. */
    private final Map<String, Integer> refused = new HashMap<>();
    /** Thousands of cards repeat a handful of masks and the lesson ids: keep one copy of each. */
    private final Map<String, String> shared = new HashMap<>();

    void version(String value) {
        version = value;
    }

    void add(AscElement row) {
        int before = errors.size();
        addRow(row);
        if (errors.size() > before) {
            refused.merge(row.element(), 1, Integer::sum);
        }
    }

    int refused(String element) {
        return refused.getOrDefault(element, 0);
    }

    private void addRow(AscElement row) {
        switch (row.element()) {
            case "period" -> period(row);
            case "daysdef" -> {
                FieldCollector c = row.keyedBy("daysdef id=" + row.text("id"));
                var def = new AscTimetable.DaysDef(row.required("id"), row.masks("days"), row.text("name"), row.text("short"));
                keep(c, daysDefs, def);
            }
            case "weeksdef" -> {
                FieldCollector c = row.keyedBy("weeksdef id=" + row.text("id"));
                var def = new AscTimetable.WeeksDef(row.required("id"), row.masks("weeks"), row.text("name"), row.text("short"));
                keep(c, weeksDefs, def);
            }
            case "termsdef" -> {
                FieldCollector c = row.keyedBy("termsdef id=" + row.text("id"));
                var def = new AscTimetable.TermsDef(row.required("id"), row.masks("terms"), row.text("name"), row.text("short"));
                keep(c, termsDefs, def);
            }
            case "day" -> {
                FieldCollector c = row.keyedBy("day day=" + row.text("day"));
                keep(c, days, new AscTimetable.Day(row.required("day"), row.text("name"), row.text("short")));
            }
            case "subject" -> {
                FieldCollector c = row.keyedBy("subject id=" + row.text("id"));
                keep(c, subjects, new AscTimetable.Subject(row.required("id"), row.text("name"), row.text("short"), row.text("partner_id")));
            }
            case "teacher" -> {
                FieldCollector c = row.keyedBy("teacher id=" + row.text("id"));
                keep(c, teachers, new AscTimetable.Teacher(row.required("id"), row.text("name"), row.text("short"), row.text("firstname"),
                        row.text("lastname"), row.text("partner_id")));
            }
            case "building" -> {
                FieldCollector c = row.keyedBy("building id=" + row.text("id"));
                keep(c, buildings, new AscTimetable.Building(row.required("id"), row.text("name"), row.text("partner_id")));
            }
            case "classroom" -> {
                FieldCollector c = row.keyedBy("classroom id=" + row.text("id"));
                keep(c, classrooms, new AscTimetable.Classroom(row.required("id"), row.text("name"), row.text("short"), row.capacity("capacity"),
                        "*".equals(row.text("buildingid")) ? null : row.text("buildingid"), row.text("partner_id")));
            }
            case "class" -> {
                FieldCollector c = row.keyedBy("class id=" + row.text("id"));
                keep(c, classes, new AscTimetable.SchoolClass(row.required("id"), row.text("name"), row.text("short"), row.text("teacherid"),
                        row.text("partner_id")));
            }
            case "group" -> group(row);
            case "lesson" -> lesson(row);
            case "card" -> card(row);
            default -> {
                // a row element this importer does not use
            }
        }
    }

    private void period(AscElement row) {
        FieldCollector c = row.keyedBy("period period=" + row.text("period"));
        Integer number = row.integer("period", 0);
        if (row.text("period") == null) {
            row.required("period");
        }
        var period = new AscTimetable.Period(number == null ? -1 : number, row.text("name"), row.text("short"), row.time("starttime"),
                row.time("endtime"));
        if (period.start() != null && period.end() != null && !period.end().isAfter(period.start())) {
            c.reject("endtime", AscElement.INVALID_VALUE, "Элемент «period»: время окончания не позже времени начала");
        }
        keep(c, periods, period);
    }

    private void group(AscElement row) {
        FieldCollector c = row.keyedBy("group id=" + row.text("id"));
        Integer divisionTag = row.integer("divisiontag", 0);
        keep(c, groups, new AscTimetable.Group(row.required("id"), row.required("classid"), row.text("name"), row.flag("entireclass"),
                divisionTag == null ? 0 : divisionTag));
    }

    private void lesson(AscElement row) {
        FieldCollector c = row.keyedBy("lesson id=" + row.text("id"));
        Integer perCard = row.integer("periodspercard", 1);
        var lesson = new AscTimetable.LessonDef(row.required("id"), row.text("subjectid"), row.ids("classids"), row.ids("groupids"),
                row.ids("teacherids"), row.ids("classroomids"), perCard == null ? 1 : perCard, row.decimal("periodsperweek"),
                row.text("daysdefid"), row.text("weeksdefid"), row.text("termsdefid"), shared(row.mask("weeks")), row.capacity("capacity"),
                row.text("partner_id"));
        keep(c, lessons, lesson);
    }

    private void card(AscElement row) {
        String days = row.text("days");
        FieldCollector c = row.keyedBy("card lessonid=" + row.text("lessonid") + " period=" + row.text("period") + " days="
                + (days != null ? days : "day" + row.text("day")));
        String lessonId = shared(row.required("lessonid"));
        Integer period = row.text("period") == null ? null : row.integer("period", 0);
        if (row.text("period") == null) {
            row.required("period");
        }
        if (!row.declares("days") && !row.declares("day")) {
            c.reject("days", AscElement.REQUIRED, "Элемент «card»: нет ни атрибута days, ни атрибута day");
        }
        List<String> rooms = row.declares("classroomids") ? row.ids("classroomids") : row.ids("classroomid");
        var card = new AscTimetable.Card(lessonId, period == null ? -1 : period, shared(row.mask("days")), shared(row.text("day")),
                shared(row.mask("weeks")), shared(row.mask("terms")), rooms.stream().map(this::shared).toList());
        keep(c, cards, card);
    }

    private <T> void keep(FieldCollector collector, List<T> into, T record) {
        if (collector.hasErrors()) {
            errors.addAll(collector.errors());
        } else {
            into.add(record);
        }
    }

    private String shared(String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    /** An error about a part of the file that is not one element (a table skipped). */
    void error(RecordError error) {
        errors.add(error);
    }

    List<RecordError> errors() {
        return errors;
    }

    AscTimetable timetable() {
        return new AscTimetable(version, periods, daysDefs, weeksDefs, termsDefs, days, subjects, teachers, buildings, classrooms, classes,
                groups, lessons, cards);
    }
}
