package ru.spobridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

/**
 * The hub in a JVM of its own, as a user runs it ({@code java … SpoBridgeApplication}), talking to the simulators of the
 * test's JVM over loopback: it can be killed with kill -9 and started again on the same store and broker journal.
 */
final class ChildHub implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;

    private ChildHub(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a hub and waits until its health answers.
     *
     * @param simulators       the base URL of the simulators the child's colleges use
     * @param workingDirectory the child's working directory (its ./data), or null for the test's own
     * @param log              where the child's output goes
     * @param arguments        settings on top of the test profile (store, retry policy, schedules)
     */
    static ChildHub start(String simulators, int port, File workingDirectory, File log, String heap, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), SpoBridgeApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=" + port, "--spo.simulators.enabled=false",
                "--spring.artemis.embedded.persistent=true",
                "--spring.quartz.scheduler-name=spo-bridge-child",
                "--spo.colleges.test-college.targets.epos.base-url=" + simulators + "/epos-sim",
                "--spo.colleges.test-college.contingent.address=" + simulators + "/contingent-sim/ws",
                "--spo.colleges.test-college.contingent.token-url=" + simulators + "/contingent-sim/integration/v1/token"));
        command.addAll(arguments);
        ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.getAbsoluteFile()));
        if (workingDirectory != null) {
            child.directory(workingDirectory);
        }
        try {
            ChildHub hub = new ChildHub(child.start(), port);
            try {
                hub.awaitUp();
            } catch (RuntimeException e) {
                hub.kill(); // a child that never came up is not left running behind the failed test
                throw e;
            }
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9: no shutdown hooks, no graceful stop of the broker or the store. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A graceful stop (SIGTERM), after which the embedded store can be opened from the test. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(40, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The child's answer to a GET of its API, parsed; null while it cannot answer. */
    JsonNode get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A request to the child's API as the test operator, with a JSON body or none. */
    HttpResponse<String> send(String method, String path, String json) {
        try {
            return HTTP.send(authorized(path).timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The child's answer to a POST of an operator's action (no body), parsed; null when it is refused or cannot answer. */
    JsonNode post(String path) {
        try {
            // an action may do its work before it answers (a run reads its source first): more time than a read
            HttpResponse<String> response = HTTP.send(authorized(path).timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The exit code once the child has stopped (143: it stopped on SIGTERM by itself, 137: kill -9); -1 while it runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** HTTP status of the child's health endpoint, 0 when it does not answer. */
    int health() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The latest run of a flow at a college, as the child's API shows it; null when there is none yet. */
    JsonNode latestRun(String college, String flow) {
        JsonNode latest = get("/api/runs/latest");
        if (latest != null) {
            for (JsonNode run : latest) {
                if (college.equals(run.path("collegeId").asText()) && flow.equals(run.path("flow").asText())) {
                    return run;
                }
            }
        }
        return null;
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test");
    }

    private void awaitUp() {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the child hub stopped during start, exit code " + process.exitValue());
            }
            return health() == 200;
        });
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A platform simulator's own per-record-version application counts, over its control API. */
    static JsonNode applications(String simulators, String platformBase) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(simulators + platformBase + "/_control/applications"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("control API answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
