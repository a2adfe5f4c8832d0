package ru.spobridge.connectors.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * OAuth2-style client-credentials token of the integration write side (shared/contracts/README.md "Token").
 * Cached until shortly before it expires; {@link #invalidate()} after a 401 forces a new one.
 */
public class ClientCredentialsToken {

    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(30);

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String tokenField;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    /**
     * @param tokenField the answer's field holding the token: {@code access_token}, or {@code auth_token} for ЭПОС
     */
    public ClientCredentialsToken(URI tokenUrl, String clientId, String clientSecret, String tokenField,
                                  HttpClient http, ObjectMapper json, Duration timeout, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokenField = tokenField;
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.clock = clock;
    }

    public synchronized String get() {
        if (token == null || clock.instant().isAfter(expiresAt)) {
            fetch();
        }
        return token;
    }

    public synchronized void invalidate() {
        token = null;
    }

    private void fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientTargetException(0, "TOKEN_UNREACHABLE", null, "Сервер выдачи токена недоступен: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientTargetException(0, "INTERRUPTED", null, "Получение токена прервано", e);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new TransientTargetException(response.statusCode(), "TOKEN_UNAVAILABLE", null, "Сервер выдачи токена ответил " + response.statusCode(), null);
        }
        if (response.statusCode() != 200) {
            throw new PermanentTargetException(response.statusCode(), "AUTH_FAILED", "Платформа не выдала токен (HTTP " + response.statusCode() + "): проверьте client_id и секрет");
        }
        try {
            JsonNode body = json.readTree(response.body());
            String value = body.path(tokenField).asText(null);
            if (value == null || value.isBlank()) {
                throw new PermanentTargetException(200, "AUTH_FAILED", "В ответе сервера токенов нет поля " + tokenField);
            }
            long ttl = body.path("expires_in").asLong(900);
            token = value;
            expiresAt = clock.instant().plusSeconds(ttl).minus(SAFETY_MARGIN);
        } catch (IOException e) {
            throw new TransientTargetException(200, "MALFORMED", null, "Ответ сервера токенов не разобран", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
