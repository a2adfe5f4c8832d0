package ru.spobridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.spobridge.model.marks.Deadlines;
import ru.spobridge.model.marks.MarkValue;
import ru.spobridge.model.marks.WorkType;

class MarkValueTest {

    @ParameterizedTest
    @CsvSource({"5, 5", "2, 2", "5/4, 5/4", "зачёт, зач", "Зач, зач", "а/з, а/з", "н/а, н/а", "нпа, НПА"})
    void every_value_the_seeds_name_is_read_and_written_back(String raw, String text) {
        assertThat(MarkValue.parse(raw).text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "1", "5/", "5/4/3", "отл", "55"})
    void values_outside_the_scale_are_refused_on_the_value_field(String raw) {
        assertThatThrownBy(() -> MarkValue.parse(raw)).isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("value");
    }

    @Test
    void written_works_are_due_in_five_working_days_and_current_marks_in_eight_days() {
        LocalDate friday = LocalDate.of(2026, 9, 11);
        assertThat(Deadlines.SEED_DEFAULTS.markDue(WorkType.WRITTEN, friday, null)).isEqualTo(LocalDate.of(2026, 9, 18));
        assertThat(Deadlines.SEED_DEFAULTS.markDue(WorkType.CURRENT, friday, null)).isEqualTo(LocalDate.of(2026, 9, 19));
        assertThat(Deadlines.SEED_DEFAULTS.markDue(WorkType.ATTESTATION, friday, LocalDate.of(2026, 12, 28))).isEqualTo(LocalDate.of(2026, 12, 27));
    }
}
