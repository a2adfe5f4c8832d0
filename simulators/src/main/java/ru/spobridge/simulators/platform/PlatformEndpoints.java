package ru.spobridge.simulators.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.auth.TokenEndpoint;
import ru.spobridge.simulators.faults.FaultControlEndpoints;
import ru.spobridge.simulators.faults.FaultFilter;
import ru.spobridge.simulators.faults.FaultFlavour;
import ru.spobridge.simulators.web.Digests;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * HTTP side of a platform simulator under {@code {base}/integration/v1/}: token, token check in the platform's
 * header, per-client rate limit, {@code Idempotency-Key} replay, batch writes, deletions of one record and paged
 * listings; plus the control API.
 */
public final class PlatformEndpoints {

    private static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_KEY_LENGTH = 128;

    /** Either the admitted client or the refusal to send. */
    private record Admission(String clientId, ServerResponse refusal) {
    }

    private final PlatformSimulator simulator;
    private final PlatformDescription platform;
    private final PlatformBatch batch;
    private final int retryAfterSeconds;

    public PlatformEndpoints(PlatformSimulator simulator, int retryAfterSeconds) {
        this.simulator = simulator;
        this.platform = simulator.description();
        this.batch = new PlatformBatch(simulator);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Token, data and control routes of the platform. */
    public RouterFunction<ServerResponse> routes() {
        TokenEndpoint token = new TokenEndpoint(simulator.tokens(), platform.tokenField());
        FaultControlEndpoints control = new FaultControlEndpoints(simulator.faults(),
                () -> Map.of("replayedRequests", simulator.replayedRequests()), simulator::reset);
        RouterFunctions.Builder routes = RouterFunctions.route().POST(platform.api() + "token", token::handle);
        for (ResourceSchema schema : platform.resources()) {
            routes.POST(platform.api() + schema.path(), request -> write(request, schema));
            routes.GET(platform.api() + schema.path(), request -> list(request, schema));
            if (schema.kind().deletable()) {
                routes.DELETE(platform.api() + schema.path() + "/{externalId}", request -> delete(request, schema));
            }
        }
        routes.GET(platform.base() + "/_control/applications", request -> JsonBodies.json(200, simulator.applications().report()));
        routes.GET(platform.base() + "/_control/accepted", this::accepted);
        return routes.build().and(control.routes(platform.base()));
    }

    /** Fault injection in front of the data endpoints; the token endpoint is never faulted. */
    public FilterRegistrationBean<FaultFilter> faultFilter() {
        String tokenPath = platform.api() + "token";
        FaultFilter filter = new FaultFilter(simulator.faults(), FaultFlavour.REST, retryAfterSeconds,
                request -> !request.getRequestURI().endsWith(tokenPath));
        return filter.registration(platform.id() + "SimFaultFilter", platform.api() + "*");
    }

    private ServerResponse write(ServerRequest request, ResourceSchema schema) throws IOException {
        byte[] body = request.servletRequest().getInputStream().readAllBytes();
        Optional<List<String>> itemKeys = itemKeys(request);
        if (itemKeys.isEmpty()) {
            return malformedParam("Idempotency-Keys", "Ключи в заголовке Idempotency-Keys должны быть длиной от 1 до 128 символов");
        }
        return idempotent(request, body, tenant -> batch.apply(tenant, schema, body, itemKeys.get()));
    }

    /**
     * The per-item keys of a write ({@code Idempotency-Keys: k1,k2,…}, an extension of the contract, see
     * {@link PlatformBatch}); an empty list without the header, empty when a key is blank or too long.
     */
    private static Optional<List<String>> itemKeys(ServerRequest request) {
        List<String> keys = new ArrayList<>();
        for (String header : request.headers().header("Idempotency-Keys")) {
            for (String key : header.split(",", -1)) {
                String trimmed = key.strip();
                if (trimmed.isEmpty() || trimmed.length() > MAX_KEY_LENGTH) {
                    return Optional.empty();
                }
                keys.add(trimmed);
            }
        }
        return Optional.of(keys);
    }

    /** {@code DELETE {path}/{externalId}}, optionally {@code ?effectiveDate=} (checked, not acted upon). */
    private ServerResponse delete(ServerRequest request, ResourceSchema schema) {
        Optional<String> effectiveDate = request.param("effectiveDate");
        if (effectiveDate.isPresent() && !FieldRules.realDate(effectiveDate.get())) {
            return malformedParam("effectiveDate", "Дата effectiveDate ожидается в виде ГГГГ-ММ-ДД");
        }
        String externalId = request.pathVariable("externalId");
        return idempotent(request, new byte[0], tenant -> batch.delete(tenant, schema, externalId));
    }

    /** Admits the client, checks the Idempotency-Key and applies the write once, replaying it for a repeat. */
    private ServerResponse idempotent(ServerRequest request, byte[] body,
                                      Function<PlatformTenant, PlatformBatch.Answer> writer) {
        Admission admission = admit(request);
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        String key = request.headers().firstHeader("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return JsonBodies.json(400, JsonBodies.error(400, "IDEMPOTENCY_KEY_REQUIRED",
                    "Нужен заголовок Idempotency-Key длиной от 1 до 128 символов"));
        }
        String query = request.uri().getRawQuery();
        String fingerprint = fingerprint(request.method().name() + " " + request.path()
                + (query == null ? "" : "?" + query), body);
        PlatformTenant tenant = simulator.tenant(admission.clientId());
        // one write at a time per tenant: a key is checked and stored atomically, items applied in order
        synchronized (tenant) {
            PlatformTenant.StoredAnswer prior = tenant.answer(key, simulator.clock().instant());
            if (prior != null) {
                if (!prior.fingerprint().equals(fingerprint)) {
                    return JsonBodies.json(409, JsonBodies.error(409, "IDEMPOTENCY_KEY_REUSED",
                            "Ключ идемпотентности уже использован для другого запроса"));
                }
                simulator.countReplay();
                return ServerResponse.status(prior.status()).contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotent-Replayed", "true").body(prior.body());
            }
            PlatformBatch.Answer answer = writer.apply(tenant);
            byte[] bytes = JsonBodies.bytes(answer.body());
            tenant.remember(key, new PlatformTenant.StoredAnswer(fingerprint, answer.status(), bytes,
                    simulator.clock().instant()));
            return ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(bytes);
        }
    }

    private ServerResponse list(ServerRequest request, ResourceSchema schema) {
        Admission admission = admit(request);
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        Optional<Integer> page = intParam(request, "page", 1);
        Optional<Integer> pageSize = intParam(request, "pageSize", MAX_PAGE_SIZE);
        if (page.isEmpty() || page.get() < 1) {
            return malformedParam("page", "Номер страницы page начинается с 1");
        }
        if (pageSize.isEmpty() || pageSize.get() < 1 || pageSize.get() > MAX_PAGE_SIZE) {
            return malformedParam("pageSize", "Размер страницы pageSize должен быть от 1 до " + MAX_PAGE_SIZE);
        }
        PlatformTenant tenant = simulator.tenant(admission.clientId());
        List<Map<String, Object>> all = new ArrayList<>();
        tenant.items(schema.kind()).forEach((externalId, fields) -> {
            Map<String, Object> item = new LinkedHashMap<>(fields);
            item.put("id", tenant.idOf(schema.kind(), externalId));
            if (schema.kind() == ResourceKind.STUDENTS) {
                item.put("status", tenant.studentStatus(externalId));
            }
            all.add(item);
        });
        int from = (int) Math.min((long) (page.get() - 1) * pageSize.get(), all.size());
        int to = Math.min(from + pageSize.get(), all.size());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .header("X-Total-Count", Integer.toString(all.size()))
                .body(JsonBodies.bytes(all.subList(from, to)));
    }

    /**
     * {@code GET {base}/_control/accepted?since=<instant>}: every record created or updated on the platform at or
     * after that instant (client, resource, externalId, when), so that a benchmark can tell how long a change at the
     * source took to land.
     */
    private ServerResponse accepted(ServerRequest request) {
        Instant since;
        try {
            since = Instant.parse(request.param("since").orElse(Instant.EPOCH.toString()));
        } catch (DateTimeParseException e) {
            return malformedParam("since", "Момент since ожидается в виде ISO-8601, например 2026-09-01T10:00:00Z");
        }
        return JsonBodies.json(200, simulator.acceptedSince(since));
    }

    /** The client of a live token within its rate limit, or the 401 / 429 answer. */
    private Admission admit(ServerRequest request) {
        Optional<String> clientId = token(request).flatMap(simulator.tokens()::clientOf);
        if (clientId.isEmpty()) {
            return new Admission(null, JsonBodies.tokenExpired());
        }
        if (!simulator.tryAcquire(clientId.get())) {
            return new Admission(null, ServerResponse.status(429).contentType(MediaType.APPLICATION_JSON)
                    .header("Retry-After", Integer.toString(retryAfterSeconds))
                    .body(JsonBodies.bytes(JsonBodies.failure(429))));
        }
        return new Admission(clientId.get(), null);
    }

    private Optional<String> token(ServerRequest request) {
        String header = request.headers().firstHeader(platform.tokenHeader());
        String prefix = platform.tokenPrefix();
        if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(prefix.length()));
    }

    private static Optional<Integer> intParam(ServerRequest request, String name, int fallback) {
        Optional<String> value = request.param(name);
        if (value.isEmpty()) {
            return Optional.of(fallback);
        }
        try {
            return Optional.of(Integer.parseInt(value.get().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ServerResponse malformedParam(String name, String message) {
        var body = JsonBodies.error(400, "MALFORMED", message);
        body.put("path", name);
        return JsonBodies.json(400, body);
    }

    private static String fingerprint(String target, byte[] body) {
        return Digests.sha256Hex(target.getBytes(StandardCharsets.UTF_8), new byte[] {0}, body);
    }
}
