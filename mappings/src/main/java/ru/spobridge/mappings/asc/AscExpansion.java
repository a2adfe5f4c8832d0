package ru.spobridge.mappings.asc;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.schedule.LessonStatus;

/**
 * Turns the weekly template of an aSc export into dated lessons for the validity period the operator gave (the
 * export has no dates). Each card becomes one lesson per date, bell and group or subgroup; a card that refers to
 * something missing or unmatched, repeats another, or puts a group twice into one bell is refused as a whole and
 * reported by {@code lessonid}+{@code period}+{@code days}; the other cards still go through.
 */
public final class AscExpansion {

    /**
     * The dated lessons (by date, bell, group, subgroup), every refused card's errors, how many cards were refused,
     * and how many were left out because their week or term mask excludes the period (counted, not dropped silently).
     */
    public record Result(List<Lesson> lessons, List<RecordError> errors, int rejectedCards, int skippedCards, Set<String> acceptedCardKeys) {

        public Result {
            lessons = List.copyOf(lessons);
            errors = List.copyOf(errors);
            acceptedCardKeys = Set.copyOf(acceptedCardKeys);
        }
    }

    private static final Comparator<Lesson> ORDER = Comparator.comparing(Lesson::date).thenComparingInt(Lesson::bellNo)
            .thenComparing(Lesson::groupCode).thenComparing(Lesson::subgroupCode, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Lesson::disciplineCode);

    /** A class, or one subgroup of it, that a lesson is taught to. */
    private record Audience(String groupCode, String subgroupCode, int divisionTag) {
    }

    private AscExpansion() {
    }

    /**
     * @param from      first date of validity, inclusive
     * @param to        last date of validity, inclusive
     * @param termStart a date in the first week of the term: week masks count weeks from its week (A/B = 10/01)
     */
    public static Result expand(String collegeId, AscTimetable timetable, AscMatching.Result matches, LocalDate from, LocalDate to,
                                LocalDate termStart) {
        return expand(collegeId, timetable, matches, from, to, termStart, 1);
    }

    /**
     * @param term which term (1-based) of the export's {@code termsdefs} the period lies in: a card's term mask is
     *             positional ({@code 01} = second term only); a one-position mask is the whole year
     */
    public static Result expand(String collegeId, AscTimetable timetable, AscMatching.Result matches, LocalDate from, LocalDate to,
                                LocalDate termStart, int term) {
        return new AscExpansion.Run(collegeId, timetable, matches, from, to, termStart, term).run();
    }

    private static final class Run {
        private final String collegeId;
        private final AscTimetable timetable;
        private final AscMatching.Result matches;
        private final List<LocalDate> dates;
        private final LocalDate firstWeek;
        private final Map<String, AscTimetable.LessonDef> lessons;
        private final Map<Integer, AscTimetable.Period> periods;
        private final Map<String, AscTimetable.Group> groups;
        private final Set<String> teachers;
        private final Set<String> classes;
        private final Set<String> rooms;
        private final Map<String, AscTimetable.DaysDef> daysDefs;
        private final Map<String, AscTimetable.WeeksDef> weeksDefs;
        private final Map<String, AscTimetable.TermsDef> termsDefs;
        private final int term;
        private final List<String> dayNumbers;
        /** How each element is named to the operator, per kind and aSc id. */
        private final Map<String, String> labels = new HashMap<>();
        private final Set<String> seen = new HashSet<>();
        private final BellOccupancy occupancy = new BellOccupancy();
        private final List<Lesson> out = new ArrayList<>();
        private final List<RecordError> errors = new ArrayList<>();
        private int rejectedCards;
        private int skippedCards;
        private final Set<String> accepted = new java.util.LinkedHashSet<>();
        private final Set<String> refused = new HashSet<>();

        Run(String collegeId, AscTimetable timetable, AscMatching.Result matches, LocalDate from, LocalDate to, LocalDate termStart, int term) {
            this.term = term;
            this.collegeId = collegeId;
            this.timetable = timetable;
            this.matches = matches;
            this.dates = from.datesUntil(to.plusDays(1)).toList();
            this.firstWeek = termStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            this.lessons = byId(timetable.lessons(), AscTimetable.LessonDef::id);
            this.periods = timetable.periods().stream().collect(Collectors.toMap(AscTimetable.Period::period, p -> p, (a, b) -> a));
            this.groups = byId(timetable.groups(), AscTimetable.Group::id);
            this.teachers = byId(timetable.teachers(), AscTimetable.Teacher::id).keySet();
            this.classes = byId(timetable.classes(), AscTimetable.SchoolClass::id).keySet();
            this.rooms = byId(timetable.classrooms(), AscTimetable.Classroom::id).keySet();
            this.daysDefs = byId(timetable.daysDefs(), AscTimetable.DaysDef::id);
            this.weeksDefs = byId(timetable.weeksDefs(), AscTimetable.WeeksDef::id);
            this.termsDefs = byId(timetable.termsDefs(), AscTimetable.TermsDef::id);
            this.dayNumbers = timetable.days().stream().map(AscTimetable.Day::day).toList();
            timetable.teachers().forEach(t -> labels.put("teacher " + t.id(), AscMatching.label(AscMatching.Kind.TEACHER, t.id(), t.shortName(), t.name())));
            timetable.classes().forEach(c -> labels.put("class " + c.id(), AscMatching.label(AscMatching.Kind.GROUP, c.id(), c.shortName(), c.name())));
            timetable.classrooms().forEach(r -> labels.put("classroom " + r.id(), AscMatching.label(AscMatching.Kind.ROOM, r.id(), r.shortName(), r.name())));
            timetable.subjects().forEach(x -> labels.put("subject " + x.id(), AscMatching.label(AscMatching.Kind.SUBJECT, x.id(), x.shortName(), x.name())));
        }

        /** «класс ТМ-21 [C1]» for an element of the file, «class id=C9» for one the file does not have. */
        private String label(String element, String id) {
            return labels.getOrDefault(element + " " + id, element + " id=" + id);
        }

        Result run() {
            for (AscTimetable.Card card : timetable.cards()) {
                place(card);
            }
            out.sort(ORDER);
            errors.forEach(error -> refused.add(error.recordKey()));
            accepted.removeAll(refused);
            return new Result(out, errors, rejectedCards, skippedCards, accepted);
        }

        private void place(AscTimetable.Card card) {
            FieldCollector refusal = new FieldCollector(card.key());
            AscTimetable.LessonDef lesson = lessons.get(card.lessonId());
            if (lesson == null) {
                refusal.reject("lessonid", "UNKNOWN_LESSON", "Карточка ссылается на урок lessonid=" + card.lessonId() + ", которого нет в файле");
                errors.addAll(refusal.errors());
                rejectedCards++;
                return;
            }
            String days = days(card, lesson, refusal);
            String weeks = weeks(card, lesson);
            if (!seen.add(card.lessonId() + "|" + card.period() + "|" + days + "|" + card.day() + "|" + weeks)) {
                refusal.reject("card", "DUPLICATE_CARD", "Карточка урока lessonid=" + card.lessonId()
                        + " повторяет другую карточку (тот же урок, пара, дни и недели)");
            }
            // a lesson of periodspercard=N arrives as N cards, one per bell: a card is its own bell, never stretched
            AscTimetable.Period bell = periods.get(card.period());
            if (bell == null) {
                refusal.reject("period", "PERIOD_NOT_IN_BELLS", "Пары (урока) period=" + card.period() + " нет в таблице звонков <periods>");
            }
            String subject = lesson.subjectId() == null ? null : matches.subjects().get(lesson.subjectId());
            if (subject == null) {
                refusal.reject("subjectid", "UNKNOWN_SUBJECT", lesson.subjectId() == null ? "У урока " + lesson.id() + " не указан предмет"
                        : "Предмет урока " + lesson.id() + " — " + label("subject", lesson.subjectId())
                        + (labels.containsKey("subject " + lesson.subjectId()) ? " — не сопоставлен со справочником" : " — отсутствует в файле"));
            }
            List<String> teacherCodes = teachers(lesson, refusal);
            List<String> roomCodes = rooms(card, lesson, refusal);
            String room = roomCodes.isEmpty() ? null : roomCodes.get(0);
            List<Audience> audiences = audiences(lesson, refusal);
            if (refusal.hasErrors()) {
                errors.addAll(refusal.errors());
                rejectedCards++;
                return;
            }
            accepted.add(card.key());
            if (!inTerm(terms(card, lesson))) {
                skippedCards++;
                return;
            }
            List<BellOccupancy.Seat> seats = new ArrayList<>();
            List<Lesson> placed = new ArrayList<>();
            for (LocalDate date : dates) {
                if (!onDay(days, date) || !inWeek(weeks, date)) {
                    continue;
                }
                for (Audience audience : audiences) {
                    seats.add(new BellOccupancy.Seat(date, bell.period(), audience.groupCode(), audience.subgroupCode(), audience.divisionTag(),
                            card.key()));
                    placed.add(new Lesson(collegeId, date, bell.period(), bell.start(), bell.end(), audience.groupCode(),
                            audience.subgroupCode(), subject, teacherCodes, room, LessonStatus.PLANNED, null,
                            roomCodes.size() > 1 ? roomCodes.subList(1, roomCodes.size()) : List.of()));
                }
            }
            if (placed.isEmpty() && dates.stream().anyMatch(date -> onDay(days, date))) {
                skippedCards++;
                return;
            }
            String clash = occupancy.clash(seats);
            if (clash != null) {
                errors.add(new RecordError(card.key(), "period", "OVERLAP", "Карточка ставит группу (подгруппу) в ту же пару того же дня,"
                        + " что и карточка «" + clash + "»; принята первая"));
                rejectedCards++;
                return;
            }
            occupancy.take(seats);
            out.addAll(placed);
        }

        /** The card's day mask; a third-party {@code day} number means its position in {@code <days>}; else the lesson's only daysdef option. */
        private String days(AscTimetable.Card card, AscTimetable.LessonDef lesson, FieldCollector refusal) {
            if (card.days() != null) {
                return card.days();
            }
            if (card.day() != null) {
                int position = dayNumbers.indexOf(card.day());
                if (position < 0) {
                    refusal.reject("day", "UNKNOWN_DAY", "День day=" + card.day() + " карточки отсутствует в таблице <days>");
                    return null;
                }
                return "0".repeat(position) + "1";
            }
            AscTimetable.DaysDef def = lesson.daysDefId() == null ? null : daysDefs.get(lesson.daysDefId());
            if (def != null && def.days().size() == 1) {
                return def.days().get(0);
            }
            refusal.reject("days", "REQUIRED", "У карточки не указан день недели");
            return null;
        }

        /** The card's week mask, else the lesson's ({@code weeks} or its only weeksdef option), else every week. */
        private String weeks(AscTimetable.Card card, AscTimetable.LessonDef lesson) {
            if (card.weeks() != null) {
                return card.weeks();
            }
            if (lesson.weeks() != null) {
                return lesson.weeks();
            }
            AscTimetable.WeeksDef def = lesson.weeksDefId() == null ? null : weeksDefs.get(lesson.weeksDefId());
            return def != null && def.weeks().size() == 1 ? def.weeks().get(0) : "1";
        }

        /** The card's term mask, else the lesson's only termsdef option, else the whole year. */
        private String terms(AscTimetable.Card card, AscTimetable.LessonDef lesson) {
            if (card.terms() != null) {
                return card.terms();
            }
            AscTimetable.TermsDef def = lesson.termsDefId() == null ? null : termsDefs.get(lesson.termsDefId());
            return def != null && def.terms().size() == 1 ? def.terms().get(0) : "1";
        }

        /** Positional: {@code 01} is the second term only; a one-position mask is the single term of the year. */
        private boolean inTerm(String mask) {
            if (mask.length() == 1) {
                return mask.charAt(0) == '1';
            }
            return term >= 1 && term <= mask.length() && mask.charAt(term - 1) == '1';
        }

        private List<String> teachers(AscTimetable.LessonDef lesson, FieldCollector refusal) {
            List<String> codes = new ArrayList<>();
            for (String id : lesson.teacherIds()) {
                String code = matches.teachers().get(id);
                if (code == null) {
                    refusal.reject("teacherids", "UNKNOWN_TEACHER", "Преподаватель урока " + lesson.id() + " — " + label("teacher", id)
                            + (teachers.contains(id) ? " — не сопоставлен со справочником" : " — отсутствует в файле"));
                } else if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            return codes;
        }

        /** The rooms actually used: the card's (all of them), else the lesson's only allowed room, else none; each must be matched. */
        private List<String> rooms(AscTimetable.Card card, AscTimetable.LessonDef lesson, FieldCollector refusal) {
            List<String> ids = !card.classroomIds().isEmpty() ? card.classroomIds()
                    : lesson.classroomIds().size() == 1 ? lesson.classroomIds() : List.of();
            List<String> codes = new ArrayList<>();
            for (String id : ids) {
                String code = matches.rooms().get(id);
                if (code == null) {
                    refusal.reject("classroomids", "UNKNOWN_ROOM", "Аудитория урока " + lesson.id() + " — " + label("classroom", id)
                            + (rooms.contains(id) ? " — не сопоставлена со справочником" : " — отсутствует в файле"));
                } else if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
            return codes;
        }

        /** Each listed aSc group (entire class → no subgroup), and each listed class none of whose groups is listed. */
        private List<Audience> audiences(AscTimetable.LessonDef lesson, FieldCollector refusal) {
            Map<String, Audience> audiences = new LinkedHashMap<>();
            Set<String> covered = new HashSet<>();
            for (String groupId : lesson.groupIds()) {
                AscTimetable.Group group = groups.get(groupId);
                AscMatching.GroupMatch match = matches.groups().get(groupId);
                String classCode = group == null ? null : matches.classes().get(group.classId());
                if (group == null || match == null || classCode == null) {
                    refusal.reject("groupids", "UNKNOWN_CLASS", "Группа group id=" + groupId + " урока " + lesson.id()
                            + (group == null ? " отсутствует в файле" : " относится к учебной группе " + label("class", group.classId())
                            + ", которая отсутствует в файле или не сопоставлена"));
                    continue;
                }
                covered.add(group.classId());
                audiences.putIfAbsent(classCode + "/" + match.subgroupCode(), new Audience(classCode, match.subgroupCode(), match.divisionTag()));
            }
            for (String classId : lesson.classIds()) {
                String classCode = matches.classes().get(classId);
                if (classCode == null) {
                    refusal.reject("classids", "UNKNOWN_CLASS", "Учебная группа урока " + lesson.id() + " — " + label("class", classId)
                            + (classes.contains(classId) ? " — не сопоставлена со справочником" : " — отсутствует в файле"));
                } else if (!covered.contains(classId)) {
                    audiences.putIfAbsent(classCode + "/null", new Audience(classCode, null, 0));
                }
            }
            if (audiences.isEmpty() && !refusal.hasErrors()) {
                refusal.reject("classids", "UNKNOWN_CLASS", "У урока " + lesson.id() + " не указана ни учебная группа, ни подгруппа");
            }
            return List.copyOf(audiences.values());
        }

        private static boolean onDay(String mask, LocalDate date) {
            int position = date.getDayOfWeek().getValue() - 1;
            return position < mask.length() && mask.charAt(position) == '1';
        }

        private boolean inWeek(String mask, LocalDate date) {
            long week = ChronoUnit.WEEKS.between(firstWeek, date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            return mask.charAt((int) Math.floorMod(week, (long) mask.length())) == '1';
        }

        private static <T> Map<String, T> byId(List<T> elements, Function<T, String> id) {
            Map<String, T> map = new HashMap<>();
            for (T element : elements) {
                map.putIfAbsent(id.apply(element), element);
            }
            return map;
        }
    }
}
