package ru.spobridge.simulators.journal;

import java.time.Instant;
import java.util.List;
import ru.spobridge.simulators.journal.JournalSimulator.LessonNote;

/**
 * The demo colleges' journal: five lessons of «ОП.01 Операционные системы и среды» in group ИСП-24 (a group every demo
 * college has) in September 2026, keyed by date ({@code dbg:}), with their КТП numbers, topics and homework. Three
 * are left as a deputy director would find them: lesson 3's topic is abbreviated («Реш. задач…», seed 002 §3.9),
 * lesson 4 (a practical work) has no homework, lesson 5's topic was recorded the day after the lesson (seed 004 §3.5).
 */
public final class JournalDemo {

    /** One seeded lesson: its key, what the teacher wrote, when. */
    public record DemoLesson(String lessonKey, LessonNote note, Instant recordedAt) {
    }

    public static final String GROUP = "ИСП-24";
    public static final String DISCIPLINE = "ОП.01";
    public static final String TEACHER = "demo-t1";
    public static final String ABBREVIATED = key("2026-09-14", 1);
    public static final String WITHOUT_HOMEWORK = key("2026-09-14", 2);
    public static final String RECORDED_LATE = key("2026-09-21", 1);

    public static final List<DemoLesson> LESSONS = List.of(
            new DemoLesson(key("2026-09-07", 1), new LessonNote(1, "Введение. Назначение и функции операционных систем", null,
                    "Конспект лекции, вопросы 1–5"), Instant.parse("2026-09-07T05:00:00Z")),
            new DemoLesson(key("2026-09-07", 2), new LessonNote(2, "Классификация операционных систем", null,
                    "Таблица сравнения операционных систем по назначению"), Instant.parse("2026-09-07T06:40:00Z")),
            new DemoLesson(ABBREVIATED, new LessonNote(3, "Реш. задач по теме «Управление процессами»", null, "Задачи 3.1–3.4"),
                    Instant.parse("2026-09-14T05:00:00Z")),
            new DemoLesson(WITHOUT_HOMEWORK, new LessonNote(4, "Практическая работа № 1. Установка операционной системы", 1, null),
                    Instant.parse("2026-09-14T06:40:00Z")),
            new DemoLesson(RECORDED_LATE, new LessonNote(5, "Управление памятью", null, "§5, вопросы 1–4"),
                    Instant.parse("2026-09-22T05:00:00Z")));

    private JournalDemo() {
    }

    /** Writes the demo lessons into the journal of {@code collegeId}; the number written. */
    public static int seed(JournalSimulator journal, String collegeId) {
        LESSONS.forEach(lesson -> journal.putLessonEntry(collegeId, lesson.lessonKey(), TEACHER, lesson.note(), lesson.recordedAt()));
        return LESSONS.size();
    }

    private static String key(String date, int bell) {
        return JournalSimulator.LESSON_BY_DATE_PREFIX + date + ":" + bell + ":" + GROUP + ":" + DISCIPLINE;
    }
}
