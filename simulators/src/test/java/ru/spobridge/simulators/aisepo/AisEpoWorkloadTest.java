package ru.spobridge.simulators.aisepo;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;
import static ru.spobridge.simulators.platform.Item.staff;
import static ru.spobridge.simulators.platform.Item.workload;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.PlatformTestClient;
import ru.spobridge.simulators.platform.ResourceKind;

/** Teaching load, which only АИС ЭПО takes: a teacher with an account, a group the platform has. */
class AisEpoWorkloadTest extends PlatformTestClient {

    @Override
    protected PlatformSimulator simulator() {
        return aisepo;
    }

    @Test
    void workload_of_a_known_teacher_in_a_known_group_is_stored_and_listed() {
        write(ResourceKind.GROUPS, group("ТМ-21"));
        write(ResourceKind.STAFF, staff("stf-000201"));

        HttpResponse<String> response = write(ResourceKind.WORKLOAD,
                workload("wl-1", "stf-000201", "ТМ-21", "МДК.01.01"),
                workload("wl-2", "stf-000201", "ТМ-21", "УП.01").with("disciplineKind", "практика")
                        .without("subgroupNo"));
        HttpResponse<String> listed = list(ResourceKind.WORKLOAD, "?pageSize=1");

        assertThat(path(ResourceKind.WORKLOAD)).isEqualTo("/aisepo-sim/integration/v1/workload");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(aisepo.workload(CLIENT)).containsOnlyKeys("wl-1", "wl-2");
        assertThat(aisepo.workload(CLIENT).get("wl-1")).containsEntry("hours", 72)
                .containsEntry("subgroupNo", 1);
        assertThat(listed.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(json(listed).findValuesAsText("externalId")).containsExactly("wl-1");
    }

    @Test
    void workload_needs_a_posted_group_a_known_teacher_a_known_kind_and_positive_hours() {
        write(ResourceKind.GROUPS, group("ТМ-21"));
        write(ResourceKind.STAFF, staff("stf-000201"));

        HttpResponse<String> response = write(ResourceKind.WORKLOAD,
                workload("wl-1", "stf-000201", "ZZ-99", "МДК.01.01"),
                workload("wl-2", "stf-999999", "ТМ-21", "МДК.01.01"),
                workload("wl-3", "stf-000201", "ТМ-21", "МДК.01.01").with("disciplineKind", "факультатив"),
                workload("wl-4", "stf-000201", "ТМ-21", "МДК.01.01").with("hours", 0),
                workload("wl-5", "stf-000201", "ТМ-21", "МДК.01.01").without("disciplineCode"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertError(json(response), 0, "groupExternalId", "UNKNOWN_GROUP");
        assertError(json(response), 1, "teacherExternalId", "UNKNOWN_STAFF");
        assertError(json(response), 2, "disciplineKind", "INVALID_VALUE");
        assertError(json(response), 3, "hours", "INVALID_VALUE");
        assertError(json(response), 4, "disciplineCode", "REQUIRED");
        assertThat(response.body()).doesNotContain("факультатив", "ZZ-99");
        assertThat(aisepo.workload(CLIENT)).isEmpty();
    }

    @Test
    void hours_as_text_are_a_malformed_envelope() {
        HttpResponse<String> response = write(ResourceKind.WORKLOAD,
                workload("wl-1", "stf-000201", "ТМ-21", "МДК.01.01").with("hours", "72"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("path").asText()).isEqualTo("items[0].hours");
    }
}
