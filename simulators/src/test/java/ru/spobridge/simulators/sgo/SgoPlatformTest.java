package ru.spobridge.simulators.sgo;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;
import static ru.spobridge.simulators.platform.Item.student;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.PlatformMovementContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** «Сетевой Город»: camelCase under {@code /sgo-sim}, header {@code at}, short-lived tokens, checked СНИЛС. */
class SgoPlatformTest extends PlatformMovementContractTest {

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
}
