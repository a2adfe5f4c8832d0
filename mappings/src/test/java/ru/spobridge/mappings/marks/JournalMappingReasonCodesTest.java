package ru.spobridge.mappings.marks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.marks.AbsenceReason;
import ru.spobridge.model.marks.Attendance;

/** A college's own absence codes (a journal that writes «Б» for illness) become the canonical reasons. */
class JournalMappingReasonCodesTest {

    private static final Instant NOW = Instant.parse("2026-09-07T10:00:00Z");
    private static final Map<String, AbsenceReason> CODES = Map.of("б", AbsenceReason.VALID, "прогул", AbsenceReason.NOT_VALID);

    private static JournalChange absence(String reason) {
        return new JournalChange(1, "attendance", "upsert", "a-1", 1, "stu-1", "les-2026-09-07-1-ИСП-21-ОП.01", null, null, null,
                null, "per-t1", null, null, reason, false, "2026-09-07T08:40:00Z");
    }

    @Test
    void a_college_reason_code_becomes_the_canonical_reason() {
        Mapped<Attendance> sick = JournalMapping.toAttendance("c", absence("Б"), CODES, NOW);
        Mapped<Attendance> truant = JournalMapping.toAttendance("c", absence(" прогул "), CODES, NOW);

        assertThat(sick.value().reason()).isEqualTo(AbsenceReason.VALID);
        assertThat(truant.value().reason()).isEqualTo(AbsenceReason.NOT_VALID);
    }

    @Test
    void a_canonical_code_still_reads_and_an_unknown_one_is_refused_by_field() {
        assertThat(JournalMapping.toAttendance("c", absence("УП"), CODES, NOW).value().reason()).isEqualTo(AbsenceReason.VALID);

        Mapped<Attendance> unknown = JournalMapping.toAttendance("c", absence("Б"), Map.of(), NOW);

        assertThat(unknown.isValid()).isFalse();
        assertThat(unknown.errors()).extracting(error -> error.field()).containsExactly("reason");
    }
}
