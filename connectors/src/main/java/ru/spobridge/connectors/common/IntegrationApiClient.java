package ru.spobridge.connectors.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The integration write API every regional platform gets in this product (shared/contracts/README.md): a
 * client-credentials token in the platform's own header, batches within the platform's limit, an
 * {@code Idempotency-Key} per batch, per-record results, paged listings. Platforms differ only in a
 * {@link PlatformProtocol}. Knows the protocol, no business rules.
 */
public class IntegrationApiClient {

    private final PlatformProtocol protocol;
    private final PlatformSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ClientCredentialsToken token;

    public IntegrationApiClient(PlatformProtocol protocol, PlatformSettings settings, ObjectMapper json, HttpClient http, Clock clock) {
        if (settings.batchLimit() > protocol.maxBatch()) {
            throw new IllegalArgumentException(protocol.title() + ": batch limit cannot exceed the platform limit " + protocol.maxBatch());
        }
        this.protocol = protocol;
        this.settings = settings;
        this.json = json;
        this.http = http;
        this.token = new ClientCredentialsToken(settings.resolve("integration/v1/token"), settings.clientId(),
                settings.clientSecret(), protocol.tokenField(), http, json, settings.timeout(), clock);
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
        if (items.isEmpty() || items.size() > settings.batchLimit()) {
            throw new IllegalArgumentException("batch size must be 1.." + settings.batchLimit());
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("items", items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a batch for " + protocol.title(), e);
        }
        HttpResponse<String> response = send(resource, body, idempotencyKey);
        if (response.statusCode() == 401) {
            token.invalidate();
            response = send(resource, body, idempotencyKey);
            if (response.statusCode() == 401) {
                throw new PermanentTargetException(401, "AUTH_FAILED", protocol.title() + " отклоняет токен и после повторного входа");
            }
        }
        return read(response);
    }

    /**
     * Removes one record ({@code DELETE resource/externalId}). A record the platform does not have is reported as
     * deleted: absence is what was asked for.
     */
    public BatchResult.ItemResult delete(String resource, String externalId, String idempotencyKey) {
        HttpResponse<String> response = sendDelete(resource, externalId, idempotencyKey);
        if (response.statusCode() == 401) {
            token.invalidate();
            response = sendDelete(resource, externalId, idempotencyKey);
        }
        int status = response.statusCode();
        if (status == 404) {
            return new BatchResult.ItemResult(0, externalId, "deleted", null, List.of());
        }
        if (status == 401) {
            throw new PermanentTargetException(401, "AUTH_FAILED", protocol.title() + " отклоняет токен и после повторного входа");
        }
        if (status == 200 || status == 207 || status == 422) {
            BatchResult result = read(response);
            return result.results().isEmpty() ? new BatchResult.ItemResult(0, externalId, "deleted", null, List.of()) : result.results().get(0);
        }
        if (status == 204) {
            return new BatchResult.ItemResult(0, externalId, "deleted", null, List.of());
        }
        throw failure(response);
    }

    private HttpResponse<String> sendDelete(String resource, String externalId, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(settings.resolve("integration/v1/" + resource + "/"
                        + java.net.URLEncoder.encode(externalId, StandardCharsets.UTF_8)))
                .timeout(settings.timeout())
                .header(protocol.tokenHeader(), protocol.tokenPrefix() + token.get())
                .header("Idempotency-Key", idempotencyKey)
                .DELETE()
                .build();
        return exchange(request);
    }

    /** Reads a whole listing page by page (for reconciliation and checks). */
    public List<Map<String, Object>> list(String resource) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            HttpRequest request = HttpRequest.newBuilder(settings.resolve("integration/v1/" + resource + "?page=" + page + "&pageSize=500"))
                    .timeout(settings.timeout()).header(protocol.tokenHeader(), protocol.tokenPrefix() + token.get()).GET().build();
            HttpResponse<String> response = exchange(request);
            if (response.statusCode() != 200) {
                throw failure(response);
            }
            try {
                List<Map<String, Object>> items = json.readValue(response.body(), new TypeReference<>() { });
                all.addAll(items);
                long total = response.headers().firstValueAsLong("X-Total-Count").orElse(all.size());
                if (items.isEmpty() || all.size() >= total) {
                    return all;
                }
            } catch (IOException e) {
                throw new TransientTargetException(200, "MALFORMED", null, "Ответ " + protocol.title() + " не разобран", e);
            }
        }
    }

    private HttpResponse<String> send(String resource, byte[] body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(settings.resolve("integration/v1/" + resource))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(protocol.tokenHeader(), protocol.tokenPrefix() + token.get())
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return exchange(request);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientTargetException(0, "UNREACHABLE", null, protocol.title() + " не ответил: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientTargetException(0, "INTERRUPTED", null, "Запрос к " + protocol.title() + " прерван", e);
        }
    }

    private BatchResult read(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 200 && status != 207 && status != 422) {
            throw failure(response);
        }
        try {
            JsonNode body = json.readTree(response.body());
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
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false);
            return new BatchResult(status, body.path("batchId").asText(null), replayed, results);
        } catch (IOException e) {
            // the platform may have applied the batch: retrying with the same key is safe and gets its answer
            throw new TransientTargetException(status, "MALFORMED", null, "Ответ " + protocol.title() + " не разобран", e);
        }
    }

    private RuntimeException failure(HttpResponse<String> response) {
        int status = response.statusCode();
        String code = errorCode(response.body());
        if (status == 429 || status >= 500 || status == 408) {
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(IntegrationApiClient::seconds).orElse(null);
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

    private static java.util.Optional<Duration> seconds(String value) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

}
