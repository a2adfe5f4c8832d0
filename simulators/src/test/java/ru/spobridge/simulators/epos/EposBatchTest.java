package ru.spobridge.simulators.epos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.SimulatorWebTest;

class EposBatchTest extends SimulatorWebTest {

    private static final String GROUPS = "/epos-sim/integration/v1/groups";
    private static final String STUDENTS = "/epos-sim/integration/v1/student_profiles";
    private static final String GROUP_TM = """
            {"items":[{"external_id":"grp-tm-21","name":"ТМ-21","course":4,"specialty_code":"15.02.16",
             "form":"очная","subgroups":[{"code":"1","name":"Подгруппа 1"},{"code":"2","name":"Подгруппа 2"}]}]}""";

    @Test
    void token_answer_names_the_field_auth_token() {
        HttpResponse<String> response = postForm("/epos-sim/integration/v1/token",
                Map.of("grant_type", "client_credentials", "client_id", "college-a", "client_secret", "s"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("auth_token").asText()).isNotBlank();
        assertThat(json(response).get("expires_in").asLong()).isEqualTo(3600);
    }

    @Test
    void unknown_token_gets_401_with_token_expired_code_and_www_authenticate() {
        HttpResponse<String> response = write("not-a-token", GROUPS, "k-1", GROUP_TM);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(json(response).get("code").asText()).isEqualTo("TOKEN_EXPIRED");
        assertThat(json(response).get("message").asText()).isEqualTo("Токен истёк");
    }

    @Test
    void batch_with_every_item_valid_gets_200_created_then_unchanged() {
        String token = eposToken("college-a");
        write(token, GROUPS, "g-1", GROUP_TM);

        HttpResponse<String> first = write(token, STUDENTS, "s-1", students(valid("stu-000101")));
        HttpResponse<String> again = write(token, STUDENTS, "s-2", students(valid("stu-000101")));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).at("/results/0/status").asText()).isEqualTo("created");
        assertThat(json(first).at("/results/0/id").asText()).isNotBlank();
        assertThat(json(again).at("/results/0/status").asText()).isEqualTo("unchanged");
        assertThat(epos.students("college-a").get("stu-000101")).containsEntry("phone", "+79123456789");
        assertThat(epos.groups("college-a")).containsKey("grp-tm-21");
        assertThat(epos.deliveries("college-a", "stu-000101")).isEqualTo(2);
        assertThat(epos.students("college-b")).isEmpty();
    }

    @Test
    void batch_with_some_items_rejected_gets_207_with_errors_naming_the_field_never_the_value() {
        String token = eposToken("college-a");
        write(token, GROUPS, "g-1", GROUP_TM);
        String badPhone = valid("stu-000102").replace("+79123456789", "8 (912) 345-67-89");
        String badDate = valid("stu-000103").replace("2007-03-14", "2007-02-31");

        HttpResponse<String> response = write(token, STUDENTS, "s-1",
                students(valid("stu-000101"), badPhone, badDate));

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode body = json(response);
        assertThat(body.get("received").asInt()).isEqualTo(3);
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        assertThat(body.at("/results/1/externalId").asText()).isEqualTo("stu-000102");
        assertThat(body.at("/results/1/status").asText()).isEqualTo("rejected");
        assertThat(body.at("/results/1/errors/0/field").asText()).isEqualTo("phone");
        assertThat(body.at("/results/1/errors/0/code").asText()).isEqualTo("INVALID_FORMAT");
        assertThat(body.at("/results/2/errors/0/field").asText()).isEqualTo("birth_date");
        assertThat(response.body()).doesNotContain("345-67-89").doesNotContain("2007-02-31");
        assertThat(epos.students("college-a")).containsOnlyKeys("stu-000101");
    }

    @Test
    void batch_with_no_item_accepted_gets_422_with_required_and_unknown_group() {
        String token = eposToken("college-a");
        String noEmail = valid("stu-000104").replace("\"email\":\"stu000104@demo.spo-college.example\",", "");

        HttpResponse<String> response = write(token, STUDENTS, "s-1", students(noEmail));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode errors = json(response).at("/results/0/errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("email", "group_external_id");
        assertThat(errors.findValuesAsText("code")).containsExactlyInAnyOrder("REQUIRED", "UNKNOWN_GROUP");
        assertThat(errors.findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    @Test
    void same_key_and_same_body_is_replayed_without_a_second_delivery() {
        String token = eposToken("college-a");
        write(token, GROUPS, "g-1", GROUP_TM);
        HttpResponse<String> first = write(token, STUDENTS, "s-1", students(valid("stu-000101")));

        HttpResponse<String> replay = write(token, STUDENTS, "s-1", students(valid("stu-000101")));

        assertThat(replay.statusCode()).isEqualTo(first.statusCode());
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(epos.deliveries("college-a", "stu-000101")).isEqualTo(1);
        assertThat(epos.replayedRequests()).isEqualTo(1);
    }

    @Test
    void same_key_with_another_body_gets_409_idempotency_key_reused() {
        String token = eposToken("college-a");
        write(token, GROUPS, "g-1", GROUP_TM);

        HttpResponse<String> reused = write(token, GROUPS, "g-1", GROUP_TM.replace("ТМ-21", "ТМ-22"));

        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(json(reused).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void write_without_idempotency_key_gets_400() {
        HttpResponse<String> response = write(eposToken("college-a"), GROUPS, null, GROUP_TM);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void batch_over_the_limit_gets_413_with_the_limit() {
        String items = IntStream.range(0, 501)
                .mapToObj(i -> "{\"external_id\":\"g-" + i + "\",\"name\":\"G" + i + "\"}")
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));

        HttpResponse<String> response = write(eposToken("college-a"), GROUPS, "g-big", items);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("code").asText()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(json(response).get("limit").asInt()).isEqualTo(500);
    }

    @Test
    void broken_json_and_wrong_field_types_get_400_malformed_with_the_path() {
        String token = eposToken("college-a");

        HttpResponse<String> broken = write(token, GROUPS, "g-1", "{\"items\":[");
        HttpResponse<String> wrongType = write(token, GROUPS, "g-2",
                "{\"items\":[{\"external_id\":\"g\",\"name\":\"G\"},{\"external_id\":\"h\",\"course\":\"four\"}]}");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).get("code").asText()).isEqualTo("MALFORMED");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("path").asText()).isEqualTo("items[1].course");
        assertThat(wrongType.body()).doesNotContain("four");
    }

    @Test
    void reads_are_paged_with_x_total_count() {
        String token = eposToken("college-a");
        String items = IntStream.range(0, 7)
                .mapToObj(i -> "{\"external_id\":\"g-" + i + "\",\"name\":\"G" + i + "\"}")
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
        write(token, GROUPS, "g-7", items);

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url(GROUPS + "?page=2&pageSize=3")))
                .header("Auth-Token", token).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Total-Count")).hasValue("7");
        assertThat(json(page).findValuesAsText("external_id")).containsExactly("g-3", "g-4", "g-5");
    }

    @Test
    void client_over_its_rate_limit_gets_429_with_retry_after() {
        String token = eposToken("college-a");
        epos.rateLimitPerSecond(1);

        var statuses = IntStream.range(0, 6)
                .mapToObj(i -> send(HttpRequest.newBuilder(URI.create(url(GROUPS))).header("Auth-Token", token).GET()))
                .toList();

        assertThat(statuses).anySatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(json(r).get("code").asText()).isEqualTo("RATE_LIMITED");
        });
    }

    private HttpResponse<String> write(String token, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .header("Auth-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request);
    }

    private static String students(String... items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    private static String valid(String externalId) {
        return "{\"external_id\":\"" + externalId + "\",\"last_name\":\"Тестова\",\"first_name\":\"Анна\","
                + "\"middle_name\":\"Сергеевна\",\"birth_date\":\"2007-03-14\","
                + "\"email\":\"" + externalId.replace("-", "") + "@demo.spo-college.example\","
                + "\"phone\":\"+79123456789\",\"group_external_id\":\"grp-tm-21\",\"study_form\":\"очная\","
                + "\"individual_plan\":false}";
    }
}
