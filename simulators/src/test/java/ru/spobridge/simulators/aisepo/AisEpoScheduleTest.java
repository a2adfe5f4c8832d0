package ru.spobridge.simulators.aisepo;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.LessonDialect;
import ru.spobridge.simulators.platform.PlatformScheduleContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** АИС ЭПО lessons at {@code schedule}: {@code pairNo}, {@code disciplineCode}, {@code subgroupNo}, {@code status}. */
class AisEpoScheduleTest extends PlatformScheduleContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return aisepo;
    }

    @Override
    protected LessonDialect dialect() {
        return LessonDialect.AISEPO;
    }

    @Test
    void aisepo_lessons_name_the_discipline_and_a_numbered_subgroup() {
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> stored = write(ResourceKind.SCHEDULE, lesson("les-1", "ТМ-21").with("subgroupNo", 2)
                .without("start").without("end"));
        HttpResponse<String> textSubgroup = write(ResourceKind.SCHEDULE,
                lesson("les-2", "ТМ-21").with("subgroupNo", "2"));

        assertThat(path(ResourceKind.SCHEDULE)).isEqualTo("/aisepo-sim/integration/v1/schedule");
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(aisepo.lessons(CLIENT).get("les-1")).containsEntry("disciplineCode", "МДК.01.01")
                .containsEntry("subgroupNo", 2).containsEntry("status", "planned");
        assertThat(textSubgroup.statusCode()).isEqualTo(400);
        assertThat(json(textSubgroup).get("path").asText()).isEqualTo("items[0].subgroupNo");
    }
}
