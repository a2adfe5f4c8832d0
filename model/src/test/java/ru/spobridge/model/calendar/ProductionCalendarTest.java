package ru.spobridge.model.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.calendar.ProductionCalendar.DayKind;
import ru.spobridge.model.marks.Deadlines;
import ru.spobridge.model.marks.WorkType;

/** Working days by the production calendar: holidays, transferred days, and the weekends-only fallback. */
class ProductionCalendarTest {

    /** Federal 2026 as seeded by V8 (Постановление Правительства РФ от 24.09.2025 о переносе выходных дней в 2026 году), plus 2027 by ст. 112. */
    private static ProductionCalendar federal2026And2027() {
        Map<LocalDate, DayKind> days = new TreeMap<>(ProductionCalendar.statutory(2026).days());
        days.put(LocalDate.of(2026, 1, 9), DayKind.HOLIDAY);
        days.put(LocalDate.of(2026, 12, 31), DayKind.HOLIDAY);
        days.putAll(ProductionCalendar.statutory(2027).days());
        return new ProductionCalendar(days);
    }

    @Test
    void a_written_work_of_29_december_is_due_after_the_new_year_holidays() {
        // 30.12 counts; 31.12.2026 is a day off by the decree, 1–8.01.2027 are holidays, 9–10.01 a weekend:
        // 30.12, 11.01, 12.01, 13.01, 14.01 are the five working days
        LocalDate due = Deadlines.SEED_DEFAULTS.markDue(WorkType.WRITTEN, LocalDate.of(2026, 12, 29), null, federal2026And2027());

        assertThat(due).isEqualTo(LocalDate.of(2027, 1, 14));
        assertThat(Deadlines.SEED_DEFAULTS.markDue(WorkType.WRITTEN, LocalDate.of(2026, 12, 29), null))
                .as("weekends only, as before").isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void a_transferred_working_saturday_counts() {
        LocalDate saturday = LocalDate.of(2027, 11, 13);
        ProductionCalendar calendar = federal2026And2027().with(new ProductionCalendar(Map.of(saturday, DayKind.WORKDAY)));

        assertThat(calendar.isWorkingDay(saturday)).isTrue();
        assertThat(calendar.plusWorkingDays(LocalDate.of(2027, 11, 12), 1)).isEqualTo(saturday);
    }

    @Test
    void a_holiday_on_a_weekend_moves_the_day_off_to_the_next_working_day_by_the_labour_code() {
        ProductionCalendar calendar = ProductionCalendar.statutory(2027);

        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 3))).as("1 May 2027 is a Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 5, 10))).as("9 May 2027 is a Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 14))).as("12 June 2027 is a Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 11))).isTrue();
    }

    @Test
    void a_shortened_day_is_a_working_day() {
        ProductionCalendar calendar = new ProductionCalendar(Map.of(LocalDate.of(2026, 4, 30), DayKind.SHORT));

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 30))).isTrue();
        assertThat(calendar.isShortened(LocalDate.of(2026, 4, 30))).isTrue();
    }

    @Test
    void weekends_only_stays_the_default() {
        assertThat(WorkingCalendar.WEEKENDS_ONLY.isWorkingDay(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(new ProductionCalendar(Map.of()).isWorkingDay(LocalDate.of(2027, 1, 9))).isFalse();
    }
}
