package ru.spobridge.simulators.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.SimulatorWebTest;

class FaultInjectionTest extends SimulatorWebTest {

    private static final String GROUPS = "/epos-sim/integration/v1/groups";

    @Test
    void two_injected_503_answers_are_followed_by_success() {
        String token = eposToken("college-a");
        epos.faults().failNext(2, 503);

        HttpResponse<String> first = read(token);
        HttpResponse<String> second = read(token);
        HttpResponse<String> third = read(token);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(first).get("code").asText()).isEqualTo("UNAVAILABLE");
        assertThat(json(first).get("message").asText()).isEqualTo("Сервис временно недоступен");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(epos.faults().requests()).isEqualTo(3);
        assertThat(epos.faults().injected()).isEqualTo(2);
    }

    @Test
    void token_endpoint_is_never_faulted() {
        epos.faults().failAlways(503);

        String token = eposToken("college-a");

        assertThat(token).isNotBlank();
        assertThat(read(token).statusCode()).isEqualTo(503);
        assertThat(epos.faults().requests()).isEqualTo(1);
    }

    @Test
    void malformed_next_answers_200_with_a_truncated_body() {
        String token = eposToken("college-a");
        epos.faults().malformedNext(1);

        HttpResponse<String> broken = read(token);

        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.body()).isEqualTo("{\"batchId\":");
        assertThat(read(token).body()).isEqualTo("[]");
    }

    @Test
    void soap_endpoint_is_faulted_too_but_its_wsdl_is_not() {
        contingent.faults().failNext(1, 429).malformedNext(1);

        HttpResponse<String> wsdl = get("/contingent-sim/ws?wsdl");
        HttpResponse<String> limited = soapPost();
        HttpResponse<String> malformed = soapPost();

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).endsWith("<soap:Body><broken");
        assertThat(contingent.getStudentsCalls()).isZero();
    }

    @Test
    void control_api_sets_faults_and_reports_stats() {
        String token = eposToken("college-a");

        HttpResponse<String> set = postJson("/epos-sim/_control/faults",
                "{\"clear\":true,\"failNext\":{\"count\":1,\"status\":503},\"latencyMs\":50}");
        long started = System.nanoTime();
        HttpResponse<String> failed = read(token);
        long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
        HttpResponse<String> stats = get("/epos-sim/_control/stats");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(tookMs).isGreaterThanOrEqualTo(50);
        assertThat(json(stats).get("requests").asLong()).isEqualTo(1);
        assertThat(json(stats).get("injected").asLong()).isEqualTo(1);
        assertThat(json(stats).has("replayedRequests")).isTrue();
        assertThat(postJson("/epos-sim/_control/reset", "").statusCode()).isEqualTo(200);
        assertThat(epos.faults().latency()).isZero();
    }

    @Test
    void fail_after_lets_the_first_requests_through_and_fails_every_later_one_until_cleared() {
        FaultInjector faults = new FaultInjector().failAfter(2, 503);

        List<FaultDecision> decisions = IntStream.range(0, 5).mapToObj(i -> faults.decide()).toList();
        faults.clear();

        assertThat(decisions).containsExactly(new FaultDecision.Pass(), new FaultDecision.Pass(),
                new FaultDecision.Fail(503), new FaultDecision.Fail(503), new FaultDecision.Fail(503));
        assertThat(faults.decide()).isEqualTo(new FaultDecision.Pass());
    }

    @Test
    void control_api_sets_fail_after_for_the_other_platforms_too() {
        String token = token("/sgo-sim", "access_token");

        HttpResponse<String> set = postJson("/sgo-sim/_control/faults", "{\"failAfter\":{\"ok\":2,\"status\":503}}");
        List<Integer> statuses = IntStream.range(0, 4).mapToObj(i -> send(HttpRequest.newBuilder(
                URI.create(url("/sgo-sim/integration/v1/groups"))).header("at", token).GET()).statusCode()).toList();

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(statuses).containsExactly(200, 200, 503, 503);
        assertThat(json(get("/sgo-sim/_control/stats")).get("injected").asLong()).isEqualTo(2);
        assertThat(epos.faults().requests()).isZero();
    }

    @Test
    void control_api_rejects_an_impossible_setting() {
        HttpResponse<String> response = postJson("/contingent-sim/_control/faults", "{\"failAlways\":200}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("code").asText()).isEqualTo("MALFORMED");
    }

    @Test
    void error_rate_fails_a_repeatable_share_of_requests() {
        FaultInjector first = new FaultInjector().errorRate(0.3, 503, 7);
        FaultInjector second = new FaultInjector().errorRate(0.3, 503, 7);

        for (int i = 0; i < 200; i++) {
            assertThat(first.decide()).isEqualTo(second.decide());
        }
        assertThat(first.injected()).isBetween(30L, 90L);
    }

    @Test
    void mixed_faults_draw_every_kind_repeatably_and_slow_a_burst_of_requests_in_a_row() {
        FaultInjector first = new FaultInjector().mixed(0.2, 11, java.time.Duration.ofMillis(1500), 3);
        FaultInjector second = new FaultInjector().mixed(0.2, 11, java.time.Duration.ofMillis(1500), 3);
        java.util.Map<Object, Integer> kinds = new java.util.HashMap<>();
        FaultDecision previous = null;
        int slowRuns = 0;
        for (int i = 0; i < 2000; i++) {
            FaultDecision decision = first.decide();
            assertThat(second.decide()).isEqualTo(decision);
            Object kind = decision instanceof FaultDecision.Fail fail ? fail.status() : decision.getClass().getSimpleName();
            kinds.merge(kind, 1, Integer::sum);
            if (decision instanceof FaultDecision.Slow && !(previous instanceof FaultDecision.Slow)) {
                slowRuns++;
            }
            previous = decision;
        }
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(503, 429, 401, 500, "Slow", "Pass");
        assertThat(kinds.get("Slow")).as("each burst slows three requests in a row").isGreaterThanOrEqualTo(slowRuns * 3 - 2);
        assertThat(first.injected()).as("about a fifth of requests draw a fault, a burst slows two more").isBetween(300L, 700L);
        assertThat(new FaultInjector().mixed(0.2, 11, java.time.Duration.ofMillis(10), 1).clear().decide())
                .isEqualTo(new FaultDecision.Pass());
    }

    @Test
    void control_api_sets_mixed_faults() {
        HttpResponse<String> response = postJson("/aisepo-sim/_control/faults",
                "{\"clear\":true,\"mixed\":{\"share\":1.0,\"seed\":3,\"burstMs\":1,\"burstLength\":2}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(postJson("/aisepo-sim/_control/faults", "{\"mixed\":{\"share\":2}}").statusCode()).isEqualTo(400);
        postJson("/aisepo-sim/_control/faults", "{\"clear\":true}");
    }

    private String token(String base, String field) {
        return json(postForm(base + "/integration/v1/token", Map.of("grant_type", "client_credentials",
                "client_id", "college-a", "client_secret", "s"))).get(field).asText();
    }

    private HttpResponse<String> read(String token) {
        return send(HttpRequest.newBuilder(URI.create(url(GROUPS))).header("Auth-Token", token).GET());
    }

    private HttpResponse<String> soapPost() {
        return send(HttpRequest.newBuilder(URI.create(url("/contingent-sim/ws")))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("<x/>")));
    }
}
