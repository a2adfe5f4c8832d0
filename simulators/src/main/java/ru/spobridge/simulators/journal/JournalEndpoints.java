package ru.spobridge.simulators.journal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.auth.TokenEndpoint;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * {@code POST /journal-sim/api/v1/token} and {@code GET /journal-sim/api/v1/{collegeId}/changes?since&limit}
 * with {@code Authorization: Bearer}: {@code {"items":[…],"next":"<cursor>","hasMore":bool}}, items in change
 * order. The cursor is opaque to the hub; an absent or empty {@code since} reads from the beginning.
 */
final class JournalEndpoints {

    static final String TOKEN = JournalSimulator.API + "token";
    private static final int MAX_LIMIT = 500;
    private static final String CURSOR_PREFIX = "seq:";

    private final JournalSimulator simulator;

    JournalEndpoints(JournalSimulator simulator) {
        this.simulator = simulator;
    }

    RouterFunction<ServerResponse> routes() {
        TokenEndpoint token = new TokenEndpoint(simulator.tokens(), "access_token");
        return RouterFunctions.route()
                .POST(TOKEN, token::handle)
                .GET(JournalSimulator.API + "{collegeId}/changes", this::changes)
                .build();
    }

    private ServerResponse changes(ServerRequest request) {
        simulator.countRequest();
        String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || simulator.tokens().clientOf(header.substring(7)).isEmpty()) {
            return JsonBodies.tokenExpired();
        }
        Optional<Long> after = cursor(request.param("since").orElse(""));
        if (after.isEmpty()) {
            return malformed("since", "Неверный курсор since: передайте значение next из прошлого ответа");
        }
        Optional<Integer> limit = limit(request.param("limit").orElse(null));
        if (limit.isEmpty()) {
            return malformed("limit", "Размер страницы limit должен быть от 1 до " + MAX_LIMIT);
        }
        JournalSimulator.Page page = simulator.changes(request.pathVariable("collegeId"), after.get(), limit.get());
        long last = page.items().isEmpty() ? after.get() : (long) page.items().get(page.items().size() - 1).get("seq");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("next", cursor(last));
        body.put("hasMore", page.hasMore());
        return JsonBodies.json(200, body);
    }

    static String cursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The sequence number a cursor stands for; 0 for none, empty for a cursor this journal never gave. */
    static Optional<Long> cursor(String since) {
        if (since.isBlank()) {
            return Optional.of(0L);
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(since.strip()), StandardCharsets.UTF_8);
            long seq = text.startsWith(CURSOR_PREFIX) ? Long.parseLong(text.substring(CURSOR_PREFIX.length())) : -1;
            return seq < 0 ? Optional.empty() : Optional.of(seq);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> limit(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(MAX_LIMIT);
        }
        try {
            int limit = Integer.parseInt(text.strip());
            return limit >= 1 && limit <= MAX_LIMIT ? Optional.of(limit) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ServerResponse malformed(String param, String message) {
        var body = JsonBodies.error(400, "MALFORMED", message);
        body.put("path", param);
        return JsonBodies.json(400, body);
    }
}
