package ru.spobridge.simulators.zup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.faults.FaultInjector;

/** The demo staff generator on its own: repeatable, with the cases the hub must handle. */
class ZupDemoTest {

    private static final String ORG = "1025900000015";

    private static ZupSimulator simulator() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        return new ZupSimulator(clock, new FaultInjector(), Map.of());
    }

    @Test
    void the_same_seed_gives_the_same_staff_and_keys() {
        ZupSimulator first = simulator();
        ZupSimulator second = simulator();

        ZupDemo.seed(first, ORG, 40, 42);
        ZupDemo.seed(second, ORG, 40, 42);

        for (String set : ZupPublication.ENTITY_SETS) {
            assertThat(first.rows(ORG, set)).as(set).isEqualTo(second.rows(ORG, set));
        }
    }

    @Test
    void orders_come_in_posting_order_and_the_future_hire_is_ordered_yesterday_for_in_two_weeks() {
        ZupSimulator zup = simulator();

        ZupDemo.Seeded seeded = ZupDemo.seed(zup, ORG, 40, 7);

        var hires = zup.rows(ORG, ZupPublication.HIRES).orElseThrow();
        var last = hires.get(hires.size() - 1);
        assertThat(hires).extracting(h -> (String) h.get("Date")).isSorted();
        assertThat(last.get("ФизическоеЛицо_Key")).isEqualTo(seeded.futureHire());
        assertThat(last.get("Date")).isEqualTo("2026-03-01T10:15:00");
        assertThat(last.get("ДатаПриема")).isEqualTo("2026-03-16T00:00:00");
        assertThat(seeded.withoutEmail()).hasSize(2);
        assertThat(zup.rows(ORG, ZupPublication.DISMISSALS).orElseThrow()).hasSize(seeded.dismissals())
                .allSatisfy(d -> assertThat((String) d.get("ДатаУвольнения")).isLessThan("2026-03-02"));
    }
}
