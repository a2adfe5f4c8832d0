package ru.spobridge.connectors.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriUtils;
import ru.spobridge.connectors.common.ClientCredentialsToken;
import ru.spobridge.connectors.common.HttpTransport;
import ru.spobridge.connectors.common.PermanentTargetException;
import ru.spobridge.connectors.common.Probe;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.mappings.marks.JournalChange;

/**
 * The college's own journal (EIOS/LMS): marks, absences and lesson entries (topic, work number, homework) pulled as
 * changes since a cursor, with a Bearer token.
 */
public class CollegeJournalClient {

    public record Settings(URI baseUrl, String journalCollegeId, String clientId, String clientSecret, Duration timeout) {
    }

    /** One page of changes and the cursor to continue from. */
    public record Page(List<JournalChange> changes, String next, boolean hasMore) {
    }

    private final Settings settings;
    private final RestClient rest;
    private final ObjectMapper json;
    private final ClientCredentialsToken token;

    public CollegeJournalClient(Settings settings, HttpClient http, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.rest = HttpTransport.restClient(http, settings.timeout()).build();
        this.json = json;
        this.token = new ClientCredentialsToken(resolve("token"), settings.clientId(), settings.clientSecret(),
                ClientCredentialsToken.STANDARD_FIELD, http, settings.timeout(), clock);
    }

    public Page changes(String since, int limit) {
        URI uri = resolve(UriUtils.encodePathSegment(settings.journalCollegeId(), StandardCharsets.UTF_8) + "/changes?limit=" + limit
                + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)));
        Answer response = get(uri);
        if (response.status() == 401) {
            token.invalidate();
            response = get(uri);
        }
        int status = response.status();
        if (status == 429 || status >= 500) {
            throw new TransientTargetException(status, "UNAVAILABLE", null, "Журнал колледжа временно недоступен (HTTP " + status + ")", null);
        }
        if (status != 200) {
            throw new PermanentTargetException(status, "JOURNAL_ERROR", "Журнал колледжа отказал в чтении изменений (HTTP " + status + ")");
        }
        try {
            JsonNode body = json.readTree(response.body());
            List<JournalChange> changes = new ArrayList<>();
            for (JsonNode item : body.path("items")) {
                changes.add(new JournalChange(item.path("seq").asLong(), text(item, "type"), text(item, "op"), text(item, "id"),
                        item.path("version").asInt(), text(item, "studentId"), text(item, "lessonKey"), text(item, "date"), text(item, "bell"),
                        text(item, "group"), text(item, "discipline"), text(item, "teacherId"), text(item, "value"), text(item, "workType"),
                        text(item, "reason"), item.path("late").asBoolean(false), text(item, "givenAt"), text(item, "lessonNo"),
                        text(item, "topic"), text(item, "workNo"), text(item, "homework"), text(item, "recordedAt")));
            }
            return new Page(changes, text(body, "next"), body.path("hasMore").asBoolean(false));
        } catch (IOException e) {
            throw new TransientTargetException(200, "MALFORMED", null, "Ответ журнала колледжа не разобран", e);
        }
    }

    /** A connection check that writes nothing and moves no cursor: signs in, reads one change from the start, and the {@code Date}. */
    public Probe probe() {
        long started = System.nanoTime();
        URI uri = resolve(UriUtils.encodePathSegment(settings.journalCollegeId(), StandardCharsets.UTF_8) + "/changes?limit=1");
        Answer response = get(uri);
        int status = response.status();
        if (status == 429 || status >= 500) {
            throw new TransientTargetException(status, "UNAVAILABLE", null, "Журнал колледжа временно недоступен (HTTP " + status + ")", null);
        }
        if (status != 200) {
            throw new PermanentTargetException(status, status == 401 || status == 403 ? "AUTH_FAILED" : "JOURNAL_ERROR",
                    "Журнал колледжа отказал в чтении изменений (HTTP " + status + ")");
        }
        int read;
        try {
            read = json.readTree(response.body()).path("items").size();
        } catch (IOException e) {
            throw new TransientTargetException(200, "MALFORMED", null, "Ответ журнала колледжа не разобран", e);
        }
        long date = response.headers().getFirstDate(HttpHeaders.DATE);
        return new Probe(200, read, null, date < 0 ? null : Instant.ofEpochMilli(date),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private record Answer(int status, HttpHeaders headers, String body) {
    }

    private Answer get(URI uri) {
        try {
            return rest.get().uri(uri).header("Authorization", "Bearer " + token.get())
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(), response.getHeaders(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (RestClientException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TransientTargetException(0, "UNREACHABLE", null, "Журнал колледжа не ответил: " + cause.getClass().getSimpleName(), e);
        }
    }

    private URI resolve(String path) {
        String base = settings.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
