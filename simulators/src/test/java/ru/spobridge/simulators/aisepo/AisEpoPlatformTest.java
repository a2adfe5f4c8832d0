package ru.spobridge.simulators.aisepo;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;
import static ru.spobridge.simulators.platform.Item.student;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.platform.PlatformStaffContractTest;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.ResourceKind;

/** АИС ЭПО: camelCase under {@code /aisepo-sim}, {@code Authorization: Bearer}, batches of 300, integer subgroupNo. */
class AisEpoPlatformTest extends PlatformStaffContractTest {

    @Override
    protected PlatformSimulator simulator() {
        return aisepo;
    }

    @Override
    protected long expectedTtlSeconds() {
        return 3600;
    }

    @Test
    void aisepo_takes_a_bearer_token_and_batches_of_at_most_300() {
        String token = token(CLIENT);

        HttpResponse<String> bare = send(HttpRequest.newBuilder(URI.create(url(path(ResourceKind.GROUPS))))
                .header("Authorization", token).GET());
        HttpResponse<String> bearer = send(HttpRequest.newBuilder(URI.create(url(path(ResourceKind.GROUPS))))
                .header("Authorization", "Bearer " + token).GET());

        assertThat(bare.statusCode()).isEqualTo(401);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(aisepo.batchLimit()).isEqualTo(300);
        assertThat(path(ResourceKind.STUDENTS)).isEqualTo("/aisepo-sim/integration/v1/students");
    }

    @Test
    void subgroup_no_is_an_integer_and_a_text_one_is_a_malformed_envelope() {
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> number = write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21").with("subgroupNo", 2));
        HttpResponse<String> text = write(ResourceKind.STUDENTS, student("stu-000102", "ТМ-21").with("subgroupNo", "2"));

        assertThat(number.statusCode()).isEqualTo(200);
        assertThat(aisepo.students(CLIENT).get("stu-000101")).containsEntry("subgroupNo", 2);
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(json(text).get("path").asText()).isEqualTo("items[0].subgroupNo");
    }

    @Test
    void aisepo_students_carry_no_snils_field() {
        assertThat(platform().schema(ResourceKind.STUDENTS).fields()).noneMatch(f -> f.name().equals("snils"));
    }
}
