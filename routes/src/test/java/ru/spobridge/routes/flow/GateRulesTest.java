package ru.spobridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.calendar.ProductionCalendar;
import ru.spobridge.model.calendar.WorkingCalendar;
import ru.spobridge.routes.Colleges.Status;
import ru.spobridge.routes.config.HubProperties.BlackoutSettings;
import ru.spobridge.routes.flow.RunGate.Decision;
import ru.spobridge.routes.store.RunPauses.Pause;

/** The gate's decision as a table: pauses, blackout periods, non-working days and the college's status. */
class GateRulesTest {

    private static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 10, 14);
    private static final WorkingCalendar CALENDAR = ProductionCalendar.statutory(2026);

    private static Pause pause(String flow) {
        return new Pause(1, "perm-demo", flow, "переход на новый журнал", "ivanov", Instant.parse("2026-10-01T05:00:00Z"));
    }

    private static BlackoutSettings blackout(String flows, String from, String to) {
        return new BlackoutSettings(flows.isEmpty() ? List.of() : List.of(flows.split("\\+")), from, to, false, "летние каникулы");
    }

    private static Decision decide(List<Pause> pauses, List<BlackoutSettings> blackouts, LocalDate day, String flow, Status status) {
        return GateRules.decide(pauses, blackouts, CALENDAR, day, PERM, flow, status);
    }

    @Test
    void a_college_pause_closes_every_flow_and_says_who_when_and_why() {
        for (String flow : List.of("contingent", "marks", "staff")) {
            Decision decision = decide(List.of(pause(null)), List.of(), WEDNESDAY, flow, Status.ACTIVE);
            assertThat(decision.open()).isFalse();
            assertThat(decision.code()).isEqualTo("PAUSED");
            assertThat(decision.reason()).isEqualTo("Колледж perm-demo приостановлен: ivanov, 01.10.2026, «переход на новый журнал»");
        }
    }

    @Test
    void a_flow_pause_closes_only_that_flow() {
        assertThat(decide(List.of(pause("marks")), List.of(), WEDNESDAY, "marks", Status.ACTIVE).code()).isEqualTo("PAUSED");
        assertThat(decide(List.of(pause("marks")), List.of(), WEDNESDAY, "contingent", Status.ACTIVE)).isEqualTo(Decision.OPEN);
    }

    @ParameterizedTest(name = "{0}..{1} for {2} on {3}: closed={4}")
    @CsvSource({
            "07-01, 08-31, marks, 2026-07-01, true",
            "07-01, 08-31, marks, 2026-08-31, true",
            "07-01, 08-31, marks, 2026-09-01, false",
            "07-01, 08-31, marks, 2026-06-30, false",
            "12-28, 01-10, marks, 2026-12-30, true",
            "12-28, 01-10, marks, 2027-01-10, true",
            "12-28, 01-10, marks, 2027-01-11, false",
            "12-28, 01-10, marks, 2026-12-27, false",
            "2026-12-28, 2027-01-03, marks, 2027-01-03, true",
            "2026-12-28, 2027-01-03, marks, 2027-12-30, false",
    })
    void a_blackout_covers_its_days_both_ends_included(String from, String to, String flow, LocalDate day, boolean closed) {
        Decision decision = decide(List.of(), List.of(blackout("", from, to)), day, flow, Status.ACTIVE);

        assertThat(!decision.open()).isEqualTo(closed);
        if (closed) {
            assertThat(decision.code()).isEqualTo("BLACKOUT");
            assertThat(decision.reason()).contains(from).contains("летние каникулы");
        }
    }

    @Test
    void a_blackout_of_named_flows_leaves_the_others_open() {
        List<BlackoutSettings> summer = List.of(blackout("marks+attendance", "07-01", "08-31"));
        LocalDate july = LocalDate.of(2026, 7, 15);

        assertThat(decide(List.of(), summer, july, "marks", Status.ACTIVE).code()).isEqualTo("BLACKOUT");
        assertThat(decide(List.of(), summer, july, "contingent", Status.ACTIVE)).isEqualTo(Decision.OPEN);
    }

    @Test
    void a_non_working_days_blackout_closes_on_1_may_and_not_on_a_working_day() {
        List<BlackoutSettings> holidays = List.of(new BlackoutSettings(List.of(), null, null, true, null));

        assertThat(decide(List.of(), holidays, LocalDate.of(2026, 5, 1), "staff", Status.ACTIVE).code()).isEqualTo("BLACKOUT");
        assertThat(decide(List.of(), holidays, LocalDate.of(2026, 5, 4), "staff", Status.ACTIVE)).isEqualTo(Decision.OPEN);
        assertThat(GateRules.decide(List.of(), holidays, new ProductionCalendar(Map.of()), LocalDate.of(2026, 5, 1), PERM, "staff",
                Status.ACTIVE)).as("1 May is a holiday only by the calendar").isEqualTo(Decision.OPEN);
    }

    @ParameterizedTest
    @CsvSource({"DISABLED", "NOT_READY", "REMOVED"})
    void a_college_that_is_not_active_closes_with_its_status(Status status) {
        Decision decision = decide(List.of(), List.of(), WEDNESDAY, "contingent", status);

        assertThat(decision.open()).isFalse();
        assertThat(decision.code()).isEqualTo(status.name());
    }

    @Test
    void a_period_that_cannot_be_read_covers_nothing() {
        assertThat(decide(List.of(), List.of(blackout("", "31-07", "08-31")), LocalDate.of(2026, 8, 1), "marks", Status.ACTIVE))
                .isEqualTo(Decision.OPEN);
    }

    @Test
    void nothing_in_the_way_leaves_the_gate_open() {
        assertThat(decide(List.of(), List.of(blackout("", "07-01", "08-31")), WEDNESDAY, "marks", Status.ACTIVE)).isEqualTo(Decision.OPEN);
    }
}
