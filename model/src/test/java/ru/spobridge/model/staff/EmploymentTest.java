package ru.spobridge.model.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.SourceKey;

class EmploymentTest {

    private static StaffOrder order(String id, StaffOrderKind kind, String effective, String position) {
        LocalDate date = LocalDate.parse(effective);
        return new StaffOrder("c", new SourceKey("hr", id), "per-1", kind, id, date.minusDays(3), date, position);
    }

    private static final List<StaffOrder> HISTORY = List.of(
            order("h1", StaffOrderKind.HIRE, "2025-09-01", "ПРП"),
            order("t1", StaffOrderKind.TRANSFER, "2026-01-15", "МПО"),
            order("d1", StaffOrderKind.DISMISSAL, "2026-06-30", null),
            order("h2", StaffOrderKind.HIRE, "2026-09-01", "ПРП"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"2025-08-31, ", "2025-09-01, ПРП", "2026-01-14, ПРП", "2026-01-15, МПО", "2026-06-29, МПО",
            "2026-06-30, ", "2026-08-31, ", "2026-09-01, ПРП"})
    void the_job_on_a_date_follows_the_orders_in_effect(String date, String position) {
        assertThat(Employment.on(LocalDate.parse(date), HISTORY).map(StaffOrder::positionCode).orElse(null)).isEqualTo(position);
    }

    @Test
    void hiring_date_is_that_of_the_current_employment() {
        assertThat(Employment.hiredOn(LocalDate.parse("2026-03-01"), HISTORY)).contains(LocalDate.parse("2025-09-01"));
        assertThat(Employment.hiredOn(LocalDate.parse("2026-10-01"), HISTORY)).contains(LocalDate.parse("2026-09-01"));
    }

    @Test
    void a_dismissal_needs_an_earlier_hire() {
        StaffOrder lonely = new StaffOrder("c", new SourceKey("hr", "d9"), "per-9", StaffOrderKind.DISMISSAL, "9", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-02"), null);
        assertThat(Employment.dismissalFollowsHire(lonely, List.of(lonely))).isFalse();
        assertThat(Employment.dismissalFollowsHire(HISTORY.get(2), HISTORY)).isTrue();
    }
}
