package ru.spobridge.bench.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * What the benchmark asks the hub (its REST API with HTTP Basic, as a machine does) and the simulators (their
 * {@code _control} endpoints).
 */
public final class HubApi {

    /** Statuses after which a run does no more work (HELD waits for an operator). */
    public static final Set<String> FINAL = Set.of("COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "HELD", "INTERRUPTED",
            "REJECTED", "SKIPPED", "FILE_REFUSED");

    /** The changed students of one college at the source and the instant they were stamped with. */
    public record SourceChange(List<String> externalIds, Instant at) {
    }

    /** One record a platform created or updated, and when. */
    public record Accepted(String client, String resource, String externalId, Instant at) {
    }

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final BenchJvm hub;
    private final BenchJvm simulators;
    private String authorization;

    public HubApi(HttpClient http, BenchJvm hub, BenchJvm simulators, String user, String password) {
        this.http = http;
        this.hub = hub;
        this.simulators = simulators;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Issues an API token (one password check) and uses it from then on, as a machine client should: HTTP Basic costs a
     * bcrypt check on every request, and the sampler's ten requests a second would otherwise be measured as the hub's work.
     */
    public void useApiToken(String user) throws IOException, InterruptedException {
        JsonNode issued = send(HttpRequest.newBuilder(URI.create(hub.url("/api/admin/tokens"))).header("Authorization", authorization)
                .header("Content-Type", "application/json").header("X-Requested-With", "spo-bridge-bench")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("name", "бенчмарк", "username", user)))), 200);
        authorization = "Bearer " + issued.path("token").asText();
    }

    /** «Запустить» of the contingent flow; the run's id. */
    public long startContingent(String college, boolean full) throws IOException, InterruptedException {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(hub.url("/api/colleges/" + college + "/contingent/runs?full=" + full)))
                .header("Authorization", authorization).header("X-Requested-With", "spo-bridge-bench").POST(HttpRequest.BodyPublishers.noBody()), 202);
        return answer.get("runId").asLong();
    }

    /** «Запустить» of any flow started by command (marks: a journal pull). */
    public long startFlow(String college, String flow) throws IOException, InterruptedException {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(hub.url("/api/colleges/" + college + "/flows/" + flow + "/runs")))
                .header("Authorization", authorization).header("X-Requested-With", "spo-bridge-bench").POST(HttpRequest.BodyPublishers.noBody()), 202);
        return answer.get("runId").asLong();
    }

    public JsonNode run(long id) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(hub.url("/api/runs/" + id))).header("Authorization", authorization).GET(), 200);
    }

    public JsonNode colleges() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(hub.url("/api/colleges"))).header("Authorization", authorization).GET(), 200);
    }

    /** Bytes of the hub's heap in use now (Micrometer's jvm.memory.used over the heap pools). */
    public double heapUsed() throws IOException, InterruptedException {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(hub.url("/actuator/metrics/jvm.memory.used?tag=area:heap")))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(5)).GET(), 200);
        return answer.path("measurements").path(0).path("value").asDouble();
    }

    /** Changes {@code percent} % of a college's students at the Контингент simulator (new phone, every fifth moved). */
    public SourceChange change(String ogrn, double percent, long seed) throws IOException, InterruptedException {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(simulators.url("/contingent-sim/_control/change?ogrn=" + ogrn
                + "&percent=" + percent + "&seed=" + seed))).POST(HttpRequest.BodyPublishers.noBody()), 200);
        List<String> ids = new ArrayList<>();
        answer.get("externalIds").forEach(id -> ids.add(id.asText()));
        return new SourceChange(ids, Instant.parse(answer.get("at").asText()));
    }

    /** The records a platform simulator created or updated at or after {@code since}, of every client. */
    public List<Accepted> accepted(BenchRegion.Platform platform, Instant since) throws IOException, InterruptedException {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(simulators.url("/" + platform.base() + "/_control/accepted?since="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8)))).GET(), 200);
        List<Accepted> found = new ArrayList<>();
        answer.forEach(item -> found.add(new Accepted(item.get("client").asText(), item.get("resource").asText(),
                item.get("externalId").asText(), Instant.parse(item.get("at").asText()))));
        return found;
    }

    /** GETs a hub API path (dead-letter counts, in-flight, latest runs, rejections) with the benchmark's token. */
    public JsonNode hubGet(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(hub.url(pathAndQuery))).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).GET(), 200);
    }

    /** GETs a control path of a simulator ({@code _control/stats}, {@code _control/applications}). */
    public JsonNode simulatorGet(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(simulators.url(pathAndQuery))).GET(), 200);
    }

    /** POSTs a control request of a simulator and answers its JSON. */
    public JsonNode simulatorControl(String pathAndQuery, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(simulators.url(pathAndQuery))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 200);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return json.readTree(response.body());
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
