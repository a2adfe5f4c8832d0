package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.scope;
import static ru.spobridge.simulators.platform.Item.staff;
import static ru.spobridge.simulators.platform.Item.substitution;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Staff accounts and substitutions, the same on every REST platform, spelled in the platform's field names. */
public abstract class PlatformStaffContractTest extends PlatformMovementContractTest {

    @Test
    void a_staff_account_is_created_deleted_once_and_created_again_on_a_rehire() {
        HttpResponse<String> created = write(ResourceKind.STAFF, staff("stf-000201"));

        HttpResponse<String> deleted = delete(ResourceKind.STAFF, "stf-000201", "", "del-1");
        HttpResponse<String> replayed = delete(ResourceKind.STAFF, "stf-000201", "", "del-1");
        HttpResponse<String> listedAfterDeletion = list(ResourceKind.STAFF, "");
        HttpResponse<String> rehired = write(ResourceKind.STAFF, staff("stf-000201"));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json(created).at("/results/0/status").asText()).isEqualTo("created");
        assertThat(deleted.statusCode()).isEqualTo(200);
        JsonNode body = json(deleted);
        assertThat(body.get("received").asInt()).isEqualTo(1);
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.at("/results/0/externalId").asText()).isEqualTo("stf-000201");
        assertThat(body.at("/results/0/status").asText()).isEqualTo("deleted");
        assertThat(body.at("/results/0/id").asText()).isEqualTo(json(created).at("/results/0/id").asText());
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(simulator().deletions(CLIENT, "stf-000201")).isEqualTo(1);
        assertThat(listedAfterDeletion.headers().firstValue("X-Total-Count")).hasValue("0");
        assertThat(json(rehired).at("/results/0/status").asText()).isEqualTo("created");
        assertThat(simulator().staff(CLIENT)).containsOnlyKeys("stf-000201");
        assertThat(simulator().staff(CLIENT).get("stf-000201")).containsEntry(wire("position"), "Преподаватель");
    }

    @Test
    void deleting_an_account_the_platform_does_not_have_gets_404_not_found() {
        write(ResourceKind.STAFF, staff("stf-000201"));

        HttpResponse<String> unknown = delete(ResourceKind.STAFF, "stf-999999", "", "del-1");
        HttpResponse<String> keyless = delete(ResourceKind.STAFF, "stf-000201", "", null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("status").asInt()).isEqualTo(404);
        assertThat(json(unknown).get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(keyless.statusCode()).isEqualTo(400);
        assertThat(json(keyless).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(simulator().staff(CLIENT)).containsOnlyKeys("stf-000201");
        assertThat(simulator().deletions(CLIENT, "stf-999999")).isZero();
    }

    @Test
    void staff_records_need_names_contacts_and_position_in_the_right_format() {
        HttpResponse<String> response = write(ResourceKind.STAFF, staff("stf-000201"),
                staff("stf-000202").without("lastName").without("position"),
                staff("stf-000203").with("email", "teacher.example.org").with("phone", "8 (912) 345-67-89"),
                staff("stf-000204").without("email").without("phone"));

        assertThat(response.statusCode()).isEqualTo(207);
        assertError(json(response), 1, "lastName", "REQUIRED");
        assertError(json(response), 1, "position", "REQUIRED");
        assertError(json(response), 2, "email", "INVALID_FORMAT");
        assertError(json(response), 2, "phone", "INVALID_FORMAT");
        assertError(json(response), 3, "email", "REQUIRED");
        assertError(json(response), 3, "phone", "REQUIRED");
        assertThat(response.body()).doesNotContain("teacher.example.org", "345-67-89");
        assertThat(simulator().staff(CLIENT)).containsOnlyKeys("stf-000201");
    }

    @Test
    void a_substitution_naming_a_teacher_without_an_account_is_unknown_staff() {
        write(ResourceKind.STAFF, staff("stf-000201"));

        HttpResponse<String> response = write(ResourceKind.SUBSTITUTIONS,
                substitution("sub-1", "stf-000201", "stf-999999", "ТМ-21", "МДК.01.01"),
                substitution("sub-2", "stf-888888", "stf-000201", "ТМ-21", "МДК.01.01"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertError(json(response), 0, "substituteTeacherExternalId", "UNKNOWN_STAFF");
        assertError(json(response), 1, "absentTeacherExternalId", "UNKNOWN_STAFF");
        assertThat(simulator().substitutions(CLIENT)).isEmpty();
        assertThat(simulator().hasAccess(CLIENT, "stf-999999", "ТМ-21", "МДК.01.01")).isFalse();
    }

    @Test
    void a_substitution_grants_its_groups_and_disciplines_until_it_is_revoked() {
        write(ResourceKind.STAFF, staff("stf-000201"), staff("stf-000202"));
        HttpResponse<String> granted = write(ResourceKind.SUBSTITUTIONS,
                substitution("sub-1", "stf-000201", "stf-000202", "ТМ-21", "МДК.01.01")
                        .with("scope", List.of(scope("ТМ-21", "МДК.01.01"), scope("ТМ-22", "ОП.02"))));

        boolean firstCell = simulator().hasAccess(CLIENT, "stf-000202", "ТМ-21", "МДК.01.01");
        boolean secondCell = simulator().hasAccess(CLIENT, "stf-000202", "ТМ-22", "ОП.02");
        boolean crossedCell = simulator().hasAccess(CLIENT, "stf-000202", "ТМ-21", "ОП.02");
        boolean absentTeacher = simulator().hasAccess(CLIENT, "stf-000201", "ТМ-21", "МДК.01.01");
        HttpResponse<String> revoked = delete(ResourceKind.SUBSTITUTIONS, "sub-1", "", "rev-1");

        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(firstCell).isTrue();
        assertThat(secondCell).isTrue();
        assertThat(crossedCell).isFalse();
        assertThat(absentTeacher).isFalse();
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).at("/results/0/status").asText()).isEqualTo("deleted");
        assertThat(simulator().hasAccess(CLIENT, "stf-000202", "ТМ-21", "МДК.01.01")).isFalse();
        assertThat(simulator().substitutions(CLIENT)).isEmpty();
        assertThat(simulator().deletions(CLIENT, "sub-1")).isEqualTo(1);
        assertThat(simulator().hasAccess("college-b", "stf-000202", "ТМ-21", "МДК.01.01")).isFalse();
    }

    @Test
    void substitution_dates_must_be_real_and_in_order_and_the_scope_complete() {
        write(ResourceKind.STAFF, staff("stf-000201"), staff("stf-000202"));

        HttpResponse<String> response = write(ResourceKind.SUBSTITUTIONS,
                substitution("sub-1", "stf-000201", "stf-000202", "ТМ-21", "ОП.02").with("dateFrom", "2026-02-30"),
                substitution("sub-2", "stf-000201", "stf-000202", "ТМ-21", "ОП.02").with("dateTo", "2026-01-31"),
                substitution("sub-3", "stf-000201", "stf-000202", "ТМ-21", "ОП.02").with("scope", List.of()),
                substitution("sub-4", "stf-000201", "stf-000202", "ТМ-21", "ОП.02")
                        .with("scope", List.of(scope("ТМ-21", ""))),
                substitution("sub-5", "stf-000201", "stf-000202", "ТМ-21", "ОП.02"));

        assertThat(response.statusCode()).isEqualTo(207);
        assertError(json(response), 0, "dateFrom", "INVALID_FORMAT");
        assertError(json(response), 1, "dateTo", "INVALID_VALUE");
        assertError(json(response), 2, "scope", "REQUIRED");
        assertThat(json(response).at("/results/3/errors/0/field").asText())
                .isEqualTo(wire("scope") + "[0]." + wire("disciplineCode"));
        assertThat(json(response).at("/results/3/errors/0/code").asText()).isEqualTo("REQUIRED");
        assertThat(json(response).at("/results/4/status").asText()).isEqualTo("created");
        assertThat(response.body()).doesNotContain("2026-02-30", "2026-01-31");
    }

    @Test
    void staff_and_substitution_listings_are_paged_with_x_total_count() {
        write(ResourceKind.STAFF, IntStream.range(0, 5).mapToObj(i -> staff("stf-00020" + i)).toArray(Item[]::new));
        write(ResourceKind.SUBSTITUTIONS, substitution("sub-1", "stf-000200", "stf-000201", "ТМ-21", "ОП.02"));

        HttpResponse<String> staff = list(ResourceKind.STAFF, "?page=2&pageSize=2");
        HttpResponse<String> substitutions = list(ResourceKind.SUBSTITUTIONS, "");

        assertThat(staff.headers().firstValue("X-Total-Count")).hasValue("5");
        assertThat(json(staff).findValuesAsText(wire("externalId"))).containsExactly("stf-000202", "stf-000203");
        assertThat(json(staff).findValuesAsText("id")).hasSize(2);
        assertThat(substitutions.headers().firstValue("X-Total-Count")).hasValue("1");
        assertThat(json(substitutions).get(0).get(wire("substituteTeacherExternalId")).asText())
                .isEqualTo("stf-000201");
    }
}
