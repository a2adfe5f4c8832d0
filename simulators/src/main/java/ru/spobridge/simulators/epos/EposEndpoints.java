package ru.spobridge.simulators.epos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * Data endpoints of the ЭПОС.СПО simulator under {@code /epos-sim/integration/v1}: token check ({@code Auth-Token}),
 * per-client rate limit, {@code Idempotency-Key} replay, batches and paged reads.
 */
public final class EposEndpoints {

    public static final String BASE = "/epos-sim";
    static final String API = BASE + "/integration/v1/";
    private static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_KEY_LENGTH = 128;

    /** Either the admitted client or the refusal to send. */
    private record Admission(String clientId, ServerResponse refusal) {
    }

    private final EposSimulator simulator;
    private final int retryAfterSeconds;

    public EposEndpoints(EposSimulator simulator, int retryAfterSeconds) {
        this.simulator = simulator;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public RouterFunction<ServerResponse> routes() {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (EposCollection collection : EposCollection.values()) {
            routes.POST(API + collection.path(), request -> write(request, collection));
            routes.GET(API + collection.path(), request -> read(request, collection));
        }
        return routes.build();
    }

    private ServerResponse write(ServerRequest request, EposCollection collection) throws IOException {
        Admission admission = admit(request);
        if (admission.refusal() != null) {
            return admission.refusal();
        }
        String key = request.headers().firstHeader("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return JsonBodies.json(400, JsonBodies.error(400, "IDEMPOTENCY_KEY_REQUIRED",
                    "Нужен заголовок Idempotency-Key длиной от 1 до 128 символов"));
        }
        byte[] body = request.servletRequest().getInputStream().readAllBytes();
        String fingerprint = fingerprint(request.method().name() + " " + request.path(), body);
        EposTenant tenant = simulator.tenant(admission.clientId());
        // one write at a time per tenant: a key is checked and stored atomically
        synchronized (tenant) {
            EposTenant.StoredAnswer prior = tenant.answer(key, simulator.clock().instant());
            if (prior != null) {
                if (!prior.fingerprint().equals(fingerprint)) {
                    return JsonBodies.json(409, JsonBodies.error(409, "IDEMPOTENCY_KEY_REUSED",
                            "Ключ идемпотентности уже использован для другого запроса"));
                }
                simulator.countReplay();
                return ServerResponse.status(prior.status()).contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotent-Replayed", "true").body(prior.body());
            }
            EposBatch.Answer answer = EposBatch.apply(tenant, collection, body, simulator.batchLimit());
            byte[] bytes = JsonBodies.bytes(answer.body());
            tenant.remember(key, new EposTenant.StoredAnswer(fingerprint, answer.status(), bytes,
                    simulator.clock().instant()));
            return ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(bytes);
        }
    }

    private ServerResponse read(ServerRequest request, EposCollection collection) {
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
        EposTenant tenant = simulator.tenant(admission.clientId());
        List<Map<String, Object>> all = new ArrayList<>();
        tenant.items(collection).forEach((externalId, fields) -> {
            Map<String, Object> item = new LinkedHashMap<>(fields);
            item.put("id", tenant.idOf(collection, externalId));
            all.add(item);
        });
        int from = (int) Math.min((long) (page.get() - 1) * pageSize.get(), all.size());
        int to = Math.min(from + pageSize.get(), all.size());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .header("X-Total-Count", Integer.toString(all.size()))
                .body(JsonBodies.bytes(all.subList(from, to)));
    }

    /** The client of a live token within its rate limit, or the 401 / 429 answer. */
    private Admission admit(ServerRequest request) {
        Optional<String> clientId = simulator.tokens().clientOf(request.headers().firstHeader("Auth-Token"));
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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
