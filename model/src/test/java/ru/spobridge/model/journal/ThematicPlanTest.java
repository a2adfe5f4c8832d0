package ru.spobridge.model.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.model.InvalidValueException;

/** A plan cannot exist with a lesson number twice or a lesson that breaks its rules; kinds are read as teachers write them. */
class ThematicPlanTest {

    @Test
    void lessons_are_kept_in_plan_order_and_a_number_twice_is_refused() {
        ThematicPlan plan = new ThematicPlan("c", " ИС-21 ", "ОП.01", List.of(new PlanItem(2, "Б", 2, WorkKind.LECTURE, null),
                new PlanItem(1, "А", 2, WorkKind.LECTURE, null)));

        assertThat(plan.items()).extracting(PlanItem::lessonNo).containsExactly(1, 2);
        assertThat(plan.key()).isEqualTo("ИС-21|ОП.01");
        assertThatThrownBy(() -> new ThematicPlan("c", "ИС-21", "ОП.01", List.of(new PlanItem(1, "А", 2, WorkKind.LECTURE, null),
                new PlanItem(1, "Б", 2, WorkKind.LECTURE, null))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lessonNo"));
        assertThatThrownBy(() -> new ThematicPlan("c", "ИС-21", " ", List.of(new PlanItem(1, "А", 2, WorkKind.LECTURE, null))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("discipline"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0, Тема, 2, lecture, , lessonNo", "1, ' ', 2, lecture, , topic", "1, Тема, 0, lecture, , hours",
            "1, Тема, 2, lecture, 1, workNo", "1, Тема, 2, practical, 0, workNo"})
    void an_item_that_breaks_a_rule_names_its_field(int lessonNo, String topic, int hours, String kind, Integer workNo, String field) {
        assertThatThrownBy(() -> new PlanItem(lessonNo, topic, hours, WorkKind.fromText(kind), workNo))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"Лекция, LECTURE", "Практическое занятие, PRACTICAL", "лабораторная работа., LABORATORY", "Самостоятельная работа, WRITTEN",
            "written, WRITTEN"})
    void kinds_are_read_as_teachers_write_them(String text, WorkKind kind) {
        assertThat(WorkKind.fromText(text)).isEqualTo(kind);
    }
}
