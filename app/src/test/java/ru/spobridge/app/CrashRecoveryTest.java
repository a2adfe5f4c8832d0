package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ru.spobridge.simulators.contingent.demo.DemoCollege;

/**
 * kill -9 of the hub in the middle of a large run: a child JVM runs the hub (simulators stay in this JVM, so they
 * survive), is killed while delivering, and started again on the same store and broker journal — once on
 * PostgreSQL, once on the embedded default (H2 and Artemis under ./data of the child's working directory). The run
 * completes with every record delivered exactly once at the simulators, the hub's delivered bookkeeping equals the
 * platform's listing, and no run stays open.
 */
class CrashRecoveryTest extends HubIntegrationTest {

    @Autowired
    private Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_hub_killed_mid_run_completes_it_after_restart_with_every_record_delivered_once() throws Exception {
        File journal = new File("target/crash-artemis-" + System.nanoTime());
        killMidDeliveryAndRestart("PostgreSQL", null, List.of(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.artemis.embedded.data-directory=" + journal.getAbsolutePath()), () -> jdbc);
    }

    @Test
    void a_hub_on_the_embedded_default_store_killed_mid_run_keeps_its_committed_bookkeeping() throws Exception {
        File workingDirectory = new File("target/crash-h2-" + System.nanoTime()).getAbsoluteFile();
        assertThat(workingDirectory.mkdirs()).isTrue();
        String url = "jdbc:h2:file:" + workingDirectory.getAbsolutePath() + "/data/spo-bridge";
        killMidDeliveryAndRestart("H2", workingDirectory, List.of(), () -> new JdbcTemplate(
                new SingleConnectionDataSource(url, "spo", "", true)));
    }

    /**
     * @param workingDirectory the child's working directory (its ./data), or null for this one
     * @param store            the child's store, read once the child has stopped
     */
    private void killMidDeliveryAndRestart(String storeName, File workingDirectory, List<String> storeArguments,
                                           Supplier<JdbcTemplate> store) throws Exception {
        DemoCollege demo = SourceData.seedDemo(contingent, OGRN);
        epos.faults().latency(Duration.ofMillis(700));
        int childPort = freePort();

        Process first = startChild(childPort, workingDirectory, storeArguments);
        long runId;
        try {
            awaitUp(childPort);
            HttpResponse<String> started = http.send(authorized(childPort, "/api/colleges/test-college/contingent/runs")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            runId = Long.parseLong(started.body().replaceAll("\\D", ""));
            // killed right after the hub has recorded a delivery: a store that writes commits later loses that record
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> deliveredSoFar(childPort, runId) > 0);
        } finally {
            first.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // kill -9: no shutdown hooks, no graceful stop
        }
        int beforeRestart = epos.students(COLLEGE).size();
        int expected = demo.students().size() - demo.invalidFieldByExternalId().size();
        assertThat(beforeRestart).as("killed in the middle of delivery").isLessThan(expected);

        epos.faults().clear();
        Process second = startChild(childPort, workingDirectory, storeArguments);
        try {
            awaitUp(childPort);
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> epos.students(COLLEGE).size() == expected && runFinished(childPort, runId));
        } finally {
            second.destroy(); // a graceful stop, so that the store can be read from here
            second.waitFor(30, TimeUnit.SECONDS);
        }
        int duplicates = 0;
        for (String key : epos.students(COLLEGE).keySet()) {
            duplicates += epos.deliveries(COLLEGE, key) > 1 ? 1 : 0;
        }
        JdbcTemplate hub = store.get();
        Set<String> delivered = new HashSet<>(hub.queryForList("SELECT entity_key FROM sync_state WHERE college_id = ? "
                + "AND entity_type = 'student' AND target = 'epos' AND delivered_hash IS NOT NULL", String.class, COLLEGE));
        Set<String> deliveredGroups = new HashSet<>(hub.queryForList("SELECT entity_key FROM sync_state WHERE college_id = ? "
                + "AND entity_type = 'group' AND target = 'epos' AND delivered_hash IS NOT NULL", String.class, COLLEGE));
        List<String> open = hub.queryForList("SELECT id || ' ' || status FROM sync_run WHERE finished_at IS NULL", String.class);
        System.out.printf("crash figures (%s): run %d, %d of %d students delivered before kill -9, %d after restart, hub delivered %d, "
                        + "duplicates %d, replayed requests %d, runs open %d%n", storeName, runId, beforeRestart, expected,
                epos.students(COLLEGE).size(), delivered.size(), duplicates, epos.replayedRequests(), open.size());
        assertThat(duplicates).isZero();
        assertThat(delivered).as("the hub's delivered bookkeeping is the platform's listing").isEqualTo(epos.students(COLLEGE).keySet());
        assertThat(deliveredGroups).as("the same for groups").isEqualTo(epos.groups(COLLEGE).keySet());
        assertThat(open).as("runs left open").isEmpty();
    }

    private int deliveredSoFar(int port, long runId) throws Exception {
        HttpResponse<String> run = http.send(authorized(port, "/api/runs/" + runId).GET().build(), HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher delivered = java.util.regex.Pattern.compile("\"delivered\":(\\d+)").matcher(run.body());
        return run.statusCode() == 200 && delivered.find() ? Integer.parseInt(delivered.group(1)) : 0;
    }

    private boolean runFinished(int port, long runId) throws Exception {
        HttpResponse<String> run = http.send(authorized(port, "/api/runs/" + runId).GET().build(), HttpResponse.BodyHandlers.ofString());
        return run.statusCode() == 200 && !run.body().contains("\"finishedAt\":null");
    }

    private static HttpRequest.Builder authorized(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test");
    }

    private Process startChild(int port, File workingDirectory, List<String> storeArguments) throws Exception {
        String here = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), SpoBridgeApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=" + port, "--spo.simulators.enabled=false",
                "--spring.artemis.embedded.persistent=true",
                "--spring.quartz.scheduler-name=spo-bridge-child",
                "--spo.colleges.test-college.targets.epos.base-url=" + here + "/epos-sim",
                "--spo.colleges.test-college.contingent.address=" + here + "/contingent-sim/ws",
                "--spo.colleges.test-college.contingent.token-url=" + here + "/contingent-sim/integration/v1/token"));
        command.addAll(storeArguments);
        ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/crash-child-" + port + "-" + System.nanoTime() + ".log").getAbsoluteFile());
        if (workingDirectory != null) {
            child.directory(workingDirectory);
        }
        return child.start();
    }

    private void awaitUp(int port) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
