package ru.spobridge.app.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.store.NotificationStore.Subscription;

/**
 * A JSON POST {@code {kind, college, title, text, at, consoleUrl}}; with {@code spo.notifications.webhook-secret} set,
 * signed in {@value #SIGNATURE} as {@code sha256=<hex HMAC-SHA256 of the body>} so the receiver can tell it is ours.
 */
@Component
class WebhookChannel implements NotificationChannel {

    static final String WEBHOOK = "WEBHOOK";
    static final String SIGNATURE = "X-Spo-Signature";

    private final NotificationSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    WebhookChannel(NotificationSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout()).build();
    }

    @Override
    public String name() {
        return WEBHOOK;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public void send(Subscription recipient, Notification notification) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", notification.kind().name());
        body.put("college", notification.college());
        body.put("title", notification.title());
        body.put("text", notification.text());
        body.put("at", notification.at().toString());
        body.put("consoleUrl", notification.consoleUrl());
        byte[] payload = json.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(recipient.address())).timeout(settings.webhookTimeout())
                .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (settings.webhookSecret() != null) {
            request.header(SIGNATURE, "sha256=" + sign(settings.webhookSecret(), payload));
        }
        HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("получатель ответил HTTP " + answer.statusCode());
        }
    }

    static String sign(String secret, byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload));
    }
}
