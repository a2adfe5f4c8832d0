package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.config.HubProperties.ContingentSource;
import ru.spobridge.routes.config.HubProperties.TargetSettings;
import ru.spobridge.routes.connection.ConnectionTest;
import ru.spobridge.routes.connection.ConnectionTest.Check;

/** The connection test on the real hub: every source and target of a college answers in Russian, and nothing is written. */
class ConnectionTestTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SGO_COLLEGE = "test-sgo";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private ConnectionTest connectionTest;
    @Autowired
    private Colleges colleges;

    @Test
    void every_source_and_target_of_a_college_answers_in_russian() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-5001", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-5002", s -> { }));

        JsonNode answer = connectionTestOver(COLLEGE);

        assertThat(answer.path("ok").asBoolean()).as(answer.toString()).isTrue();
        assertThat(messages(answer)).containsExactly(
                "ИС «Контингент»: доступ есть, ключ получен, прочитано 1 из 2",
                "Журнал колледжа: доступ есть, ключ получен, прочитано 0",
                "ЭПОС.СПО: доступ есть, ключ получен, прочитано 0 из 0");
        for (JsonNode check : answer.path("checks")) {
            assertThat(check.path("clockOffsetSeconds").isNumber()).as("clock compared: " + check).isTrue();
        }
        for (String college : List.of(SGO_COLLEGE, "test-aisepo")) {
            contingent.putGroup(colleges.settings(college).ogrn(), SourceData.group("ИСП-21"));
            JsonNode other = connectionTestOver(college);
            assertThat(other.path("ok").asBoolean()).as(other.toString()).isTrue();
            assertThat(messages(other)).hasSize(3).allSatisfy(message -> assertThat(message).contains(": доступ есть, ключ получен, прочитано"));
            assertThat(messages(other).get(2)).startsWith(SGO_COLLEGE.equals(college) ? "СГО: " : "АИС ЭПО: ");
        }
    }

    @Test
    void a_platform_clock_apart_from_the_hub_is_reported_in_seconds() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        // the hub's clock runs 94 s ahead; the platforms stamp answers with this machine's time, the registry with the hub's
        clock.set(java.time.Instant.now().plusSeconds(94));

        Map<String, JsonNode> checks = new LinkedHashMap<>();
        connectionTestOver(COLLEGE).path("checks").forEach(check -> checks.put(check.path("system").asText(), check));

        assertThat(checks.get("epos").path("ok").asBoolean()).isTrue();
        assertThat(checks.get("epos").path("clockOffsetSeconds").asLong()).isBetween(-96L, -93L);
        assertThat(checks.get("epos").path("message").asText())
                .matches("ЭПОС\\.СПО: доступ есть, ключ получен, прочитано 0 из 0; часы платформы расходятся с узлом на 9[3-6] с \\(отстают\\)");
        assertThat(checks.get("contingent").path("message").asText()).doesNotContain("часы");
    }

    @Test
    void a_wrong_secret_and_an_unreachable_address_are_reported_distinctly() throws Exception {
        assertThat(put("/api/admin/colleges/" + SGO_COLLEGE + "/secrets?field=targets.sgo.client-secret", "not-the-secret").statusCode())
                .isEqualTo(204);
        try {
            String closed = "http://127.0.0.1:" + closedPort();
            CollegeSettings settings = colleges.settings(SGO_COLLEGE);
            ContingentSource source = settings.contingent();
            TargetSettings sgo = settings.targets().get("sgo");
            CollegeSettings wrongSecretAndNoRegistry = with(settings,
                    new ContingentSource(URI.create(closed + "/contingent-sim/ws"), URI.create(closed + "/contingent-sim/integration/v1/token"),
                            source.clientId(), source.clientSecret(), source.pageSize(), source.schedule()),
                    new TargetSettings(true, sgo.baseUrl(), sgo.clientId(), "stored", sgo.batchLimit()));

            Map<String, Check> checks = bySystem(connectionTest.check(SGO_COLLEGE, wrongSecretAndNoRegistry));

            assertThat(checks.get("sgo").ok()).isFalse();
            assertThat(checks.get("sgo").code()).isEqualTo("AUTH_FAILED");
            assertThat(checks.get("sgo").message()).isEqualTo("СГО: неверный секрет клиента (HTTP 401)");
            assertThat(checks.get("contingent").code()).isEqualTo("UNREACHABLE");
            assertThat(checks.get("contingent").message())
                    .isEqualTo("ИС «Контингент»: не отвечает по адресу " + closed + "/contingent-sim/integration/v1/token (соединение отклонено)");
            assertThat(checks.get("journal").ok()).isTrue();

            CollegeSettings platformAway = with(settings, source, new TargetSettings(true, URI.create(closed + "/sgo-sim"), sgo.clientId(),
                    sgo.clientSecret(), sgo.batchLimit()));
            Check away = bySystem(connectionTest.check(SGO_COLLEGE, platformAway)).get("sgo");
            assertThat(away.code()).isEqualTo("UNREACHABLE");
            assertThat(away.message()).isEqualTo("СГО: не отвечает по адресу " + closed + "/sgo-sim (соединение отклонено)");
        } finally {
            delete("/api/admin/colleges/" + SGO_COLLEGE + "/secrets?field=targets.sgo.client-secret");
        }
    }

    @Test
    void the_connection_test_writes_nothing_anywhere() throws Exception {
        SourceData.seedDemo(contingent, OGRN);
        syncAndWait(true);
        for (String college : List.of(SGO_COLLEGE, "test-aisepo")) {
            contingent.putGroup(colleges.settings(college).ogrn(), SourceData.group("ИСП-21"));
        }
        Map<String, Object> before = everythingWritten();

        for (String college : List.of(COLLEGE, SGO_COLLEGE, "test-aisepo")) {
            assertThat(connectionTestOver(college).path("ok").asBoolean()).isTrue();
        }

        assertThat(everythingWritten()).isEqualTo(before);
    }

    private Map<String, Object> everythingWritten() throws Exception {
        Map<String, Object> written = new LinkedHashMap<>();
        for (String table : List.of("canonical_record", "sync_run", "source_cursor", "delivery_batch", "dead_letter", "audit_log")) {
            written.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1"));
        }
        for (String platform : List.of("epos-sim", "sgo-sim", "aisepo-sim")) {
            HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/" + platform + "/_control/applications")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            written.put(platform, JSON.readTree(report.body()));
        }
        return written;
    }

    private JsonNode connectionTestOver(String college) throws Exception {
        HttpResponse<String> answer = http.send(operator(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/colleges/" + college + "/connection-test")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return http.send(operator(HttpRequest.newBuilder(URI.create(baseUrl() + path))).header("Content-Type", "text/plain; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return http.send(operator(HttpRequest.newBuilder(URI.create(baseUrl() + path))).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder operator(HttpRequest.Builder request) {
        return request.header("X-Requested-With", "test").header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> messages(JsonNode answer) {
        return java.util.stream.StreamSupport.stream(answer.path("checks").spliterator(), false).map(check -> check.path("message").asText()).toList();
    }

    private static Map<String, Check> bySystem(List<Check> checks) {
        Map<String, Check> bySystem = new LinkedHashMap<>();
        checks.forEach(check -> bySystem.put(check.system(), check));
        return bySystem;
    }

    static CollegeSettings with(CollegeSettings settings, ContingentSource contingent, TargetSettings sgo) {
        return new CollegeSettings(settings.name(), settings.region(), settings.ogrn(), settings.zone(), contingent, Map.of("sgo", sgo),
                settings.hold(), settings.staff(), settings.schedule(), settings.marks(), settings.regionId(), settings.blackouts());
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
