package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import ru.spobridge.simulators.SimulatorWebTest;

/** Talks to one platform simulator over loopback HTTP the way the platform wants: its token field and header. */
public abstract class PlatformTestClient extends SimulatorWebTest {

    protected static final String CLIENT = "college-a";

    /** The simulator under test (a bean of the shared context). */
    protected abstract PlatformSimulator simulator();

    protected PlatformDescription platform() {
        return simulator().description();
    }

    protected String wire(String canonical) {
        return platform().wire(canonical);
    }

    protected HttpResponse<String> tokenResponse(String clientId) {
        return postForm(platform().api() + "token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "any"));
    }

    protected String token(String clientId) {
        return json(tokenResponse(clientId)).get(platform().tokenField()).asText();
    }

    /** POST of a batch with a fresh Idempotency-Key. */
    protected HttpResponse<String> write(ResourceKind kind, Item... items) {
        return write(token(CLIENT), kind, UUID.randomUUID().toString(), batch(items));
    }

    protected HttpResponse<String> write(String token, ResourceKind kind, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path(kind))))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        authorise(request, token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request);
    }

    /** DELETE of one record, {@code query} such as {@code ?effectiveDate=2026-01-31} or empty. */
    protected HttpResponse<String> delete(ResourceKind kind, String externalId, String query, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path(kind) + "/" + externalId + query)))
                .DELETE();
        authorise(request, token(CLIENT));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request);
    }

    protected HttpResponse<String> list(ResourceKind kind, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path(kind) + query))).GET();
        authorise(request, token(CLIENT));
        return send(request);
    }

    /** Item {@code index} was rejected with {@code code} on the field, named the platform's way, with a message. */
    protected void assertError(JsonNode body, int index, String canonicalField, String code) {
        assertWireError(body, index, wire(canonicalField), code);
    }

    /** Item {@code index} was rejected with {@code code} on exactly this wire field, with a message. */
    protected void assertWireError(JsonNode body, int index, String field, String code) {
        JsonNode errors = body.at("/results/" + index + "/errors");
        assertThat(errors).as("errors of item %d", index).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("code").asText()).isEqualTo(code);
            assertThat(error.get("message").asText()).isNotBlank();
        });
    }

    protected String batch(Item... items) {
        try {
            return JSON.writeValueAsString(Map.of("items",
                    Arrays.stream(items).map(item -> item.spelled(platform().naming())).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected String path(ResourceKind kind) {
        return platform().api() + platform().schema(kind).path();
    }

    private void authorise(HttpRequest.Builder request, String token) {
        request.header(platform().tokenHeader(), platform().tokenPrefix() + token);
    }
}
