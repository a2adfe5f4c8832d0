package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;
import static ru.spobridge.simulators.platform.Item.student;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-item keys ({@code Idempotency-Keys}): a record version is applied once, whatever batch carries it. */
class PlatformItemIdempotencyTest extends PlatformTestClient {

    @Override
    protected PlatformSimulator simulator() {
        return epos;
    }

    @BeforeEach
    void group_exists() {
        write(ResourceKind.GROUPS, group("ТМ-21"));
    }

    @Test
    void the_same_record_version_in_two_different_batches_is_applied_once_and_answered_from_the_item_store() {
        HttpResponse<String> first = writeWithItemKeys("k-101-v1,k-102-v1",
                student("stu-000101", "ТМ-21"), student("stu-000102", "ТМ-21"));
        HttpResponse<String> regrouped = writeWithItemKeys("k-102-v1,k-103-v1",
                student("stu-000102", "ТМ-21"), student("stu-000103", "ТМ-21"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(regrouped.statusCode()).isEqualTo(200);
        JsonNode answer = json(regrouped);
        assertThat(answer.at("/results/0/status").asText()).isEqualTo("created");
        assertThat(answer.at("/results/0/id").asText()).isEqualTo(json(first).at("/results/1/id").asText());
        assertThat(answer.at("/results/0/replayed").asBoolean()).isTrue();
        assertThat(answer.at("/results/1/status").asText()).isEqualTo("created");
        assertThat(answer.at("/results/1/replayed").isMissingNode()).isTrue();
        assertThat(answer.get("accepted").asInt()).isEqualTo(2);
        assertThat(simulator().applications().appliedTwice()).isZero();
        assertThat(simulator().deliveries(CLIENT, "stu-000102")).isEqualTo(1);
    }

    @Test
    void a_new_version_of_the_record_under_its_own_key_is_applied() {
        writeWithItemKeys("k-101-v1", student("stu-000101", "ТМ-21"));

        HttpResponse<String> changed = writeWithItemKeys("k-101-v2", student("stu-000101", "ТМ-21").with("firstName", "Мария"));

        assertThat(json(changed).at("/results/0/status").asText()).isEqualTo("updated");
        assertThat(simulator().students(CLIENT).get("stu-000101")).containsEntry(wire("firstName"), "Мария");
    }

    @Test
    void a_record_lost_by_a_platform_reset_is_applied_again_under_the_same_key() {
        writeWithItemKeys("k-101-v1", student("stu-000101", "ТМ-21"));
        simulator().reset();
        write(ResourceKind.GROUPS, group("ТМ-21"));

        HttpResponse<String> repair = writeWithItemKeys("k-101-v1", student("stu-000101", "ТМ-21"));

        assertThat(json(repair).at("/results/0/status").asText()).isEqualTo("created");
        assertThat(json(repair).at("/results/0/replayed").isMissingNode()).isTrue();
        assertThat(simulator().students(CLIENT)).containsKey("stu-000101");
    }

    @Test
    void a_record_changed_at_the_platform_since_its_key_was_applied_is_applied_again() {
        writeWithItemKeys("k-101-v1", student("stu-000101", "ТМ-21"));
        write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21").with("firstName", "Другое"));

        HttpResponse<String> repair = writeWithItemKeys("k-101-v1", student("stu-000101", "ТМ-21"));

        assertThat(json(repair).at("/results/0/status").asText()).isEqualTo("updated");
        assertThat(simulator().students(CLIENT).get("stu-000101")).containsEntry(wire("firstName"), "Анна");
    }

    @Test
    void a_rejected_item_keeps_no_answer_and_is_judged_again_when_re_sent() {
        simulator().rejectRecords("email", "REQUIRED", "stu-000101");
        writeWithItemKeys("k-101-v1", student("stu-000101", "ТМ-21"));
        simulator().clearRejections();

        HttpResponse<String> again = writeWithItemKeys("k-101-v1", student("stu-000101", "ТМ-21"));

        assertThat(json(again).at("/results/0/status").asText()).isEqualTo("created");
    }

    @Test
    void item_keys_that_do_not_match_the_items_one_to_one_are_malformed() {
        HttpResponse<String> tooFew = writeWithItemKeys("k-101-v1",
                student("stu-000101", "ТМ-21"), student("stu-000102", "ТМ-21"));
        HttpResponse<String> blank = writeWithItemKeys("k-101-v1,,k-103",
                student("stu-000101", "ТМ-21"), student("stu-000102", "ТМ-21"), student("stu-000103", "ТМ-21"));

        assertThat(tooFew.statusCode()).isEqualTo(400);
        assertThat(json(tooFew).get("code").asText()).isEqualTo("MALFORMED");
        assertThat(json(tooFew).get("path").asText()).isEqualTo("Idempotency-Keys");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(simulator().students(CLIENT)).isEmpty();
    }

    private HttpResponse<String> writeWithItemKeys(String itemKeys, Item... items) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path(ResourceKind.STUDENTS))))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Idempotency-Keys", itemKeys)
                .header(platform().tokenHeader(), platform().tokenPrefix() + token(CLIENT))
                .POST(HttpRequest.BodyPublishers.ofString(batch(items)));
        return send(request);
    }
}
