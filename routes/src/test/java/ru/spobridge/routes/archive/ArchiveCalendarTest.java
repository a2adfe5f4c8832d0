package ru.spobridge.routes.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.routes.archive.ArchiveCalendar.Due;
import ru.spobridge.routes.archive.ArchiveRequest.Kind;
import ru.spobridge.routes.archive.ArchiveSettings.CalendarSettings;

/** The seeds' archive calendar, as dates: seed 000 §6.1–6.2, seed 002 §7.2, seed 004 §5.3–5.5. */
class ArchiveCalendarTest {

    private static final CalendarSettings SEEDS = CalendarSettings.SEED_DEFAULTS;

    @ParameterizedTest(name = "{0}: {1} {2}..{3}")
    @CsvSource(delimiter = '|', textBlock = """
            # day        | kind     | from       | to         | per group
            2026-11-01   | MONTHLY  | 2026-10-01 | 2026-10-31 | false
            2026-03-01   | MONTHLY  | 2026-02-01 | 2026-02-28 | false
            2028-03-01   | MONTHLY  | 2028-02-01 | 2028-02-29 | false
            2027-01-01   | MONTHLY  | 2026-12-01 | 2026-12-31 | false
            2027-01-22   | SEMESTER | 2026-07-01 | 2026-12-31 | false
            2027-07-22   | SEMESTER | 2027-01-01 | 2027-06-30 | false
            2027-07-22   | YEAR     | 2026-07-01 | 2027-06-30 | true
            """)
    void seed_defaults_put_each_archive_on_its_day(LocalDate day, Kind kind, LocalDate from, LocalDate to, boolean perGroup) {
        assertThat(ArchiveCalendar.dueOn(day, SEEDS)).contains(new Due(kind, from, to, day, perGroup));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-11-02", "2027-01-21", "2027-01-23", "2027-06-30", "2027-07-01", "2027-07-21"})
    void on_other_days_only_the_monthly_archive_of_the_first_is_due(String text) {
        LocalDate day = LocalDate.parse(text);
        assertThat(ArchiveCalendar.dueOn(day, SEEDS)).allMatch(due -> due.kind() == Kind.MONTHLY && day.getDayOfMonth() == 1);
        assertThat(ArchiveCalendar.dueOn(day, SEEDS)).hasSize(day.getDayOfMonth() == 1 ? 1 : 0);
    }

    @Test
    void a_semester_archive_waits_the_three_weeks_of_checking_after_the_semester() {
        List<Due> january = ArchiveCalendar.dueBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), SEEDS);

        assertThat(january).extracting(Due::kind, Due::buildOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.MONTHLY, LocalDate.of(2027, 1, 1)),
                org.assertj.core.groups.Tuple.tuple(Kind.SEMESTER, LocalDate.of(2027, 1, 22)));
    }

    @Test
    void a_college_sets_its_own_semester_ends_and_window_and_a_school_turns_semesters_off() {
        // a college whose first semester ends on 28 December, a week of checking; a school keeps only the year
        CalendarSettings college = new CalendarSettings(List.of("12-28", "06-30"), Period.ofWeeks(1), null, null, null);
        CalendarSettings school = new CalendarSettings(List.of("05-31"), Period.ZERO, false, false, true);

        assertThat(ArchiveCalendar.dueOn(LocalDate.of(2027, 1, 5), college))
                .containsExactly(new Due(Kind.SEMESTER, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 5), false));
        assertThat(ArchiveCalendar.dueOn(LocalDate.of(2027, 6, 1), school))
                .containsExactly(new Due(Kind.YEAR, LocalDate.of(2026, 6, 1), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 1), true));
        assertThat(ArchiveCalendar.dueBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 5, 31), school)).isEmpty();
    }

    @Test
    void a_semester_end_that_is_not_a_day_of_the_year_is_refused_with_the_setting_name() {
        assertThatThrownBy(() -> new CalendarSettings(List.of("31.12"), null, null, null, null))
                .hasMessageContaining("spo.archive.calendar.semester-ends").hasMessageContaining("31.12");
    }
}
