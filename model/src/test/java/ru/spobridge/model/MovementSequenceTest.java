package ru.spobridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MovementSequenceTest {

    private static Movement movement(String id, MovementKind kind, String effective) {
        LocalDate date = LocalDate.parse(effective);
        return new Movement("c", new SourceKey("contingent", id), "stu-1", kind, "1-к", date.minusDays(2), date,
                null, kind == MovementKind.TRANSFER ? "ИСП-22" : null, null);
    }

    @ParameterizedTest(name = "{0} then {1} → allowed: {2}")
    @CsvSource({
            "ACTIVE, TRANSFER, true", "EXPELLED, TRANSFER, false", "ACADEMIC_LEAVE, TRANSFER, false",
            "ACTIVE, ACADEMIC_LEAVE, true", "ACADEMIC_LEAVE, RETURN_FROM_LEAVE, true", "ACTIVE, RETURN_FROM_LEAVE, false",
            "ACTIVE, EXPULSION, true", "ACADEMIC_LEAVE, EXPULSION, true", "EXPELLED, EXPULSION, false",
            "EXPELLED, REINSTATEMENT, true", "ACTIVE, REINSTATEMENT, false"})
    void each_movement_follows_only_the_statuses_the_regulations_allow(StudentStatus status, MovementKind kind, boolean allowed) {
        assertThat(MovementSequence.next(status, kind).isPresent()).isEqualTo(allowed);
    }

    @Test
    void history_is_checked_in_effective_date_order_not_in_arrival_order() {
        Movement expel = movement("mov-2", MovementKind.EXPULSION, "2025-12-01");
        Movement reinstate = movement("mov-3", MovementKind.REINSTATEMENT, "2026-02-01");
        Movement transfer = movement("mov-1", MovementKind.TRANSFER, "2025-10-01");

        assertThat(MovementSequence.firstOutOfOrder(List.of(reinstate, transfer, expel))).isEmpty();
    }

    @Test
    void transfer_of_an_expelled_student_is_the_first_out_of_order_movement() {
        Movement expel = movement("mov-1", MovementKind.EXPULSION, "2025-10-01");
        Movement transfer = movement("mov-2", MovementKind.TRANSFER, "2025-11-01");

        assertThat(MovementSequence.firstOutOfOrder(List.of(transfer, expel))).contains(transfer);
    }
}
