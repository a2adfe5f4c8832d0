package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.config.HubProperties.TargetSettings;
import ru.spobridge.routes.config.Secrets;
import ru.spobridge.routes.connection.ConnectionTest;

/** Item 4: a secret planted in the store and in the environment appears in no API answer, log line or audit row. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTest extends HubIntegrationTest {

    private static final String STORED = "planted-7f3a91c2-stored";
    private static final String IN_ENVIRONMENT = "planted-5be0d4e8-env";
    private static final String VARIABLE = "SPO_LEAK_TEST_SGO_SECRET";
    private static final String SGO_COLLEGE = "test-sgo";
    private static final String FIELD = "targets.sgo.client-secret";
    private static final String LEAK_COLLEGE = "leak-college";

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private Colleges colleges;
    @Autowired
    private Secrets secrets;
    @Autowired
    private ConnectionTest connectionTest;

    @Test
    void planted_secrets_appear_in_no_answer_log_line_or_audit_row(CapturedOutput output) throws Exception {
        List<String> answers = new ArrayList<>();
        // the environment as Spring sees it: system properties are one of its live sources
        System.setProperty(VARIABLE, IN_ENVIRONMENT);
        try {
            HttpResponse<String> stored = send(ConnectionTestTest.operator(request("/api/admin/colleges/" + SGO_COLLEGE + "/secrets?field=" + FIELD))
                    .header("Content-Type", "text/plain; charset=utf-8").PUT(HttpRequest.BodyPublishers.ofString(STORED)));
            assertThat(stored.statusCode()).isEqualTo(204);
            answers.add(stored.body() + stored.headers().map());
            HttpResponse<String> listed = send(ConnectionTestTest.operator(request("/api/admin/colleges/" + SGO_COLLEGE + "/secrets")).GET());
            assertThat(listed.body()).contains(FIELD).contains("\"present\":true");
            answers.add(listed.body());
            assertThat(secrets.lookup(SGO_COLLEGE, FIELD, "stored")).as("the planted values are really in play").contains(STORED);
            assertThat(secrets.lookup(SGO_COLLEGE, FIELD, "env:" + VARIABLE)).contains(IN_ENVIRONMENT);

            answers.add(send(ConnectionTestTest.operator(request("/api/colleges/" + SGO_COLLEGE + "/connection-test"))
                    .POST(HttpRequest.BodyPublishers.noBody())).body());
            CollegeSettings settings = colleges.settings(SGO_COLLEGE);
            TargetSettings sgo = settings.targets().get("sgo");
            for (String reference : List.of("stored", "env:" + VARIABLE)) {
                List<ConnectionTest.Check> checks = connectionTest.check(SGO_COLLEGE, ConnectionTestTest.with(settings, settings.contingent(),
                        new TargetSettings(true, sgo.baseUrl(), sgo.clientId(), reference, sgo.batchLimit())));
                assertThat(checks).filteredOn(check -> check.system().equals("sgo")).singleElement()
                        .satisfies(check -> assertThat(check.code()).isEqualTo("AUTH_FAILED"));
                answers.add(checks.toString());
            }

            // a delivery that fails with the planted secret resolved into a college's settings, as a store-managed college has it
            SourceData.seedDemo(contingent, settings.ogrn());
            colleges.publish(Map.of(LEAK_COLLEGE, new Colleges.Entry(new CollegeSettings(settings.name(), settings.region(), settings.ogrn(),
                    settings.zone(), settings.contingent(), Map.of("sgo", new TargetSettings(true, sgo.baseUrl(), sgo.clientId(), STORED,
                    sgo.batchLimit())), settings.hold(), settings.staff(), null, null, null, null), Colleges.Status.ACTIVE)));
            syncAndWait(LEAK_COLLEGE, true);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM dead_letter WHERE college_id = ?", Integer.class, LEAK_COLLEGE) > 0);
            answers.add(send(request("/api/dead-letters?college=" + LEAK_COLLEGE).GET()).body());
            answers.add(send(request("/api/audit").GET()).body());
            answers.add(send(request("/api/colleges").GET()).body());
        } finally {
            System.clearProperty(VARIABLE);
            colleges.publish(Map.of());
            secrets.forget(SGO_COLLEGE, FIELD);
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SECRET_SET' AND subject = ?", Integer.class, FIELD))
                .isEqualTo(1);
        String auditRows = jdbc.queryForList("SELECT * FROM audit_log").toString();
        String deadLetters = jdbc.queryForList("SELECT * FROM dead_letter").toString();
        for (String planted : List.of(STORED, IN_ENVIRONMENT)) {
            assertThat(answers).as("API answers").noneMatch(answer -> answer.contains(planted));
            assertThat(output.getAll()).as("log output").doesNotContain(planted);
            assertThat(auditRows).as("audit_log").doesNotContain(planted);
            assertThat(deadLetters).as("dead_letter").doesNotContain(planted);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
