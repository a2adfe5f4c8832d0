package ru.spobridge.mappings.ktp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.journal.PlanItem;
import ru.spobridge.model.journal.ThematicPlan;
import ru.spobridge.model.journal.WorkKind;

/** The journal's topics against the КТП (seed 002 §3.9): each kind of difference, and what does not count as one. */
class TopicCheckTest {

    private static final String PLANNED = "Решение задач по теме «Законы Ньютона»";
    private static final LocalDate MONDAY = LocalDate.of(2025, 9, 1);

    /** A plan of three lessons; lesson 2 is practical work № 1. */
    private static ThematicPlan plan() {
        return new ThematicPlan("college-a", "ИС-21", "ОП.01", List.of(
                new PlanItem(1, "Введение. Электродвижущая сила", 2, WorkKind.LECTURE, null),
                new PlanItem(2, PLANNED, 2, WorkKind.PRACTICAL, 1),
                new PlanItem(3, "Основы безопасности жизнедеятельности", 2, WorkKind.LECTURE, null)));
    }

    private static LessonEntry entry(int day, Integer lessonNo, String topic, Integer workNo) {
        LocalDate date = MONDAY.plusDays(day);
        return new LessonEntry("college-a", "les-" + date + "-1-ИС-21-ОП.01", 1, date, 1, "ИС-21", "ОП.01", "t-1", lessonNo, topic, workNo,
                null, Instant.parse("2025-09-01T10:00:00Z"), Instant.parse("2025-09-01T10:00:00Z"), false);
    }

    private static List<TopicFinding> checkSecond(String recorded, Integer workNo) {
        return TopicCheck.check(plan(), List.of(entry(0, 1, "Введение. Электродвижущая сила", null), entry(1, 2, recorded, workNo)));
    }

    @ParameterizedTest(name = "«{0}» → {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            // different case, ё/е, spaces, quotes and punctuation do not count
            "Решение задач по теме «Законы Ньютона»      | NONE",
            "решение  задач по теме \"законы ньютона\".   | NONE",
            "РЕШЕНИЕ ЗАДАЧ ПО ТЕМЕ ЗАКОНЫ НЬЮТОНА        | NONE",
            // words cut with a dot, a topic cut short, a cut last word
            "Реш. задач по теме «Законы Ньютона»         | ABBREVIATED",
            "Реш.задач по теме Зак. Ньютона              | ABBREVIATED",
            "Решение задач                               | ABBREVIATED",
            "Решение задач по теме «Зак.                 | ABBREVIATED",
            // other words at the same lesson
            "Решение задач на законы Ньютона             | DIFFERENT_WORDING",
            "Задачи по теме «Законы Ньютона»             | DIFFERENT_WORDING",
            "Решение задачи по теме «Законы Ньютона»     | DIFFERENT_WORDING",
            // the topic of another lesson of the plan
            "Основы безопасности жизнедеятельности       | WRONG_ORDER",
    })
    void a_recorded_topic_is_judged_against_the_planned_one(String recorded, String kind) {
        List<TopicFinding> findings = checkSecond(recorded, 1);

        if (kind == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.kind()).isEqualTo(TopicFinding.Kind.valueOf(kind));
                assertThat(finding.groupCode()).isEqualTo("ИС-21");
                assertThat(finding.disciplineCode()).isEqualTo("ОП.01");
                assertThat(finding.lessonNo()).isEqualTo(2);
                assertThat(finding.date()).isEqualTo(MONDAY.plusDays(1));
                assertThat(finding.lessonKey()).isEqualTo("les-2025-09-02-1-ИС-21-ОП.01");
                assertThat(finding.plannedTopic()).isEqualTo(PLANNED);
                assertThat(finding.recordedTopic()).isEqualTo(recorded.strip());
                assertThat(finding.message()).isNotBlank();
            });
        }
    }

    @ParameterizedTest(name = "«{0}» for «{1}»")
    @CsvSource(delimiter = '|', value = {
            "ПК                  | Персональный компьютер",
            "Введение. ТБ        | Введение. Техника безопасности",
            "ОБЖ                 | Основы безопасности жизнедеятельности",
            "Лаб. раб. № 3       | Лабораторная работа № 3",
    })
    void initial_letters_and_cut_words_are_abbreviations(String recorded, String planned) {
        assertThat(TopicText.abbreviates(recorded, planned)).isTrue();
    }

    @ParameterizedTest(name = "«{0}» for «{1}»")
    @CsvSource(delimiter = '|', value = {
            "Электродвижущая сила       | Электродвижущая сила",
            "Сила тока                  | Электродвижущая сила",
            "СЭ                         | Электродвижущая сила",
            "Работа с текстом           | Лабораторная работа № 3",
    })
    void equal_or_other_words_are_not_abbreviations(String recorded, String planned) {
        assertThat(TopicText.abbreviates(recorded, planned)).isFalse();
    }

    @Test
    void a_work_recorded_without_its_number_or_with_another_is_flagged() {
        assertThat(checkSecond(PLANNED, null)).extracting(TopicFinding::kind, TopicFinding::lessonNo)
                .containsExactly(tuple(TopicFinding.Kind.WORK_NUMBER, 2));
        assertThat(checkSecond(PLANNED, 2)).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(TopicFinding.Kind.WORK_NUMBER);
            assertThat(finding.message()).contains("2").contains("практическая работа № 1");
        });
        // a number on a lesson the plan does not count as a work
        assertThat(TopicCheck.check(plan(), List.of(entry(0, 1, "Введение. Электродвижущая сила", 4))))
                .extracting(TopicFinding::kind).containsExactly(TopicFinding.Kind.WORK_NUMBER);
        // a shortened topic and a wrong number are two findings
        assertThat(checkSecond("Реш. задач по теме «Законы Ньютона»", 3)).extracting(TopicFinding::kind)
                .containsExactly(TopicFinding.Kind.ABBREVIATED, TopicFinding.Kind.WORK_NUMBER);
    }

    @Test
    void a_planned_lesson_passed_over_and_a_lesson_without_topic_are_missing() {
        List<TopicFinding> findings = TopicCheck.check(plan(), List.of(
                entry(0, 1, "  ", null),
                entry(3, 3, "Основы безопасности жизнедеятельности", null)));

        assertThat(findings).extracting(TopicFinding::kind, TopicFinding::lessonNo, TopicFinding::lessonKey, TopicFinding::date,
                        TopicFinding::recordedTopic)
                .containsExactly(
                        tuple(TopicFinding.Kind.MISSING, 1, "les-2025-09-01-1-ИС-21-ОП.01", MONDAY, null),
                        tuple(TopicFinding.Kind.MISSING, 2, null, MONDAY.plusDays(3), null));
        assertThat(findings.get(1).plannedTopic()).isEqualTo(PLANNED);
        assertThat(findings.get(1).message()).contains("№ 2").contains("№ 3");
    }

    @Test
    void the_last_recorded_lesson_does_not_make_later_planned_lessons_due() {
        assertThat(TopicCheck.check(plan(), List.of(entry(0, 1, "Введение. Электродвижущая сила", null)))).isEmpty();
        assertThat(TopicCheck.check(plan(), List.of())).isEmpty();
    }

    @Test
    void without_a_number_the_lessons_take_the_plan_in_order_of_date_and_bell_and_subgroups_share_a_place() {
        LessonEntry first = entry(0, null, "Введение. Электродвижущая сила", null);
        LessonEntry subgroupOne = entry(1, null, PLANNED, 1);
        LessonEntry subgroupTwo = new LessonEntry("college-a", subgroupOne.lessonKey() + "/2", 1, subgroupOne.date(), 1, "ИС-21", "ОП.01",
                "t-2", null, "Реш. задач по теме «Законы Ньютона»", 1, null, null, null, false);
        LessonEntry third = entry(2, null, "Основы безопасности жизнедеятельности", null);
        List<LessonEntry> shuffled = new ArrayList<>(List.of(third, subgroupTwo, first, subgroupOne));

        assertThat(TopicCheck.check(plan(), shuffled)).extracting(TopicFinding::kind, TopicFinding::lessonNo, TopicFinding::lessonKey)
                .containsExactly(tuple(TopicFinding.Kind.ABBREVIATED, 2, subgroupTwo.lessonKey()));
    }

    @Test
    void a_lesson_past_the_end_of_the_plan_deleted_entries_and_other_disciplines() {
        LessonEntry deleted = new LessonEntry("college-a", "gone", 2, MONDAY, 2, "ИС-21", "ОП.01", "t-1", 2, "Что-то", null, null, null,
                null, true);
        LessonEntry otherDiscipline = new LessonEntry("college-a", "other", 1, MONDAY, 3, "ИС-21", "ОП.02", "t-1", 9, "Что-то", null, null,
                null, null, false);

        List<TopicFinding> findings = TopicCheck.check(List.of(plan()), List.of(entry(0, 1, "Введение. Электродвижущая сила", null),
                entry(1, 2, PLANNED, 1), entry(2, 3, "Основы безопасности жизнедеятельности", null), entry(3, 4, "Повторение", null),
                deleted, otherDiscipline));

        assertThat(findings).extracting(TopicFinding::kind, TopicFinding::lessonNo).containsExactly(tuple(TopicFinding.Kind.NOT_IN_PLAN, 4));
        assertThat(TopicCheck.countByKind(findings)).containsEntry(TopicFinding.Kind.NOT_IN_PLAN, 1L).containsEntry(TopicFinding.Kind.MISSING, 0L);
    }
}
