package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;
import ru.spobridge.app.metrics.MetricsRefresh;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The spo_* meters as Prometheus scrapes them from /actuator/prometheus after real runs: figures equal to the run's
 * own, tags only ids, no personal data; the probes; and the Grafana dashboard asks only for series the hub exports.
 */
class MetricsTest extends HubIntegrationTest {

    private static final String SURNAME = "Метрикова";
    private static final Path CONFIG = Path.of("..", "config");
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private MetricsRefresh refresh;

    @Test
    void a_contingent_sync_is_scraped_by_college_flow_target_and_outcome_without_personal_data() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 4; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-710" + i, s -> {
                s.setLastName(SURNAME);
                s.getGuardian().clear();
            }));
        }
        contingent.putStudent(OGRN, SourceData.student("stu-7109", s -> {
            s.setLastName(SURNAME);
            s.setPhone(null);
            s.getGuardian().clear();
        }));
        epos.rejectRecords("email", "REQUIRED", "stu-7104");
        Scrape before = scrape();

        SyncRuns.Run run = syncAndWait(false);
        refresh.refresh();
        Scrape after = scrape();

        Map<String, String> college = Map.of("college", COLLEGE, "flow", run.flow(), "target", "epos");
        assertThat(run.delivered()).as("a group and three students").isEqualTo(4);
        assertThat(after.sum("spo_records_total", with(college, "outcome", "delivered"))
                - before.sum("spo_records_total", with(college, "outcome", "delivered"))).isEqualTo(run.delivered());
        assertThat(run.targetRejected()).isEqualTo(1);
        assertThat(after.sum("spo_records_total", with(college, "outcome", "rejected"))
                - before.sum("spo_records_total", with(college, "outcome", "rejected"))).isEqualTo(run.targetRejected());

        Map<String, String> intake = Map.of("college", COLLEGE, "flow", run.flow());
        for (Map.Entry<String, Integer> outcome : Map.of("read", run.read(), "changed", run.changed(), "rejected", run.rejected()).entrySet()) {
            assertThat(after.sum("spo_intake_records_total", with(intake, "outcome", outcome.getKey()))
                    - before.sum("spo_intake_records_total", with(intake, "outcome", outcome.getKey())))
                    .as(outcome.getKey()).isEqualTo(outcome.getValue().doubleValue());
        }
        assertThat(run.rejected()).as("the student without a phone").isEqualTo(1);

        Map<String, String> finished = with(intake, "status", run.status().toLowerCase(java.util.Locale.ROOT));
        assertThat(after.sum("spo_run_duration_seconds_count", finished) - before.sum("spo_run_duration_seconds_count", finished)).isEqualTo(1);
        double seconds = Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
        assertThat(after.sum("spo_run_duration_seconds_sum", finished) - before.sum("spo_run_duration_seconds_sum", finished))
                .isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.01));

        assertThat(after.value("spo_source_lag_seconds", intake)).isBetween(0.0, 60.0);
        assertThat(after.value("spo_dead_letters_open", Map.of("college", COLLEGE, "target", "epos", "status", "open"))).isZero();
        assertThat(after.value("spo_circuit_state", Map.of("target", "epos"))).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(scrape().value("spo_bus_queue_depth", Map.of("target", "epos", "queue", "spo.delivery.epos"))).isZero());

        String text = after.text();
        assertThat(text).doesNotContain(SURNAME, "Дарья", "112-233-445 95", "2007-05-20", "@test.spo-college.example", "stu-710");
        assertThat(text).as("no secret of a college in any series, Camel's included").doesNotContain("test-secret");
        for (Map<String, String> labels : after.labelsOf("spo_")) {
            assertThat(labels.keySet()).as("tags are ids").isSubsetOf("application", "college", "flow", "target", "outcome", "status",
                    "queue", "le");
        }
    }

    @Test
    void records_a_platform_cannot_take_are_counted_as_dead_letters_and_open_ones_shown_by_college_and_target() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        syncAndWait(false);
        epos.faults().failAlways(503);
        for (int i = 1; i <= 3; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-720" + i, s -> s.getGuardian().clear()));
        }
        Scrape before = scrape();

        SyncRuns.Run failed = syncAndWait(false);
        refresh.refresh();
        Scrape after = scrape();

        Map<String, String> deadLetters = Map.of("college", COLLEGE, "flow", failed.flow(), "target", "epos", "outcome", "dead_letter");
        assertThat(failed.deadLetters()).isEqualTo(3);
        assertThat(after.sum("spo_records_total", deadLetters) - before.sum("spo_records_total", deadLetters)).isEqualTo(3);
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE college_id = ? AND target = 'epos' AND status = 'OPEN'",
                Integer.class, COLLEGE);
        assertThat(open).isEqualTo(3);
        assertThat(after.value("spo_dead_letters_open", Map.of("college", COLLEGE, "target", "epos", "status", "open"))).isEqualTo(3);
        assertThat(after.sum("spo_run_duration_seconds_count", Map.of("college", COLLEGE, "status", "completed_with_errors"))
                - before.sum("spo_run_duration_seconds_count", Map.of("college", COLLEGE, "status", "completed_with_errors"))).isEqualTo(1);

        jdbc.update("UPDATE dead_letter SET status = 'RESOLVED' WHERE college_id = ?", COLLEGE);
        refresh.refresh();
        assertThat(scrape().value("spo_dead_letters_open", Map.of("college", COLLEGE, "target", "epos", "status", "open")))
                .as("drops to zero, does not vanish").isZero();
    }

    @Test
    void liveness_and_readiness_probes_answer_up_without_signing_in() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + probe)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(answer.body()).get("status").asText()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void prometheus_scrapes_with_an_observer_api_token_and_an_anonymous_scrape_is_refused() throws Exception {
        HttpResponse<String> user = http.send(admin("/api/admin/users").POST(HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"metrics-scraper\",\"role\":\"OBSERVER\",\"password\":\"metrics-scraper-password\","
                        + "\"scopes\":[{\"kind\":\"ALL\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).as(user.body()).isIn(200, 422);
        HttpResponse<String> issued = http.send(admin("/api/admin/tokens").POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"Prometheus\",\"username\":\"metrics-scraper\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String token = new ObjectMapper().readTree(issued.body()).get("token").asText();

        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("spo_circuit_state{");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("spo_");
    }

    private static HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").header("Content-Type", "application/json");
    }

    @Test
    void every_series_the_grafana_dashboard_asks_for_is_exported_by_the_hub() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-7301", s -> s.getGuardian().clear()));
        syncAndWait(false);
        refresh.refresh();
        Set<String> exported = scrape().names();

        JsonNode dashboard = new ObjectMapper().readTree(CONFIG.resolve("grafana/dashboards/spo-bridge.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        dashboard.findValues("query").stream().filter(JsonNode::isTextual).forEach(query -> expressions.add(query.asText()));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(6);
        Set<String> asked = new TreeSet<>();
        for (String expression : expressions) {
            Matcher metric = Pattern.compile("\\bspo_[a-z_]+").matcher(expression);
            while (metric.find()) {
                asked.add(metric.group());
            }
        }
        assertThat(asked).contains("spo_records_total", "spo_run_duration_seconds_bucket", "spo_dead_letters_open", "spo_circuit_state",
                "spo_bus_queue_depth", "spo_source_lag_seconds");
        assertThat(exported).containsAll(asked);

        Map<String, Object> prometheus = new Yaml().load(Files.readString(CONFIG.resolve("prometheus/prometheus.yml")));
        assertThat(prometheus.toString()).contains("/actuator/prometheus", "credentials_file");
        for (String provisioning : List.of("grafana/provisioning/datasources/prometheus.yml", "grafana/provisioning/dashboards/spo-bridge.yml")) {
            Map<String, Object> loaded = new Yaml().load(Files.readString(CONFIG.resolve(provisioning)));
            assertThat(loaded).containsKey("apiVersion");
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(labels);
        more.put(name, value);
        return more;
    }

    private Scrape scrape() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return new Scrape(answer.body());
    }

    /** A Prometheus text exposition read as series: name, labels, value. */
    private record Scrape(String text) {

        private record Series(String name, Map<String, String> labels, double value) {
        }

        List<Series> series() {
            List<Series> all = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher series = SERIES.matcher(line.trim());
                if (line.startsWith("#") || !series.matches()) {
                    continue;
                }
                Map<String, String> labels = new LinkedHashMap<>();
                if (series.group(3) != null) {
                    Matcher label = LABEL.matcher(series.group(3));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                }
                all.add(new Series(series.group(1), labels, Double.parseDouble(series.group(4))));
            }
            return all;
        }

        Set<String> names() {
            Set<String> names = new TreeSet<>();
            series().forEach(series -> names.add(series.name()));
            return names;
        }

        List<Map<String, String>> labelsOf(String prefix) {
            return series().stream().filter(series -> series.name().startsWith(prefix)).map(Series::labels).toList();
        }

        /** The sum over the series of that name carrying these labels (0 when there is none yet). */
        double sum(String name, Map<String, String> labels) {
            return matching(name, labels).stream().mapToDouble(Series::value).sum();
        }

        /** The one series of that name carrying these labels. */
        double value(String name, Map<String, String> labels) {
            List<Series> found = matching(name, labels);
            assertThat(found).as(name + " " + labels).hasSize(1);
            return found.get(0).value();
        }

        private List<Series> matching(String name, Map<String, String> labels) {
            return series().stream().filter(series -> series.name().equals(name)
                    && series.labels().entrySet().containsAll(labels.entrySet())).toList();
        }
    }
}
