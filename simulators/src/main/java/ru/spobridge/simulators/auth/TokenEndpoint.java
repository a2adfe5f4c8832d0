package ru.spobridge.simulators.auth;

import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * {@code POST {base}/integration/v1/token} with form {@code grant_type=client_credentials&client_id&client_secret}.
 * The answer names the token field as the platform does ({@code access_token}, ЭПОС {@code auth_token}).
 */
public final class TokenEndpoint {

    private final TokenRegistry tokens;
    private final String tokenField;

    public TokenEndpoint(TokenRegistry tokens, String tokenField) {
        this.tokens = tokens;
        this.tokenField = tokenField;
    }

    public ServerResponse handle(ServerRequest request) {
        String grantType = request.param("grant_type").orElse("");
        if (!"client_credentials".equals(grantType)) {
            return JsonBodies.json(400, JsonBodies.error(400, "UNSUPPORTED_GRANT_TYPE",
                    "Поддерживается только grant_type=client_credentials"));
        }
        String clientId = request.param("client_id").orElse(null);
        if (!tokens.knows(clientId, request.param("client_secret").orElse(null))) {
            return JsonBodies.json(401, JsonBodies.error(401, "INVALID_CLIENT", "Неверные учётные данные клиента"));
        }
        var body = JsonBodies.MAPPER.createObjectNode();
        body.put(tokenField, tokens.issue(clientId));
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.ttl().toSeconds());
        return JsonBodies.json(200, body);
    }
}
