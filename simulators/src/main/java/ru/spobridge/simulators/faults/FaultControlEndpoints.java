package ru.spobridge.simulators.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * Control API of one simulator: {@code POST {base}/_control/faults}, {@code GET {base}/_control/stats},
 * {@code POST {base}/_control/reset}. Not subject to fault injection nor tokens.
 */
public final class FaultControlEndpoints {

    private final FaultInjector faults;
    private final Supplier<Map<String, Object>> simulatorStats;
    private final Runnable reset;

    public FaultControlEndpoints(FaultInjector faults, Supplier<Map<String, Object>> simulatorStats, Runnable reset) {
        this.faults = faults;
        this.simulatorStats = simulatorStats;
        this.reset = reset;
    }

    public RouterFunction<ServerResponse> routes(String base) {
        return RouterFunctions.route()
                .POST(base + "/_control/faults", this::configure)
                .GET(base + "/_control/stats", request -> JsonBodies.json(200, stats()))
                .POST(base + "/_control/reset", request -> {
                    reset.run();
                    return JsonBodies.json(200, stats());
                })
                .build();
    }

    private ServerResponse configure(ServerRequest request) throws IOException {
        JsonNode body;
        try {
            body = JsonBodies.MAPPER.readTree(request.servletRequest().getInputStream());
        } catch (IOException e) {
            return JsonBodies.json(400, JsonBodies.error(400, "MALFORMED", "Тело запроса не является JSON"));
        }
        try {
            apply(body == null ? JsonBodies.MAPPER.createObjectNode() : body);
        } catch (IllegalArgumentException e) {
            ObjectNode error = JsonBodies.error(400, "MALFORMED", "Недопустимая настройка сбоев");
            // names a setting and its bounds, never personal data
            error.put("detail", e.getMessage());
            return JsonBodies.json(400, error);
        }
        return JsonBodies.json(200, stats());
    }

    private void apply(JsonNode body) {
        if (body.path("clear").asBoolean(false)) {
            faults.clear();
        }
        JsonNode failNext = body.path("failNext");
        if (failNext.isObject()) {
            faults.failNext(failNext.path("count").asInt(1), failNext.path("status").asInt(503));
        }
        if (body.hasNonNull("failAlways")) {
            faults.failAlways(body.get("failAlways").asInt());
        }
        JsonNode failAfter = body.path("failAfter");
        if (failAfter.isObject()) {
            faults.failAfter(failAfter.path("ok").asInt(0), failAfter.path("status").asInt(503));
        }
        if (body.hasNonNull("latencyMs")) {
            faults.latency(Duration.ofMillis(body.get("latencyMs").asLong()));
        }
        JsonNode errorRate = body.path("errorRate");
        if (errorRate.isObject()) {
            faults.errorRate(errorRate.path("share").asDouble(), errorRate.path("status").asInt(503),
                    errorRate.path("seed").asLong(0));
        }
        JsonNode mixed = body.path("mixed");
        if (mixed.isObject()) {
            faults.mixed(mixed.path("share").asDouble(), mixed.path("seed").asLong(0),
                    Duration.ofMillis(mixed.path("burstMs").asLong(0)), mixed.path("burstLength").asInt(1));
        }
        if (body.hasNonNull("malformedNext")) {
            faults.malformedNext(body.get("malformedNext").asInt());
        }
    }

    private ObjectNode stats() {
        ObjectNode node = JsonBodies.MAPPER.createObjectNode();
        node.put("requests", faults.requests());
        node.put("injected", faults.injected());
        simulatorStats.get().forEach((name, value) -> node.set(name, JsonBodies.MAPPER.valueToTree(value)));
        return node;
    }
}
