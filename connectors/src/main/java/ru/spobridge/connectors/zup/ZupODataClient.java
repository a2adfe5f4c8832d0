package ru.spobridge.connectors.zup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import ru.spobridge.connectors.common.HttpTransport;
import ru.spobridge.connectors.common.PermanentTargetException;
import ru.spobridge.connectors.common.Probe;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.mappings.zup.ZupRecords;

/**
 * Reads a 1С:ЗУП OData publication (shared/contracts/staff-sources.md): HTTP Basic with a dedicated 1С user,
 * {@code $top}/{@code $skip} paging, documents filtered by their date for incremental polling.
 */
public class ZupODataClient {

    private static final List<String[]> DOCUMENTS = List.of(
            new String[] {"hire", "Document_ПриемНаРаботу", "ДатаПриема"},
            new String[] {"transfer", "Document_КадровыйПеревод", "ДатаПеревода"},
            new String[] {"dismissal", "Document_Увольнение", "ДатаУвольнения"});

    private final ZupSettings settings;
    private final RestClient rest;
    private final ObjectMapper json;

    public ZupODataClient(ZupSettings settings, HttpClient http, ObjectMapper json) {
        this.settings = settings;
        this.rest = HttpTransport.restClient(http, settings.timeout())
                .defaultHeaders(headers -> headers.setBasicAuth(settings.user(), settings.password(), StandardCharsets.UTF_8))
                .build();
        this.json = json;
    }

    /** Everything one pull reads, with the number of pages it took. */
    public record Pull(List<ZupRecords.Document> documents, List<ZupRecords.Person> persons, List<ZupRecords.Name> names,
                       List<ZupRecords.Position> positions, int pages) {
    }

    /** Documents after the cursor and the catalogs they name, counting the pages read. */
    public Pull pull(LocalDateTime since) {
        int[] pages = {0};
        List<ZupRecords.Document> documents = documents(since, pages);
        return new Pull(documents, persons(pages), names(pages), positions(pages), pages[0]);
    }

    /** Hiring, transfer and dismissal documents dated after the cursor (all of them when it is null). */
    public List<ZupRecords.Document> documents(LocalDateTime since) {
        return documents(since, new int[1]);
    }

    private List<ZupRecords.Document> documents(LocalDateTime since, int[] pages) {
        List<ZupRecords.Document> documents = new ArrayList<>();
        for (String[] type : DOCUMENTS) {
            String filter = since == null ? null : "Date gt datetime'" + since.withNano(0) + "'";
            documents.addAll(read(type[1], filter, pages, item -> new ZupRecords.Document(type[0], text(item, "Ref_Key"), text(item, "Number"),
                    text(item, "Date"), item.path("Posted").asBoolean(false), item.path("DeletionMark").asBoolean(false),
                    text(item, "ФизическоеЛицо_Key"), text(item, type[2]), text(item, "Должность_Key"))));
        }
        return documents;
    }

    public List<ZupRecords.Person> persons() {
        return persons(new int[1]);
    }

    private List<ZupRecords.Person> persons(int[] pages) {
        return read("Catalog_ФизическиеЛица", null, pages, item -> {
            String email = null;
            String phone = null;
            for (JsonNode contact : item.path("КонтактнаяИнформация")) {
                String kind = contact.path("Тип").asText("");
                if (kind.contains("Почт") && email == null) {
                    email = text(contact, "Представление");
                } else if (kind.contains("Телефон") && phone == null) {
                    phone = text(contact, "Представление");
                }
            }
            return new ZupRecords.Person(text(item, "Ref_Key"), email, phone);
        });
    }

    public List<ZupRecords.Name> names() {
        return names(new int[1]);
    }

    private List<ZupRecords.Name> names(int[] pages) {
        return read("InformationRegister_ФИОФизическихЛиц", null, pages, item -> new ZupRecords.Name(text(item, "ФизическоеЛицо_Key"),
                text(item, "Period"), text(item, "Фамилия"), text(item, "Имя"), text(item, "Отчество")));
    }

    public List<ZupRecords.Position> positions() {
        return positions(new int[1]);
    }

    private List<ZupRecords.Position> positions(int[] pages) {
        return read("Catalog_Должности", null, pages, item -> new ZupRecords.Position(text(item, "Ref_Key"), text(item, "Code"), text(item, "Description")));
    }

    /** @param pages incremented once per page requested */
    private <T> List<T> read(String entitySet, String filter, int[] pages, Function<JsonNode, T> map) {
        List<T> all = new ArrayList<>();
        for (int skip = 0; ; skip += settings.pageSize()) {
            StringBuilder query = new StringBuilder("?$format=json&$top=").append(settings.pageSize()).append("&$skip=").append(skip);
            if (filter != null) {
                query.append("&$filter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
            }
            String base = settings.baseUrl().toString().endsWith("/") ? settings.baseUrl().toString() : settings.baseUrl() + "/";
            URI uri = URI.create(base + URLEncoder.encode(entitySet, StandardCharsets.UTF_8) + query);
            JsonNode page = get(uri, entitySet);
            pages[0]++;
            JsonNode values = page.path("value");
            values.forEach(item -> all.add(map.apply(item)));
            if (values.size() < settings.pageSize()) {
                return all;
            }
        }
    }

    /** A connection check that writes nothing: reads one position ({@code $top=1}) as the publication's user, and the {@code Date}. */
    public Probe probe() {
        long started = System.nanoTime();
        String base = settings.baseUrl().toString().endsWith("/") ? settings.baseUrl().toString() : settings.baseUrl() + "/";
        URI uri = URI.create(base + URLEncoder.encode("Catalog_Должности", StandardCharsets.UTF_8) + "?$format=json&$top=1");
        Instant[] date = new Instant[1];
        JsonNode page = get(uri, "Catalog_Должности", headers -> {
            long millis = headers.getFirstDate(HttpHeaders.DATE);
            date[0] = millis < 0 ? null : Instant.ofEpochMilli(millis);
        });
        return new Probe(200, page.path("value").size(), null, date[0], Duration.ofNanos(System.nanoTime() - started));
    }

    private record Answer(int status, HttpHeaders headers, String body) {
    }

    private JsonNode get(URI uri, String entitySet) {
        return get(uri, entitySet, headers -> { });
    }

    private JsonNode get(URI uri, String entitySet, Consumer<HttpHeaders> seen) {
        Answer response;
        try {
            response = rest.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, answer) -> new Answer(answer.getStatusCode().value(), answer.getHeaders(),
                            new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (RestClientException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TransientTargetException(0, "UNREACHABLE", null, "1С:ЗУП не ответила: " + cause.getClass().getSimpleName(), e);
        }
        seen.accept(response.headers());
        int status = response.status();
        if (status == 429 || status >= 500) {
            Duration retryAfter = retryAfter(response.headers().getFirst(HttpHeaders.RETRY_AFTER));
            throw new TransientTargetException(status, "UNAVAILABLE", retryAfter, "1С:ЗУП временно недоступна (HTTP " + status + ")", null);
        }
        if (status == 401 || status == 403) {
            throw new PermanentTargetException(status, "AUTH_FAILED", "1С:ЗУП не приняла пользователя публикации (HTTP " + status + ")");
        }
        if (status != 200) {
            throw new PermanentTargetException(status, "ODATA_ERROR", "1С:ЗУП отказала в чтении " + entitySet + " (HTTP " + status + ")");
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new TransientTargetException(200, "MALFORMED", null, "Ответ 1С:ЗУП не разобран", e);
        }
    }

    private static Duration retryAfter(String seconds) {
        try {
            return seconds == null ? null : Duration.ofSeconds(Long.parseLong(seconds.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
