package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import ru.spobridge.routes.store.SyncRuns;

/** Dead letters through the operator's API: filter, inspect, replay one and all, discard — each audited. */
class DeadLetterReplayTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dead_letters_are_listed_by_filter_replayed_once_recovered_and_discarded_with_a_reason() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        syncAndWait(false);
        epos.faults().failAlways(503);
        for (int i = 1; i <= 3; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-120" + i, s -> s.getGuardian().clear()));
        }
        SyncRuns.Run failed = syncAndWait(false);
        assertThat(failed.deadLetters()).isEqualTo(3);

        JsonNode list = JSON.readTree(get("/api/dead-letters?college=test-college&target=epos&code=UNAVAILABLE").body());
        assertThat(list).hasSize(3);
        assertThat(JSON.readTree(get("/api/dead-letters?target=sgo").body())).isEmpty();
        long first = list.get(0).get("id").asLong();
        long second = list.get(1).get("id").asLong();
        JsonNode inspected = JSON.readTree(get("/api/dead-letters/" + first).body());
        assertThat(inspected.get("entityKey").asText()).isEqualTo("stu-1201");
        assertThat(inspected.toString()).as("no payload, no personal data").doesNotContain("Проверкина", "@test.spo-college.example");

        assertThat(post("/api/dead-letters/" + second + "/discard?reason=%D0%B4%D1%83%D0%B1%D0%BB%D1%8C").statusCode()).isEqualTo(200);
        HttpResponse<String> twice = post("/api/dead-letters/" + second + "/discard?reason=x");
        assertThat(twice.statusCode()).as("once").isEqualTo(409);
        assertThat(JSON.readTree(twice.body()).get("code").asText()).isEqualTo("NOT_FOUND_OR_DONE");
        assertThat(JSON.readTree(twice.body()).get("message").asText()).isEqualTo("Запись не найдена или уже обработана");
        HttpResponse<String> gone = post("/api/dead-letters/" + second + "/replay");
        assertThat(gone.statusCode()).as("a discarded letter is not replayed").isEqualTo(409);
        assertThat(JSON.readTree(gone.body()).get("code").asText()).isEqualTo("NOT_FOUND_OR_DONE");
        HttpResponse<String> unknownStatus = get("/api/dead-letters?status=whatever");
        assertThat(unknownStatus.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownStatus.body()).get("code").asText()).isEqualTo("INVALID_STATUS");
        HttpResponse<String> missing = get("/api/dead-letters/987654");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("code").asText()).isEqualTo("NOT_FOUND");
        epos.faults().clear();
        HttpResponse<String> one = post("/api/dead-letters/" + first + "/replay");
        assertThat(one.statusCode()).isEqualTo(202);
        awaitRun(JSON.readTree(one.body()).get("runs").get(0).asLong());
        assertThat(epos.students(COLLEGE)).as("replaying one dead letter sends that letter's record, not every open letter")
                .containsOnlyKeys("stu-1201");

        SyncRuns.Run next = syncAndWait(false);
        assertThat(next.published()).as("the next run sends the letter left open; a discarded record is not sent again until it changes")
                .isEqualTo(1);
        assertThat(epos.students(COLLEGE)).containsOnlyKeys("stu-1201", "stu-1203");
        assertThat(jdbc.queryForList("SELECT action FROM audit_log ORDER BY id", String.class))
                .containsExactly("DEAD_LETTER_DISCARDED", "DEAD_LETTER_REPLAY");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", HubIntegrationTest.TESTER).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").build(), HttpResponse.BodyHandlers.ofString());
    }
}
