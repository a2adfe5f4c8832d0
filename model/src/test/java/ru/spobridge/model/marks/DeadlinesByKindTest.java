package ru.spobridge.model.marks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.model.InstitutionKind;
import ru.spobridge.model.calendar.WorkingCalendar;

/**
 * A school judges marks by the hour (seed 004 §3.5: on the lesson day, within an hour of the lessons' end; written
 * works within a week); a college by the day (seed 001 §3.2: 8 days; seed 000 §4.6: 5 working days).
 */
class DeadlinesByKindTest {

    private static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");
    /** Tuesday; the class's last lesson ends at 14:25. */
    private static final LocalDate LESSON_DAY = LocalDate.of(2026, 9, 8);
    private static final LocalTime LESSONS_END = LocalTime.of(14, 25);

    @ParameterizedTest(name = "{0}: {1} entered {2} after the lessons end → late {3}")
    @CsvSource({
            "school,  current, PT2H,   true",
            "school,  current, PT30M,  false",
            "school,  current, PT1H,   false",
            "school,  current, PT1H1M, true",
            "school,  written, P6D,    false",
            "school,  written, P7D,    false",
            "school,  written, P8D,    true",
            "college, current, PT2H,   false",
            "college, current, P8D,    false",
            "college, current, P9D,    true",
            "college, written, P6D,    false",
            "college, written, P8D,    true"})
    void a_mark_is_late_by_the_deadlines_of_its_kind(String kind, String workType, String after, boolean late) {
        Deadlines deadlines = InstitutionKind.fromCode(kind).defaultDeadlines();
        Instant received = LESSON_DAY.atTime(LESSONS_END).atZone(PERM).toInstant().plus(Duration.parse(after));

        assertThat(deadlines.late(received, WorkType.fromCode(workType), LESSON_DAY, LESSONS_END, null,
                WorkingCalendar.WEEKENDS_ONLY, PERM)).isEqualTo(late);
    }

    @ParameterizedTest(name = "stated {0} h / {1} d, school rules → {2} h / {3} d")
    @CsvSource(nullValues = "-", value = {"-, -, 1, 7", "2, -, 2, 7", "-, 5, 1, 5"})
    void a_school_keeps_what_it_states_and_takes_the_seed_for_the_rest(Integer hours, Integer days, int expectedHours,
                                                                       int expectedDays) {
        Deadlines school = new Deadlines(8, 5, 1, 0, hours, days).withSchoolRules();

        assertThat(school.hoursAfterLessons()).isEqualTo(expectedHours);
        assertThat(school.workDays()).isEqualTo(expectedDays);
        assertThat(school.currentDays()).isEqualTo(8);
    }
}
