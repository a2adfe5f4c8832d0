package ru.spobridge.connectors.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriUtils;

/**
 * The integration write API every regional platform gets in this product (shared/contracts/README.md): a
 * client-credentials token in the platform's own header, batches within the platform's limit, an
 * {@code Idempotency-Key} per batch and, as an extension of the contracts, {@code Idempotency-Keys} with one key per
 * record version, per-record results, paged listings. Platforms differ only in a
 * {@link PlatformProtocol}. Knows the protocol, no business rules.
 */
public class IntegrationApiClient {

    private final PlatformProtocol protocol;
    private final PlatformSettings settings;
    private final ObjectMapper json;
    private final RestClient rest;
    private final ClientCredentialsToken token;

    public IntegrationApiClient(PlatformProtocol protocol, PlatformSettings settings, ObjectMapper json, HttpClient http, Clock clock) {
        if (settings.batchLimit() > protocol.maxBatch()) {
            throw new IllegalArgumentException(protocol.title() + ": batch limit cannot exceed the platform limit " + protocol.maxBatch());
        }
        this.protocol = protocol;
        this.settings = settings;
        this.json = json;
        this.rest = HttpTransport.restClient(http, settings.timeout()).build();
        this.token = new ClientCredentialsToken(settings.resolve("integration/v1/token"), settings.clientId(),
                settings.clientSecret(), protocol.tokenField(), http, settings.timeout(), clock);
    }

    public int batchLimit() {
        return settings.batchLimit();
    }

    public PlatformProtocol protocol() {
        return protocol;
    }

    /**
     * Sends one batch. On 401 signs in again once and repeats the same request with the same key.
     *
     * @throws TransientTargetException on 429, 5xx, timeouts and broken answers: the same call may be repeated
     * @throws PermanentTargetException when the platform refuses the request as such
     */
    public BatchResult post(String resource, List<?> items, String idempotencyKey) {
        return post(resource, items, idempotencyKey, List.of());
    }

    /**
     * Sends one batch with a key per item, in item order, in the {@code Idempotency-Keys} header (a header, not an
     * item field: items stay exactly the platform's schema, so its field validation and stored content are untouched).
     * A platform that honours it answers an item it already applied under that key from its store, however the
     * items are grouped into batches; one that does not ignores the header. Empty {@code itemKeys}: no header.
     */
    public BatchResult post(String resource, List<?> items, String idempotencyKey, List<String> itemKeys) {
        if (items.isEmpty() || items.size() > settings.batchLimit()) {
            throw new IllegalArgumentException("batch size must be 1.." + settings.batchLimit());
        }
        if (!itemKeys.isEmpty() && (itemKeys.size() != items.size()
                || itemKeys.stream().anyMatch(key -> key.isBlank() || key.contains(",") || key.length() > 128))) {
            throw new IllegalArgumentException("one item key of 1..128 characters without commas per item");
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("items", items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a batch for " + protocol.title(), e);
        }
        Answer answer = authorized(bearer -> rest.post()
                .uri(settings.resolve("integration/v1/" + resource))
                .contentType(MediaType.APPLICATION_JSON)
                .header(protocol.tokenHeader(), bearer)
                .header("Idempotency-Key", idempotencyKey)
                .headers(headers -> {
                    if (!itemKeys.isEmpty()) {
                        headers.set("Idempotency-Keys", String.join(",", itemKeys));
                    }
                })
                .body(body));
        return read(answer);
    }

    /**
     * Removes one record ({@code DELETE resource/externalId}). A record the platform does not have is reported as
     * deleted: absence is what was asked for.
     */
    public BatchResult.ItemResult delete(String resource, String externalId, String idempotencyKey) {
        Answer answer = authorized(bearer -> rest.delete()
                .uri(settings.resolve("integration/v1/" + resource + "/" + UriUtils.encodePathSegment(externalId, StandardCharsets.UTF_8)))
                .header(protocol.tokenHeader(), bearer)
                .header("Idempotency-Key", idempotencyKey));
        int status = answer.status();
        if (status == 404 || status == 204) {
            return new BatchResult.ItemResult(0, externalId, "deleted", null, List.of());
        }
        if (status == 200 || status == 207 || status == 422) {
            BatchResult result = read(answer);
            return result.results().isEmpty() ? new BatchResult.ItemResult(0, externalId, "deleted", null, List.of()) : result.results().get(0);
        }
        throw failure(answer);
    }

    /** Reads a whole listing page by page (for reconciliation and checks). */
    public List<Map<String, Object>> list(String resource) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            int number = page;
            Answer answer = authorized(bearer -> rest.get()
                    .uri(settings.resolve("integration/v1/" + resource + "?page=" + number + "&pageSize=500"))
                    .header(protocol.tokenHeader(), bearer));
            if (answer.status() != 200) {
                throw failure(answer);
            }
            try {
                List<Map<String, Object>> items = json.readValue(answer.body(), new TypeReference<>() { });
                all.addAll(items);
                long total = Optional.ofNullable(answer.headers().getFirst("X-Total-Count")).flatMap(IntegrationApiClient::number).orElse((long) all.size());
                if (items.isEmpty() || all.size() >= total) {
                    return all;
                }
            } catch (IOException e) {
                throw new TransientTargetException(200, "MALFORMED", null, "Ответ " + protocol.title() + " не разобран", e);
            }
        }
    }

    /**
     * A connection check that writes nothing: signs in, reads one item of {@code resource}, and reports the platform's
     * total ({@code X-Total-Count}, else the body's {@code total}) and its clock ({@code Date} header).
     *
     * @throws PermanentTargetException or {@link TransientTargetException} as every call does (codes tell a refused
     *         secret from an unreachable address)
     */
    public Probe probe(String resource) {
        long started = System.nanoTime();
        Answer answer = authorized(bearer -> rest.get()
                .uri(settings.resolve("integration/v1/" + resource + "?page=1&pageSize=1"))
                .header(protocol.tokenHeader(), bearer));
        if (answer.status() != 200) {
            throw failure(answer);
        }
        int read;
        Long total = Optional.ofNullable(answer.headers().getFirst("X-Total-Count")).flatMap(IntegrationApiClient::number).orElse(null);
        try {
            JsonNode body = json.readTree(answer.body());
            JsonNode items = body.isArray() ? body : body.path("items");
            read = items.size();
            if (total == null && body.path("total").isNumber()) {
                total = body.path("total").asLong();
            }
        } catch (IOException e) {
            throw new TransientTargetException(200, "MALFORMED", null, "Ответ " + protocol.title() + " не разобран", e);
        }
        long date = answer.headers().getFirstDate(HttpHeaders.DATE);
        return new Probe(200, read, total, date < 0 ? null : Instant.ofEpochMilli(date), Duration.ofNanos(System.nanoTime() - started));
    }

    /** What came back, read whole: the status decides what it means, not an exception. */
    private record Answer(int status, HttpHeaders headers, String body) {
    }

    /** Sends with the current token; on 401 drops it, signs in once more and sends the very same request again. */
    private Answer authorized(Function<String, RestClient.RequestHeadersSpec<?>> request) {
        Answer answer = exchange(request.apply(protocol.tokenPrefix() + token.get()));
        if (answer.status() != 401) {
            return answer;
        }
        token.invalidate();
        answer = exchange(request.apply(protocol.tokenPrefix() + token.get()));
        if (answer.status() == 401) {
            // often a token store catching up after a rotation: retried with backoff, an operator only past the horizon
            throw new TransientTargetException(401, "AUTH_FAILED", null, protocol.title() + " отклоняет токен и после повторного входа", null);
        }
        return answer;
    }

    private Answer exchange(RestClient.RequestHeadersSpec<?> request) {
        try {
            return request.exchange((req, response) -> new Answer(response.getStatusCode().value(), response.getHeaders(),
                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TransientTargetException(0, "UNREACHABLE", null, protocol.title() + " не ответил: " + cause.getClass().getSimpleName(), e);
        } catch (RestClientException e) {
            throw new TransientTargetException(0, "UNREACHABLE", null, protocol.title() + " не ответил: " + e.getClass().getSimpleName(), e);
        }
    }

    private BatchResult read(Answer answer) {
        int status = answer.status();
        if (status != 200 && status != 207 && status != 422) {
            throw failure(answer);
        }
        try {
            JsonNode body = json.readTree(answer.body());
            List<BatchResult.ItemResult> results = new ArrayList<>();
            for (JsonNode item : body.path("results")) {
                List<BatchResult.FieldError> errors = new ArrayList<>();
                for (JsonNode error : item.path("errors")) {
                    errors.add(new BatchResult.FieldError(error.path("field").asText(null), error.path("code").asText(null),
                            error.path("message").asText(null)));
                }
                results.add(new BatchResult.ItemResult(item.path("index").asInt(), item.path("externalId").asText(null),
                        item.path("status").asText(null), item.path("id").asText(null), errors));
            }
            boolean replayed = "true".equalsIgnoreCase(answer.headers().getFirst("Idempotent-Replayed"));
            return new BatchResult(status, body.path("batchId").asText(null), replayed, results);
        } catch (IOException e) {
            // the platform may have applied the batch: retrying with the same key is safe and gets its answer
            throw new TransientTargetException(status, "MALFORMED", null, "Ответ " + protocol.title() + " не разобран", e);
        }
    }

    private RuntimeException failure(Answer answer) {
        int status = answer.status();
        String code = errorCode(answer.body());
        if (status == 429 || status >= 500 || status == 408) {
            Duration retryAfter = Optional.ofNullable(answer.headers().getFirst(HttpHeaders.RETRY_AFTER))
                    .flatMap(IntegrationApiClient::number).map(Duration::ofSeconds).orElse(null);
            return new TransientTargetException(status, code, retryAfter, protocol.title() + " временно не принимает запросы (HTTP " + status + ")", null);
        }
        return new PermanentTargetException(status, code, protocol.title() + " отклонил запрос (HTTP " + status + ", " + code + ")");
    }

    private String errorCode(String body) {
        try {
            return json.readTree(body).path("code").asText("HTTP_ERROR");
        } catch (IOException | RuntimeException e) {
            return "HTTP_ERROR";
        }
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
