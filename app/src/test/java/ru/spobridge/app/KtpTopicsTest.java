package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * A КТП uploaded through the API (a form, as a browser sends it) is stored and the journal's lesson entries held by
 * the hub are checked against it: a topic recorded with cut words is listed as abbreviated (seed 002 §3.9). A file
 * with no valid row is refused with 422 naming the rows; uploads are audited; an observer reads but cannot upload.
 */
class KtpTopicsTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KTP = String.join("\r\n",
            "Группа;Дисциплина;№;Тема;Часы;Вид работы;№ работы",
            "ИСП-21;ОП.01;1;Введение. Кинематика точки;2;Лекция;",
            "ИСП-21;ОП.01;2;Решение задач по кинематике;2;Практическое занятие;1",
            "ИСП-21;ОП.01;3;Законы Ньютона;2;Лекция;",
            "ИСП-21;ОП.01;3;Законы Ньютона (повтор);2;Лекция;",
            "");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private CanonicalRecords canonical;
    @Autowired
    private CanonicalJson json;

    @BeforeEach
    void noPlans() {
        jdbc.execute("DELETE FROM thematic_plan_item");
        jdbc.execute("DELETE FROM thematic_plan");
    }

    @Test
    void an_uploaded_plan_flags_an_abbreviated_topic_of_the_journal() throws Exception {
        HttpResponse<String> upload = uploadForm("ктп-ИСП-21.csv", KTP.getBytes(StandardCharsets.UTF_8), TESTER);

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        JsonNode imported = JSON.readTree(upload.body());
        assertThat(imported.path("plans").asInt()).isEqualTo(1);
        assertThat(imported.path("items").asInt()).isEqualTo(3);
        assertThat(imported.path("errors")).hasSize(1);
        assertThat(imported.path("errors").get(0).path("recordKey").asText()).isEqualTo("ктп-ИСП-21.csv:5");
        assertThat(imported.path("errors").get(0).path("code").asText()).isEqualTo("DUPLICATE_LESSON_NO");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'FILE_UPLOADED' AND subject = 'ktp ктп-ИСП-21.csv'",
                Integer.class)).isEqualTo(1);

        LocalDate monday = LocalDate.of(2025, 9, 1);
        List<LessonEntry> journal = List.of(
                entry(monday, 1, "Введение. Кинематика точки", null),
                entry(monday.plusDays(7), 2, "Реш. задач по кинематике", 1));
        canonical.saveChanged(COLLEGE, LessonEntry.ENTITY_TYPE, "journal", journal.stream()
                .map(entry -> new CanonicalRecords.Candidate(entry.lessonKey(), entry.lessonKey(), entry, null)).toList(), json, new HashMap<>());

        HttpResponse<String> answer = get("/api/colleges/" + COLLEGE + "/ktp/findings?from=2025-09-01&to=2025-09-30", TESTER);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode findings = JSON.readTree(answer.body()).path("findings");
        assertThat(findings).hasSize(1);
        JsonNode finding = findings.get(0);
        assertThat(finding.path("kind").asText()).isEqualTo("ABBREVIATED");
        assertThat(finding.path("groupCode").asText()).isEqualTo("ИСП-21");
        assertThat(finding.path("disciplineCode").asText()).isEqualTo("ОП.01");
        assertThat(finding.path("lessonNo").asInt()).isEqualTo(2);
        assertThat(finding.path("date").asText()).isEqualTo("2025-09-08");
        assertThat(finding.path("plannedTopic").asText()).isEqualTo("Решение задач по кинематике");
        assertThat(finding.path("recordedTopic").asText()).isEqualTo("Реш. задач по кинематике");
        assertThat(finding.path("message").asText()).contains("сокращённо");

        JsonNode plans = JSON.readTree(get("/api/colleges/" + COLLEGE + "/ktp", TESTER).body());
        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).path("importedBy").asText()).isEqualTo("tester");
        assertThat(plans.get(0).path("items").get(1).path("workKind").asText()).isEqualTo("practical");
    }

    @Test
    void a_file_without_a_valid_row_is_refused_with_its_rows_named_and_an_observer_may_only_read() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/colleges/" + COLLEGE + "/ktp?name=ktp.csv"))
                .header("Authorization", TESTER).header("X-Requested-With", "test").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray("Группа;Дисциплина;№;Тема;Часы;Вид работы\nИСП-21;ОП.01;один;Тема;2;Лекция\n"
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("code").asText()).isEqualTo("NOTHING_IMPORTED");
        assertThat(body.path("errors").get(0).path("recordKey").asText()).isEqualTo("ktp.csv:2");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("№");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM thematic_plan", Integer.class)).isZero();
        HttpResponse<String> brokenForm = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/colleges/" + COLLEGE + "/ktp"))
                .header("Authorization", TESTER).header("X-Requested-With", "test").header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(brokenForm.statusCode()).as(brokenForm.body()).isEqualTo(400);
        assertThat(JSON.readTree(brokenForm.body()).path("message").asText()).contains("Форма с файлом не прочитана");

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/admin/users")).header("Authorization", TESTER)
                .header("X-Requested-With", "test").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"ktp-observer\",\"role\":\"OBSERVER\",\"password\":\"ktp-observer-password-1\","
                                + "\"scopes\":[{\"kind\":\"ALL\",\"id\":\"*\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201, 422);
        String observer = "Basic " + Base64.getEncoder().encodeToString("ktp-observer:ktp-observer-password-1".getBytes(StandardCharsets.UTF_8));
        assertThat(get("/api/colleges/" + COLLEGE + "/ktp/findings", observer).statusCode()).isEqualTo(200);
        assertThat(uploadForm("ktp.csv", KTP.getBytes(StandardCharsets.UTF_8), observer).statusCode()).isEqualTo(403);
    }

    private static LessonEntry entry(LocalDate date, int lessonNo, String topic, Integer workNo) {
        return new LessonEntry(COLLEGE, "les-" + date + "-1-ИСП-21-ОП.01", 1, date, 1, "ИСП-21", "ОП.01", "t-1", lessonNo, topic, workNo,
                "§ " + lessonNo, date.atTime(10, 0).toInstant(ZoneOffset.UTC), date.atTime(10, 1).toInstant(ZoneOffset.UTC), false);
    }

    private HttpResponse<String> uploadForm(String fileName, byte[] content, String authorization) throws Exception {
        String boundary = "ktp-boundary-7";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/colleges/" + COLLEGE + "/ktp")).header("Authorization", authorization)
                .header("X-Requested-With", "test").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
