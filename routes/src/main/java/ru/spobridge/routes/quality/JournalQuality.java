package ru.spobridge.routes.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;

/**
 * Counts the journal-quality figures of one college and period (seed 002 §3.10–3.11, §3.8–3.9; seed 004 §3.5) from
 * what the hub holds. Pure: no store, no clock. The rules, which the report prints as {@link QualityReport#DEFINITIONS}:
 * <ul>
 * <li>A lesson of the period is a schedule lesson dated in the period and not cancelled, or a lesson entry of the
 * journal dated in the period (an entry proves the lesson was held); the two are the same lesson when date, bell,
 * group and discipline agree. Its teachers: the substitute when there is one, else the scheduled teachers, else the
 * entry's teacher.</li>
 * <li>Teachers with lessons: every teacher of a lesson of the period. Keeping the journal: of those, each who recorded
 * at least one standing mark (not deleted, with a value) or one absence (withdrawn ones included: the teacher did
 * record attendance) on a lesson dated in the period.</li>
 * <li>Students: those of a group that had a lesson of the period — the group's roster, plus anyone who got a mark or
 * absence in that group in the period. Pairs: each such student × each discipline the group had lessons of. A pair
 * without marks has no standing mark of the period; with one mark, exactly one (a cell «5/4» is one mark record).
 * A student counts once under «without marks» when any pair of theirs has none, and under «one mark» when any has
 * exactly one.</li>
 * <li>Without topic / homework: lessons of the period whose lesson entry is missing, deleted, or has a blank topic /
 * homework.</li>
 * <li>Late marks and lessons without attendance are given: they come from the marks deadline report.</li>
 * </ul>
 */
public final class JournalQuality {

    /** A lesson from the schedule (the hub's canonical lesson), only what the report needs. */
    public record ScheduledLesson(LocalDate date, int bellNo, String groupCode, String disciplineCode, List<String> teacherIds,
                                  String substituteTeacherId, boolean cancelled) {
    }

    /** Everything the figures are counted from, for one college and period. */
    public record Inputs(String collegeId, String collegeName, LocalDate from, LocalDate to, List<ScheduledLesson> lessons,
                         Map<String, String> rosterByStudent, List<Mark> marks, List<Attendance> absences, List<LessonEntry> entries,
                         int lateMarks, int lessonsWithoutAttendance, Integer ktpDifferences, List<QualityReport.Platform> platforms) {
    }

    private JournalQuality() {
    }

    public static QualityReport count(Inputs in, Instant builtAt) {
        Map<String, Held> held = heldLessons(in);
        return new QualityReport(in.collegeId(), in.collegeName(), in.from(), in.to(), builtAt, teachers(in, held.values()),
                students(in, held.values()), lessons(held.values()), in.ktpDifferences(), in.lateMarks(), in.lessonsWithoutAttendance(),
                List.copyOf(in.platforms()));
    }

    /** A share in percent with one decimal; 0 of 0 is 0. */
    public static double share(int part, int whole) {
        return whole == 0 ? 0 : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static final class Held {
        final String groupCode;
        final String disciplineCode;
        final Set<String> teachers = new TreeSet<>();
        LessonEntry entry;

        Held(String groupCode, String disciplineCode) {
            this.groupCode = groupCode;
            this.disciplineCode = disciplineCode;
        }
    }

    private static Map<String, Held> heldLessons(Inputs in) {
        Map<String, Held> held = new LinkedHashMap<>();
        for (ScheduledLesson lesson : in.lessons()) {
            if (lesson.cancelled() || !inPeriod(lesson.date(), in)) {
                continue;
            }
            Held one = held.computeIfAbsent(slot(lesson.date(), lesson.bellNo(), lesson.groupCode(), lesson.disciplineCode()),
                    key -> new Held(lesson.groupCode(), lesson.disciplineCode()));
            if (lesson.substituteTeacherId() != null) {
                one.teachers.add(lesson.substituteTeacherId());
            } else {
                one.teachers.addAll(lesson.teacherIds());
            }
        }
        for (LessonEntry entry : in.entries()) {
            if (!inPeriod(entry.date(), in)) {
                continue;
            }
            Held one = held.computeIfAbsent(slot(entry.date(), entry.bellNo(), entry.groupCode(), entry.disciplineCode()),
                    key -> new Held(entry.groupCode(), entry.disciplineCode()));
            if (!entry.deleted()) {
                one.entry = entry;
            }
            if (one.teachers.isEmpty() && entry.teacherId() != null) {
                one.teachers.add(entry.teacherId());
            }
        }
        return held;
    }

    private static QualityReport.Teachers teachers(Inputs in, java.util.Collection<Held> held) {
        Set<String> withLessons = new TreeSet<>();
        held.forEach(lesson -> withLessons.addAll(lesson.teachers));
        Set<String> recording = new HashSet<>();
        in.marks().stream().filter(mark -> standing(mark) && inPeriod(mark.date(), in)).forEach(mark -> recording.add(mark.teacherId()));
        in.absences().stream().filter(absence -> inPeriod(absence.date(), in)).forEach(absence -> recording.add(absence.teacherId()));
        List<String> notKeeping = withLessons.stream().filter(teacher -> !recording.contains(teacher)).toList();
        return new QualityReport.Teachers(withLessons.size(), withLessons.size() - notKeeping.size(), notKeeping);
    }

    private static QualityReport.Students students(Inputs in, java.util.Collection<Held> held) {
        Map<String, Set<String>> disciplinesByGroup = new HashMap<>();
        held.forEach(lesson -> disciplinesByGroup.computeIfAbsent(lesson.groupCode, group -> new TreeSet<>()).add(lesson.disciplineCode));
        Map<String, String> groupOf = new HashMap<>();
        in.rosterByStudent().forEach((student, group) -> {
            if (disciplinesByGroup.containsKey(group)) {
                groupOf.put(student, group);
            }
        });
        in.marks().stream().filter(mark -> inPeriod(mark.date(), in) && disciplinesByGroup.containsKey(mark.groupCode()))
                .forEach(mark -> groupOf.putIfAbsent(mark.studentId(), mark.groupCode()));
        in.absences().stream().filter(absence -> inPeriod(absence.date(), in) && disciplinesByGroup.containsKey(absence.groupCode()))
                .forEach(absence -> groupOf.putIfAbsent(absence.studentId(), absence.groupCode()));
        Map<String, Integer> marksByPair = new HashMap<>();
        in.marks().stream().filter(mark -> standing(mark) && inPeriod(mark.date(), in))
                .forEach(mark -> marksByPair.merge(mark.studentId() + "|" + mark.disciplineCode(), 1, Integer::sum));
        int pairs = 0;
        int pairsWithout = 0;
        int pairsWithOne = 0;
        Set<String> without = new HashSet<>();
        Set<String> withOne = new HashSet<>();
        for (Map.Entry<String, String> student : groupOf.entrySet()) {
            for (String discipline : disciplinesByGroup.get(student.getValue())) {
                pairs++;
                int marks = marksByPair.getOrDefault(student.getKey() + "|" + discipline, 0);
                if (marks == 0) {
                    pairsWithout++;
                    without.add(student.getKey());
                } else if (marks == 1) {
                    pairsWithOne++;
                    withOne.add(student.getKey());
                }
            }
        }
        return new QualityReport.Students(groupOf.size(), pairs, pairsWithout, pairsWithOne, without.size(), withOne.size());
    }

    private static QualityReport.Lessons lessons(java.util.Collection<Held> held) {
        int withoutTopic = 0;
        int withoutHomework = 0;
        for (Held lesson : held) {
            if (lesson.entry == null || !lesson.entry.hasTopic()) {
                withoutTopic++;
            }
            if (lesson.entry == null || !lesson.entry.hasHomework()) {
                withoutHomework++;
            }
        }
        return new QualityReport.Lessons(held.size(), withoutTopic, withoutHomework);
    }

    private static boolean standing(Mark mark) {
        return !mark.deleted() && mark.value() != null;
    }

    private static boolean inPeriod(LocalDate date, Inputs in) {
        return date != null && !date.isBefore(in.from()) && !date.isAfter(in.to());
    }

    private static String slot(LocalDate date, int bellNo, String groupCode, String disciplineCode) {
        return date + "|" + bellNo + "|" + groupCode + "|" + disciplineCode;
    }
}
