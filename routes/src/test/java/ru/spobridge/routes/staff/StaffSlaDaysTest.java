package ru.spobridge.routes.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.calendar.ProductionCalendar;
import ru.spobridge.model.calendar.ProductionCalendar.DayKind;

/** The same-day rule counts by the production calendar: an order dated on a day off reaches the hub in time on the next working day. */
class StaffSlaDaysTest {

    private static final ProductionCalendar JANUARY_2027 = ProductionCalendar.statutory(2027);

    @Test
    void an_order_dated_on_a_holiday_is_due_at_the_hub_on_the_next_working_day() {
        assertThat(StaffSla.receptionDue(LocalDate.of(2027, 1, 5), JANUARY_2027)).isEqualTo(LocalDate.of(2027, 1, 11));
    }

    @Test
    void an_order_dated_on_a_working_day_is_due_that_day() {
        assertThat(StaffSla.receptionDue(LocalDate.of(2027, 1, 12), JANUARY_2027)).isEqualTo(LocalDate.of(2027, 1, 12));
    }

    @Test
    void a_transferred_working_saturday_is_a_day_the_order_must_arrive() {
        LocalDate saturday = LocalDate.of(2027, 11, 13);
        ProductionCalendar calendar = JANUARY_2027.with(new ProductionCalendar(Map.of(saturday, DayKind.WORKDAY)));

        assertThat(StaffSla.receptionDue(saturday, calendar)).isEqualTo(saturday);
    }
}
