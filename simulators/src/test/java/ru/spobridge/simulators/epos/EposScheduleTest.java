package ru.spobridge.simulators.epos;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.LessonDialect;
import ru.spobridge.simulators.platform.PlatformScheduleContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** ЭПОС.СПО lessons at {@code schedule_items}: {@code bell_no}, {@code subject_code}, {@code status}, times optional. */
class EposScheduleTest extends PlatformScheduleContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return epos;
    }

    @Override
    protected LessonDialect dialect() {
        return LessonDialect.EPOS;
    }

    @Test
    void epos_lessons_live_at_schedule_items_in_snake_case_and_may_go_without_times() {
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> response = write(ResourceKind.SCHEDULE,
                lesson("les-1", "ТМ-21").without("start").without("end").with("subgroup", "1"));

        assertThat(path(ResourceKind.SCHEDULE)).isEqualTo("/epos-sim/integration/v1/schedule_items");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(epos.lessons(CLIENT).get("les-1")).containsEntry("bell_no", 1)
                .containsEntry("subject_code", "МДК.01.01").containsEntry("group_external_id", "ТМ-21")
                .containsEntry("subgroup", "1").containsKey("teacher_external_ids");
    }
}
