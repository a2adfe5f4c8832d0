package ru.spobridge.simulators.epos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.Item;
import ru.spobridge.simulators.platform.PlatformStaffContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** ЭПОС.СПО keeps the common contract in snake_case under {@code /epos-sim}. */
class EposPlatformTest extends PlatformStaffContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return epos;
    }

    @Override
    protected long expectedTtlSeconds() {
        return 3600;
    }

    @Test
    void epos_spells_fields_in_snake_case_and_students_live_at_student_profiles() {
        assertThat(path(ResourceKind.STUDENTS)).isEqualTo("/epos-sim/integration/v1/student_profiles");
        assertThat(path(ResourceKind.GUARDIANS)).isEqualTo("/epos-sim/integration/v1/guardians");
        assertThat(wire("toGroupExternalId")).isEqualTo("to_group_external_id");
        assertThat(platform().tokenHeader()).isEqualTo("Auth-Token");
        assertThat(epos.batchLimit()).isEqualTo(500);
    }

    @Test
    void epos_staff_live_at_staff_profiles_with_roles_and_substitutions_are_snake_case() {
        HttpResponse<String> staff = write(ResourceKind.STAFF, Item.staff("stf-000201"),
                Item.staff("stf-000202").with("roles", List.of("teacher", "curator")));
        HttpResponse<String> substitution = write(ResourceKind.SUBSTITUTIONS,
                Item.substitution("sub-1", "stf-000201", "stf-000202", "ТМ-21", "МДК.01.01"));
        HttpResponse<String> badRoles = write(ResourceKind.STAFF, Item.staff("stf-000203").with("roles", "teacher"));

        assertThat(path(ResourceKind.STAFF)).isEqualTo("/epos-sim/integration/v1/staff_profiles");
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(epos.staff(CLIENT).get("stf-000202")).containsEntry("roles", List.of("teacher", "curator"))
                .containsEntry("last_name", "Примерова");
        assertThat(substitution.statusCode()).isEqualTo(200);
        assertThat(epos.substitutions(CLIENT).get("sub-1"))
                .containsEntry("substitute_teacher_external_id", "stf-000202")
                .containsEntry("scope", List.of(java.util.Map.of("group_external_id", "ТМ-21",
                        "discipline_code", "МДК.01.01")));
        assertThat(epos.hasAccess(CLIENT, "stf-000202", "ТМ-21", "МДК.01.01")).isTrue();
        assertThat(badRoles.statusCode()).isEqualTo(400);
        assertThat(json(badRoles).get("path").asText()).isEqualTo("items[0].roles");
    }

    @Test
    void epos_takes_no_teaching_load() {
        assertThat(platform().resources()).noneMatch(r -> r.kind() == ResourceKind.WORKLOAD);
        assertThat(get("/epos-sim/integration/v1/workload").statusCode()).isEqualTo(404);
    }
}
