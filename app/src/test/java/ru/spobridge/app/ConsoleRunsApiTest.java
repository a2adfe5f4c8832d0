package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.spobridge.routes.store.SyncRuns;

/** The JSON behind the console's overview, run history, run page (with its live figures) and charts. */
class ConsoleRunsApiTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void overview_shows_each_flow_of_the_college_with_its_last_run_and_counts() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-8101", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-8102", s -> s.setBirthDate("14.03.2008")));
        SyncRuns.Run run = syncAndWait(false);

        JsonNode overview = get("/api/overview");
        assertThat(overview.get("flows")).extracting(JsonNode::asText).containsExactly("contingent", "staff", "marks", "schedule", "reference");
        JsonNode college = find(overview.get("colleges"), "id", COLLEGE);
        JsonNode cell = college.get("cells").get(0);
        assertThat(cell.get("flow").asText()).isEqualTo("contingent");
        assertThat(cell.get("last").get("id").asLong()).isEqualTo(run.id());
        assertThat(cell.get("last").get("delivered").asInt()).isEqualTo(run.delivered()).isPositive();
        assertThat(cell.get("state").asText()).as("one student refused at intake").isEqualTo("warn");
        assertThat(cell.get("runnable").asBoolean()).isTrue();
        assertThat(cell.get("schedule").asText()).isEqualTo("0 0 2 * * ?");
        assertThat(cell.get("lastChangeRun").asLong()).isEqualTo(run.id());
        assertThat(college.get("cells").get(3).get("state").asText()).as("no schedule import yet").isEqualTo("idle");

        post("/api/colleges/" + COLLEGE + "/pause?flow=staff&reason=" + java.net.URLEncoder.encode("переход на ЗУП", StandardCharsets.UTF_8));
        JsonNode staff = find(get("/api/overview").get("colleges"), "id", COLLEGE).get("cells").get(1);
        assertThat(staff.get("gate").get("code").asText()).isEqualTo("PAUSED");
        assertThat(staff.get("gate").get("reason").asText()).contains("переход на ЗУП");
    }

    @Test
    void run_history_filters_by_flow_and_status_and_pages_on_the_server() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-820" + i, s -> { }));
            ids.add(syncAndWait(false).id());
        }
        runs.skipped(COLLEGE, "staff", "schedule", "PAUSED: проверка");

        JsonNode first = get("/api/runs?flow=contingent&size=2&page=0");
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("items")).extracting(run -> run.get("id").asLong()).containsExactly(ids.get(2), ids.get(1));
        JsonNode second = get("/api/runs?flow=contingent&size=2&page=1");
        assertThat(second.get("items")).extracting(run -> run.get("id").asLong()).containsExactly(ids.get(0));

        assertThat(get("/api/runs?flow=staff").get("total").asInt()).isEqualTo(1);
        assertThat(get("/api/runs?status=SKIPPED&college=" + COLLEGE).get("items").get(0).get("flow").asText()).isEqualTo("staff");
        String today = LocalDate.now().toString();
        assertThat(get("/api/runs?from=" + today + "&to=" + today).get("total").asInt()).isEqualTo(4);
        assertThat(get("/api/runs?to=" + LocalDate.now().minusDays(1)).get("total").asInt()).isZero();
        assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/runs?from=вчера")).GET()).statusCode()).isEqualTo(400);
    }

    @Test
    void a_run_page_has_created_and_updated_records_its_rejections_masked_and_paged() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-8301", s -> { }));
        for (int i = 2; i <= 4; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-830" + i, s -> s.setBirthDate("14.03.2008")));
        }
        SyncRuns.Run first = syncAndWait(false);
        assertThat(first.created()).as("every published record is new on its platform").isEqualTo(first.published()).isPositive();
        assertThat(first.updated()).isZero();

        contingent.putStudent(OGRN, SourceData.student("stu-8301", s -> s.setPhone("8 (912) 000-11-33")));
        SyncRuns.Run second = syncAndWait(false);
        assertThat(second.published()).isPositive();
        assertThat(second.updated()).as("the changed student on each platform that has it").isEqualTo(second.published());
        assertThat(second.created()).isZero();

        JsonNode page = get("/api/runs/" + first.id() + "/rejected?size=2&page=0");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        JsonNode rejection = page.get("items").get(0);
        assertThat(rejection.get("entityKey").asText()).startsWith("stu-830");
        assertThat(rejection.get("code").asText()).isEqualTo("INVALID_DATE");
        assertThat(rejection.get("maskedLabel").asText()).isNotBlank().doesNotContain("Проверкина", "Дарья");
        assertThat(get("/api/runs/" + first.id() + "/rejected?size=2&page=1").get("items")).hasSize(1);
        assertThat(get("/api/runs/" + first.id() + "/dead-letters")).isEmpty();
        assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/runs/987654/rejected")).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void a_running_run_streams_its_figures_every_second_until_it_is_final() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 120; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-84%03d".formatted(i), s -> { }));
        }
        // a slow platform keeps the run delivering for a few seconds
        epos.faults().latency(Duration.ofMillis(1500));
        Long runId = commands.runContingent(COLLEGE, false, "test");

        HttpResponse<InputStream> stream = http.send(authorized(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/runs/" + runId + "/events"))
                .header("Accept", "text/event-stream").GET()), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(JSON.readTree(line.substring(5)));
                }
            }
        }
        epos.faults().latency(Duration.ZERO);

        assertThat(events).as("one event a second while it runs, the stream ends with the final figures").hasSizeGreaterThan(1);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("delivered").asInt()).isGreaterThanOrEqualTo(events.get(i - 1).get("delivered").asInt());
        }
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("finishedAt").isNull()).isFalse();
        assertThat(last.get("delivered").asInt()).isGreaterThan(events.get(0).get("delivered").asInt());
        assertThat(last.get("delivered").asInt()).isEqualTo(runs.get(runId).orElseThrow().delivered());
    }

    @Test
    void charts_count_delivered_and_rejected_records_per_day_college_and_flow() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-8501", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-8502", s -> s.setBirthDate("14.03.2008")));
        SyncRuns.Run run = syncAndWait(false);

        JsonNode deliveries = get("/api/stats/deliveries?days=30");
        assertThat(deliveries.get("days")).hasSize(30);
        int today = deliveries.get("days").size() - 1;
        JsonNode series = null;
        for (JsonNode one : deliveries.get("series")) {
            if (one.get("college").asText().equals(COLLEGE) && one.get("flow").asText().equals("contingent")) {
                series = one;
            }
        }
        assertThat(series).isNotNull();
        assertThat(series.get("delivered").get(today).asInt()).isEqualTo(run.delivered());
        assertThat(series.get("rejected").get(today).asInt()).isEqualTo(1);
        assertThat(series.get("delivered").get(today - 1).asInt()).isZero();

        JsonNode dead = get("/api/stats/dead-letters?days=7");
        assertThat(dead.get("opened")).hasSize(7);
        assertThat(dead.get("open").get(6).asInt()).isZero();
        assertThat(get("/api/stats/compliance").isArray()).isTrue();
    }

    @Test
    void a_college_scoped_user_sees_only_its_colleges_runs_overview_and_figures() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-8601", s -> s.setBirthDate("14.03.2008")));
        contingent.putStudent(OGRN, SourceData.student("stu-8602", s -> { }));
        SyncRuns.Run run = syncAndWait(false);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/users")).header("X-Requested-With", "test")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"runs-sgo\",\"role\":\"OBSERVER\",\"password\":\"runs-sgo-password-1\","
                                + "\"scopes\":[{\"kind\":\"COLLEGE\",\"id\":\"test-sgo\"}]}")));
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201, 422);

        assertThat(as("runs-sgo", "/api/runs").body()).contains("\"total\":0");
        assertThat(as("runs-sgo", "/api/runs/" + run.id()).statusCode()).isEqualTo(403);
        assertThat(as("runs-sgo", "/api/runs/" + run.id() + "/report").statusCode()).isEqualTo(403);
        assertThat(as("runs-sgo", "/api/runs/" + run.id() + "/rejected").statusCode()).isEqualTo(403);
        assertThat(as("runs-sgo", "/api/runs/" + run.id() + "/events").statusCode()).isEqualTo(403);
        assertThat(as("runs-sgo", "/api/runs?college=" + COLLEGE).statusCode()).isEqualTo(403);
        assertThat(as("runs-sgo", "/api/runs/latest").body()).isEqualTo("[]");
        assertThat(as("runs-sgo", "/api/rejected").body()).isEqualTo("[]");
        assertThat(JSON.readTree(as("runs-sgo", "/api/colleges").body())).extracting(c -> c.get("id").asText()).containsExactly("test-sgo");
        assertThat(JSON.readTree(as("runs-sgo", "/api/overview").body()).get("colleges")).extracting(c -> c.get("id").asText())
                .containsExactly("test-sgo");
        assertThat(JSON.readTree(as("runs-sgo", "/api/stats/deliveries").body()).get("series")).isEmpty();
        assertThat(get("/api/runs").get("total").asInt()).as("the administrator sees the whole hub").isEqualTo(1);
    }

    private HttpResponse<String> as(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user + "-password-1").getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.get(field).asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
        assertThat(answer.statusCode()).as(path + " → " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private JsonNode post(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-Requested-With", "test")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(answer.statusCode()).as(path + " → " + answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(authorized(request), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
