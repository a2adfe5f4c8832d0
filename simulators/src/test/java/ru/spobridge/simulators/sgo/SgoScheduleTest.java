package ru.spobridge.simulators.sgo;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.LessonDialect;
import ru.spobridge.simulators.platform.PlatformScheduleContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** СГО lessons at {@code schedule}: {@code pairNo}, {@code subjectCode}, {@code kind}, both times required. */
class SgoScheduleTest extends PlatformScheduleContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return sgo;
    }

    @Override
    protected LessonDialect dialect() {
        return LessonDialect.SGO;
    }

    @Test
    void sgo_lessons_live_at_schedule_and_need_both_times() {
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> response = write(ResourceKind.SCHEDULE, lesson("les-1", "ТМ-21").with("subgroup", "2"),
                lesson("les-2", "ТМ-21").without("start").without("end"),
                lesson("les-3", "ТМ-21").with("status", "cancelled"));

        assertThat(path(ResourceKind.SCHEDULE)).isEqualTo("/sgo-sim/integration/v1/schedule");
        assertThat(response.statusCode()).isEqualTo(207);
        assertError(json(response), 1, "start", "REQUIRED");
        assertError(json(response), 1, "end", "REQUIRED");
        assertThat(sgo.lessons(CLIENT)).containsOnlyKeys("les-1", "les-3");
        assertThat(sgo.lessons(CLIENT).get("les-1")).containsEntry("pairNo", 1).containsEntry("kind", "lesson")
                .containsEntry("subgroup", "2");
    }
}
