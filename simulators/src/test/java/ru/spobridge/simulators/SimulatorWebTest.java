package ru.spobridge.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.spobridge.simulators.asc.AscSimulator;
import ru.spobridge.simulators.contingent.ContingentSimulator;
import ru.spobridge.simulators.epos.EposSimulator;
import ru.spobridge.simulators.eposschool.EposSchoolSimulator;
import ru.spobridge.simulators.journal.JournalSimulator;
import ru.spobridge.simulators.aisepo.AisEpoSimulator;
import ru.spobridge.simulators.sgo.SgoSimulator;
import ru.spobridge.simulators.zup.ZupSimulator;

/** One shared Spring context for every web test: simulators on a random port, talked to over loopback HTTP. */
@SpringBootTest(classes = SimulatorsTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spo.simulators.enabled=true",
                "spo.simulators.epos.rate-limit-per-second=0",
                "spo.simulators.sgo.rate-limit-per-second=0",
                "spo.simulators.aisepo.rate-limit-per-second=0",
                "spo.simulators.epos-school.rate-limit-per-second=0",
                "spo.simulators.contingent.clients.hub=hub-secret",
                "spo.simulators.retry-after-seconds=2",
                "spo.simulators.demo.enabled=true",
                "spo.simulators.demo.colleges[0].ogrn=1025900000099",
                "spo.simulators.demo.colleges[0].students=50",
                "spo.simulators.demo.colleges[0].groups=5",
                "spo.simulators.demo.colleges[0].movements=12",
                "spo.simulators.demo.colleges[1].ogrn=1027400000011",
                "spo.simulators.demo.colleges[1].students=30",
                "spo.simulators.demo.colleges[1].groups=3",
                "spo.simulators.demo.colleges[1].seed=7",
                "spo.simulators.zup.users.hr=hr-secret",
                "spo.simulators.zup.demo.enabled=true"
        })
public abstract class SimulatorWebTest {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected ContingentSimulator contingent;
    @Autowired
    protected EposSimulator epos;
    @Autowired
    protected SgoSimulator sgo;
    @Autowired
    protected AisEpoSimulator aisepo;
    @Autowired
    protected EposSchoolSimulator school;
    @Autowired
    protected ZupSimulator zup;
    @Autowired
    protected AscSimulator asc;
    @Autowired
    protected JournalSimulator journal;
    @Autowired
    protected MovableClock clock;

    @BeforeEach
    void resetSimulators() {
        contingent.reset();
        epos.reset();
        sgo.reset();
        aisepo.reset();
        school.reset();
        zup.reset();
        asc.reset();
        journal.reset();
        clock.reset();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    protected HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    protected String contingentToken() {
        HttpResponse<String> response = postForm("/contingent-sim/integration/v1/token",
                Map.of("grant_type", "client_credentials", "client_id", "hub", "client_secret", "hub-secret"));
        return json(response).get("access_token").asText();
    }

    protected String eposToken(String clientId) {
        HttpResponse<String> response = postForm("/epos-sim/integration/v1/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "any"));
        return json(response).get("auth_token").asText();
    }
}
