package ru.spobridge.simulators.sgo;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;
import static ru.spobridge.simulators.platform.Item.staff;
import static ru.spobridge.simulators.platform.Item.student;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.PlatformStaffContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** «Сетевой Город»: camelCase under {@code /sgo-sim}, header {@code at}, short-lived tokens, checked СНИЛС. */
class SgoPlatformTest extends PlatformStaffContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return sgo;
    }

    @Override
    protected long expectedTtlSeconds() {
        return 900;
    }

    @Test
    void sgo_spells_fields_in_camel_case_and_takes_the_token_in_header_at() {
        assertThat(path(ResourceKind.STUDENTS)).isEqualTo("/sgo-sim/integration/v1/students");
        assertThat(wire("toGroupExternalId")).isEqualTo("toGroupExternalId");
        assertThat(platform().tokenHeader()).isEqualTo("at");
        assertThat(sgo.batchLimit()).isEqualTo(500);
    }

    @Test
    void snils_is_optional_but_when_present_needs_the_format_and_the_checksum() {
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> response = write(ResourceKind.STUDENTS,
                student("stu-000101", "ТМ-21").with("snils", "112-233-445 95").with("subgroup", "1"),
                student("stu-000102", "ТМ-21"),
                student("stu-000103", "ТМ-21").with("snils", "112-233-445 96"),
                student("stu-000104", "ТМ-21").with("snils", "11223344595"));

        assertThat(response.statusCode()).isEqualTo(207);
        assertThat(json(response).findValuesAsText("status"))
                .containsExactly("created", "created", "rejected", "rejected");
        assertError(json(response), 2, "snils", "INVALID_SNILS");
        assertError(json(response), 3, "snils", "INVALID_SNILS");
        assertThat(response.body()).doesNotContain("112-233-445", "11223344595");
        assertThat(sgo.students(CLIENT).get("stu-000101")).containsEntry("subgroup", "1");
    }

    @Test
    void sgo_staff_carry_a_real_hiring_date() {
        HttpResponse<String> response = write(ResourceKind.STAFF, staff("stf-000201").with("hiredOn", "2025-09-01"),
                staff("stf-000202").with("hiredOn", "01.09.2025"));

        assertThat(path(ResourceKind.STAFF)).isEqualTo("/sgo-sim/integration/v1/staff");
        assertThat(response.statusCode()).isEqualTo(207);
        assertError(json(response), 1, "hiredOn", "INVALID_FORMAT");
        assertThat(response.body()).doesNotContain("01.09.2025");
        assertThat(sgo.staff(CLIENT).get("stf-000201")).containsEntry("hiredOn", "2025-09-01");
    }

    @Test
    void a_dismissal_may_name_its_effective_date_and_a_wrong_one_is_malformed() {
        write(ResourceKind.STAFF, staff("stf-000201"), staff("stf-000202"));

        HttpResponse<String> dated = delete(ResourceKind.STAFF, "stf-000201", "?effectiveDate=2026-01-31", "d-1");
        HttpResponse<String> wrong = delete(ResourceKind.STAFF, "stf-000202", "?effectiveDate=31.01.2026", "d-2");
        HttpResponse<String> sameKeyOtherDate =
                delete(ResourceKind.STAFF, "stf-000201", "?effectiveDate=2026-02-01", "d-1");

        assertThat(dated.statusCode()).isEqualTo(200);
        assertThat(json(dated).at("/results/0/status").asText()).isEqualTo("deleted");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong).get("path").asText()).isEqualTo("effectiveDate");
        assertThat(sameKeyOtherDate.statusCode()).isEqualTo(409);
        assertThat(sgo.staff(CLIENT)).containsOnlyKeys("stf-000202");
    }
}
