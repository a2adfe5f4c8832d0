package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;
import static ru.spobridge.simulators.platform.Item.guardian;
import static ru.spobridge.simulators.platform.Item.movement;
import static ru.spobridge.simulators.platform.Item.student;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The common write contract every REST platform simulator keeps, spelled in the platform's own field names. */
public abstract class PlatformWriteContractTest extends PlatformTestClient {

    /** Token lifetime the platform's contract gives. */
    protected abstract long expectedTtlSeconds();

    @Test
    void token_answer_names_the_platform_token_field_and_its_ttl() {
        HttpResponse<String> response = tokenResponse(CLIENT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get(platform().tokenField()).asText()).isNotBlank();
        assertThat(json(response).get("expires_in").asLong()).isEqualTo(expectedTtlSeconds());
    }

    @Test
    void a_token_outside_the_platform_header_gets_401_token_expired() {
        String token = token(CLIENT);

        HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(URI.create(url(path(ResourceKind.GROUPS))))
                .header("X-Token", token).GET());
        HttpResponse<String> inside = list(ResourceKind.GROUPS, "");

        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(elsewhere.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(json(elsewhere).get("code").asText()).isEqualTo("TOKEN_EXPIRED");
        assertThat(inside.statusCode()).isEqualTo(200);
    }

    @Test
    void valid_groups_students_and_guardians_get_200_created_and_then_unchanged() {
        HttpResponse<String> groups = write(ResourceKind.GROUPS, group("ТМ-21"));
        HttpResponse<String> students = write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21"));
        HttpResponse<String> guardians = write(ResourceKind.GUARDIANS, guardian("gdn-000101", "stu-000101"));
        HttpResponse<String> again = write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21"));

        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat(students.statusCode()).isEqualTo(200);
        assertThat(guardians.statusCode()).isEqualTo(200);
        assertThat(json(students).at("/results/0/status").asText()).isEqualTo("created");
        assertThat(json(students).at("/results/0/id").asText()).isNotBlank();
        assertThat(json(again).at("/results/0/status").asText()).isEqualTo("unchanged");
        assertThat(simulator().students(CLIENT).get("stu-000101")).containsEntry(wire("lastName"), "Тестова");
        assertThat(simulator().studentStatus(CLIENT, "stu-000101")).isEqualTo("active");
        assertThat(simulator().deliveries(CLIENT, "stu-000101")).isEqualTo(2);
        assertThat(simulator().students("college-b")).isEmpty();
    }

    @Test
    void some_items_rejected_gets_207_naming_field_and_code_never_the_value() {
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> response = write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21"),
                student("stu-000102", "ТМ-21").with("email", "stu000102.example.org"),
                student("stu-000103", "ТМ-21").with("phone", "8 (912) 345-67-89"),
                student("stu-000104", "ТМ-21").with("birthDate", "2007-02-31"));

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode body = json(response);
        assertThat(body.get("received").asInt()).isEqualTo(4);
        assertThat(body.get("accepted").asInt()).isEqualTo(1);
        assertThat(body.get("rejected").asInt()).isEqualTo(3);
        assertThat(body.at("/results/1/externalId").asText()).isEqualTo("stu-000102");
        assertThat(body.at("/results/1/status").asText()).isEqualTo("rejected");
        assertError(body, 1, "email", "INVALID_FORMAT");
        assertError(body, 2, "phone", "INVALID_FORMAT");
        assertError(body, 3, "birthDate", "INVALID_FORMAT");
        assertThat(response.body()).doesNotContain("stu000102.example.org", "345-67-89", "2007-02-31");
        assertThat(simulator().students(CLIENT)).containsOnlyKeys("stu-000101");
    }

    @Test
    void no_item_accepted_gets_422_with_every_required_field_named() {
        HttpResponse<String> students = write(ResourceKind.STUDENTS,
                student("stu-000101", "ТМ-21").without("lastName").without("birthDate").without("email"));
        HttpResponse<String> groups = write(ResourceKind.GROUPS, group("ТМ-21").without("name"));
        HttpResponse<String> guardians = write(ResourceKind.GUARDIANS,
                guardian("gdn-000101").without("phone").without("firstName"));

        assertThat(students.statusCode()).isEqualTo(422);
        assertThat(json(students).at("/results/0/errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                wire("lastName"), wire("birthDate"), wire("email"), wire("groupExternalId"));
        assertThat(json(students).at("/results/0/errors").findValuesAsText("code"))
                .containsExactlyInAnyOrder("REQUIRED", "REQUIRED", "REQUIRED", "UNKNOWN_GROUP");
        assertThat(groups.statusCode()).isEqualTo(422);
        assertError(json(groups), 0, "name", "REQUIRED");
        assertThat(guardians.statusCode()).isEqualTo(422);
        assertThat(json(guardians).at("/results/0/errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                wire("phone"), wire("firstName"), wire("studentExternalIds"));
        assertThat(json(guardians).at("/results/0/errors").findValuesAsText("message"))
                .allSatisfy(message -> assertThat(message).isNotBlank());
    }

    @Test
    void references_to_groups_and_students_the_tenant_does_not_have_are_rejected() {
        write(ResourceKind.GROUPS, group("ТМ-21"));
        write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21"));

        HttpResponse<String> students = write(ResourceKind.STUDENTS, student("stu-000102", "ZZ-99"));
        HttpResponse<String> movements = write(ResourceKind.MOVEMENTS,
                movement("mov-1", "stu-999999", "academicLeave", "2025-10-01"),
                movement("mov-2", "stu-000101", "transfer", "2025-10-01").with("toGroupExternalId", "ZZ-99"));
        HttpResponse<String> guardians = write(ResourceKind.GUARDIANS,
                guardian("gdn-000101", "stu-000101", "stu-999999"));

        assertError(json(students), 0, "groupExternalId", "UNKNOWN_GROUP");
        assertThat(movements.statusCode()).isEqualTo(422);
        assertError(json(movements), 0, "studentExternalId", "UNKNOWN_STUDENT");
        assertError(json(movements), 1, "toGroupExternalId", "UNKNOWN_GROUP");
        assertThat(json(guardians).at("/results/0/errors/0/field").asText())
                .isEqualTo(wire("studentExternalIds") + "[1]");
        assertThat(json(guardians).at("/results/0/errors/0/code").asText()).isEqualTo("UNKNOWN_STUDENT");
        assertThat(simulator().students("college-b")).isEmpty();
    }

    @Test
    void unknown_study_form_and_movement_kind_get_invalid_value() {
        write(ResourceKind.GROUPS, group("ТМ-21"));
        write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21"));

        HttpResponse<String> students = write(ResourceKind.STUDENTS,
                student("stu-000102", "ТМ-21").with("studyForm", "дистанционная"));
        HttpResponse<String> movements = write(ResourceKind.MOVEMENTS,
                movement("mov-1", "stu-000101", "graduation", "2025-10-01"));

        assertError(json(students), 0, "studyForm", "INVALID_VALUE");
        assertError(json(movements), 0, "kind", "INVALID_VALUE");
        assertThat(movements.body()).doesNotContain("graduation", "дистанционная");
    }

    @Test
    void same_key_and_body_is_replayed_and_same_key_with_another_body_gets_409() {
        String token = token(CLIENT);
        String body = batch(group("ТМ-21"));
        HttpResponse<String> first = write(token, ResourceKind.GROUPS, "g-1", body);

        HttpResponse<String> replay = write(token, ResourceKind.GROUPS, "g-1", body);
        HttpResponse<String> reused = write(token, ResourceKind.GROUPS, "g-1", batch(group("ТМ-22")));
        HttpResponse<String> keyless = write(token, ResourceKind.GROUPS, null, body);

        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(simulator().replayedRequests()).isEqualTo(1);
        assertThat(simulator().deliveries(CLIENT, "ТМ-21")).isEqualTo(1);
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(json(reused).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(keyless.statusCode()).isEqualTo(400);
        assertThat(json(keyless).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    }

    @Test
    void batch_over_the_platform_limit_gets_413_with_the_limit() {
        int limit = simulator().batchLimit();
        Item[] items = IntStream.rangeClosed(0, limit).mapToObj(i -> group("G-" + i)).toArray(Item[]::new);

        HttpResponse<String> over = write(ResourceKind.GROUPS, items);
        HttpResponse<String> at = write(ResourceKind.GROUPS, Arrays.copyOf(items, limit));

        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(json(over).get("code").asText()).isEqualTo("BATCH_TOO_LARGE");
        assertThat(json(over).get("limit").asInt()).isEqualTo(limit);
        assertThat(at.statusCode()).isEqualTo(200);
    }

    @Test
    void listings_are_paged_with_x_total_count_and_carry_ids_and_student_status() {
        write(ResourceKind.GROUPS, IntStream.range(0, 7).mapToObj(i -> group("G-" + i)).toArray(Item[]::new));
        write(ResourceKind.STUDENTS, student("stu-000101", "G-0"), student("stu-000102", "G-1"));
        write(ResourceKind.MOVEMENTS, movement("mov-1", "stu-000102", "expulsion", "2025-10-01"));

        HttpResponse<String> groups = list(ResourceKind.GROUPS, "?page=2&pageSize=3");
        HttpResponse<String> students = list(ResourceKind.STUDENTS, "");
        HttpResponse<String> movements = list(ResourceKind.MOVEMENTS, "?pageSize=500");
        HttpResponse<String> tooLarge = list(ResourceKind.GROUPS, "?pageSize=501");

        assertThat(groups.headers().firstValue("X-Total-Count")).hasValue("7");
        assertThat(json(groups).findValuesAsText(wire("externalId"))).containsExactly("G-3", "G-4", "G-5");
        assertThat(students.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(json(students).findValuesAsText("status")).containsExactly("active", "expelled");
        assertThat(json(students).findValuesAsText("id")).doesNotContainNull().hasSize(2);
        assertThat(json(movements).findValuesAsText(wire("kind"))).containsExactly("expulsion");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
    }

    @Test
    void client_over_its_rate_limit_gets_429_with_retry_after() {
        String token = token(CLIENT);
        simulator().rateLimitPerSecond(1);

        var responses = IntStream.range(0, 6).mapToObj(i -> write(token, ResourceKind.GROUPS, null, "{}")).toList();

        assertThat(responses).anySatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(json(r).get("code").asText()).isEqualTo("RATE_LIMITED");
        });
    }
}
