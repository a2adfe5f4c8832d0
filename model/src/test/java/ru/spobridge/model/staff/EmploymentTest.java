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

    // 2026-06-30 is the dismissal day, the last working day (Labour Code art. 84.1): still employed on it
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"2025-08-31, ", "2025-09-01, ПРП", "2026-01-14, ПРП", "2026-01-15, МПО", "2026-06-29, МПО",
            "2026-06-30, МПО", "2026-07-01, ", "2026-08-31, ", "2026-09-01, ПРП"})
    void the_job_on_a_date_follows_the_orders_in_effect(String date, String position) {
        assertThat(Employment.on(LocalDate.parse(date), HISTORY).map(StaffOrder::positionCode).orElse(null)).isEqualTo(position);
    }

    @Test
    void hiring_date_is_that_of_the_current_employment() {
        assertThat(Employment.hiredOn(LocalDate.parse("2026-03-01"), HISTORY)).contains(LocalDate.parse("2025-09-01"));
        assertThat(Employment.hiredOn(LocalDate.parse("2026-10-01"), HISTORY)).contains(LocalDate.parse("2026-09-01"));
    }

    @Test
    void a_dismissed_employee_keeps_the_job_through_the_dismissal_day_and_loses_it_the_next_day() {
        List<StaffOrder> orders = List.of(order("h", StaffOrderKind.HIRE, "2027-01-10", "ПРП"), order("d", StaffOrderKind.DISMISSAL, "2027-03-10", null));
        assertThat(Employment.on(LocalDate.parse("2027-03-09"), orders)).isPresent();
        assertThat(Employment.on(LocalDate.parse("2027-03-10"), orders)).as("the last working day").isPresent();
        assertThat(Employment.on(LocalDate.parse("2027-03-11"), orders)).isEmpty();
        assertThat(Employment.hiredOn(LocalDate.parse("2027-03-10"), orders)).contains(LocalDate.parse("2027-01-10"));
        assertThat(Employment.hiredOn(LocalDate.parse("2027-03-11"), orders)).isEmpty();
    }

    @Test
    void a_hire_and_a_dismissal_on_the_same_day_employ_for_that_day_only() {
        List<StaffOrder> orders = List.of(order("d", StaffOrderKind.DISMISSAL, "2027-07-01", null), order("h", StaffOrderKind.HIRE, "2027-07-01", "ПРП"));
        assertThat(Employment.on(LocalDate.parse("2027-06-30"), orders)).isEmpty();
        assertThat(Employment.on(LocalDate.parse("2027-07-01"), orders)).map(StaffOrder::positionCode).contains("ПРП");
        assertThat(Employment.on(LocalDate.parse("2027-07-02"), orders)).isEmpty();
    }

    @Test
    void a_rehire_the_day_after_the_dismissal_day_keeps_the_person_employed() {
        List<StaffOrder> orders = List.of(order("h1", StaffOrderKind.HIRE, "2027-01-10", "ПРП"), order("d1", StaffOrderKind.DISMISSAL, "2027-03-10", null),
                order("h2", StaffOrderKind.HIRE, "2027-03-11", "МПО"));
        assertThat(Employment.on(LocalDate.parse("2027-03-10"), orders)).map(StaffOrder::positionCode).contains("ПРП");
        assertThat(Employment.on(LocalDate.parse("2027-03-11"), orders)).map(StaffOrder::positionCode).contains("МПО");
        assertThat(Employment.hiredOn(LocalDate.parse("2027-03-11"), orders)).contains(LocalDate.parse("2027-03-11"));
    }

    @ParameterizedTest(name = "{0} on {1} changes the account on {2}")
    @CsvSource({"HIRE, 2027-03-10, 2027-03-10", "TRANSFER, 2027-03-10, 2027-03-10", "DISMISSAL, 2027-03-10, 2027-03-11",
            "DISMISSAL, 2027-12-31, 2028-01-01"})
    void an_order_changes_the_account_on_its_day_and_a_dismissal_on_the_day_after(StaffOrderKind kind, String effective, String changes) {
        StaffOrder order = order("o", kind, effective, kind == StaffOrderKind.DISMISSAL ? null : "ПРП");
        assertThat(Employment.changesOn(order)).isEqualTo(LocalDate.parse(changes));
    }

    @Test
    void a_dismissal_needs_an_earlier_hire() {
        StaffOrder lonely = new StaffOrder("c", new SourceKey("hr", "d9"), "per-9", StaffOrderKind.DISMISSAL, "9", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-02"), null);
        assertThat(Employment.dismissalFollowsHire(lonely, List.of(lonely))).isFalse();
        assertThat(Employment.dismissalFollowsHire(HISTORY.get(2), HISTORY)).isTrue();
    }
}
