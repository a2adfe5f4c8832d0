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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import ru.spobridge.simulators.contingent.demo.DemoCollege;

/**
 * kill -9 of the hub in the middle of a large run: a child JVM runs the hub (simulators stay in this JVM, so they
 * survive), is killed while delivering, and started again on the same database and broker journal. The run
 * completes with every record delivered exactly once at the simulators.
 */
class CrashRecoveryTest extends HubIntegrationTest {

    @Autowired
    private Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_hub_killed_mid_run_completes_it_after_restart_with_every_record_delivered_once() throws Exception {
        DemoCollege demo = SourceData.seedDemo(contingent, OGRN);
        epos.faults().latency(Duration.ofMillis(700));
        File journal = new File("target/crash-artemis-" + System.nanoTime());
        int childPort = freePort();

        Process first = startChild(childPort, journal);
        long runId;
        try {
            awaitUp(childPort);
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + childPort
                            + "/api/colleges/test-college/contingent/runs")).POST(HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                    .header("X-Requested-With", "test").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            runId = Long.parseLong(started.body().replaceAll("\\D", ""));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> epos.students(COLLEGE).size() > 0);
        } finally {
            first.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // kill -9: no shutdown hooks, no graceful stop
        }
        int beforeRestart = epos.students(COLLEGE).size();
        int expected = demo.students().size() - demo.invalidFieldByExternalId().size();
        assertThat(beforeRestart).as("killed in the middle of delivery").isLessThan(expected);

        epos.faults().clear();
        Process second = startChild(childPort, journal);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> epos.students(COLLEGE).size() == expected);
        } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
        }
        int duplicates = 0;
        for (String key : epos.students(COLLEGE).keySet()) {
            duplicates += epos.deliveries(COLLEGE, key) > 1 ? 1 : 0;
        }
        System.out.printf("crash figures: run %d, %d of %d students delivered before kill -9, %d after restart, duplicates %d, replayed requests %d%n",
                runId, beforeRestart, expected, epos.students(COLLEGE).size(), duplicates, epos.replayedRequests());
        assertThat(duplicates).isZero();
    }

    private Process startChild(int port, File journal) throws Exception {
        String here = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), SpoBridgeApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=" + port, "--spo.simulators.enabled=false",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.artemis.embedded.persistent=true", "--spring.artemis.embedded.data-directory=" + journal.getAbsolutePath(),
                "--spring.quartz.scheduler-name=spo-bridge-child",
                "--spo.colleges.test-college.targets.epos.base-url=" + here + "/epos-sim",
                "--spo.colleges.test-college.contingent.address=" + here + "/contingent-sim/ws",
                "--spo.colleges.test-college.contingent.token-url=" + here + "/contingent-sim/integration/v1/token"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/crash-child-" + port + "-" + System.nanoTime() + ".log")).start();
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
