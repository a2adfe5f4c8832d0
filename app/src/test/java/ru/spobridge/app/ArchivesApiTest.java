package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.archive.ArchiveCatalog;
import ru.spobridge.routes.archive.store.ArchiveCipher;
import ru.spobridge.routes.flow.FlowLauncher;

/**
 * Journal archives over the API, as an administrator: built on demand as a run of the archive flow, listed, opened
 * as a table and downloaded (each audited), verified — and a changed byte in the store found by name. An operator is
 * refused everything.
 */
class ArchivesApiTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("archive-operator:archive-operator-password"
            .getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private FlowLauncher launcher;
    @Autowired
    private ArchiveCatalog catalog;

    @Test
    void an_administrator_builds_lists_opens_verifies_an_archive_and_every_look_is_audited() throws Exception {
        archiveJournalOfDecember();
        HttpResponse<String> built = send("POST", "/api/archives", TESTER, "{\"college\":\"" + COLLEGE + "\",\"kind\":\"MONTHLY\",\"period\":\"2026-12\"}");
        assertThat(built.statusCode()).as(built.body()).isEqualTo(201);
        JsonNode archive = JSON.readTree(built.body());
        long id = archive.path("id").asLong();
        assertThat(archive.path("key").asText()).isEqualTo(COLLEGE + "/monthly-2026-12");
        assertThat(archive.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(archive.path("encrypted").asBoolean()).isTrue();
        assertThat(archive.path("copies")).hasSize(1);
        assertThat(runs.get(archive.path("runId").asLong()).orElseThrow()).satisfies(run -> {
            assertThat(run.flow()).isEqualTo("archive");
            assertThat(run.status()).isEqualTo("COMPLETED");
        });

        HttpResponse<String> again = send("POST", "/api/archives", TESTER, "{\"college\":\"" + COLLEGE + "\",\"kind\":\"MONTHLY\",\"period\":\"2026-12\"}");
        assertThat(again.statusCode()).as("an archive is never written over").isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("message").asText()).contains("уже создан");

        assertThat(JSON.readTree(send("GET", "/api/archives?college=" + COLLEGE, TESTER, null).body()).findValuesAsText("key"))
                .contains(COLLEGE + "/monthly-2026-12");
        JsonNode files = JSON.readTree(send("GET", "/api/archives/" + id + "/files", TESTER, null).body());
        List<String> paths = files.path("files").findValuesAsText("path");
        assertThat(paths).contains("marks.jsonl", "marks.csv", "attendance.jsonl", "attendance.csv", "lessons.csv");

        HttpResponse<String> noReason = send("GET", "/api/archives/" + id + "/files/marks.csv", TESTER, null);
        assertThat(noReason.statusCode()).isEqualTo(400);
        JsonNode page = JSON.readTree(send("GET", "/api/archives/" + id + "/files/marks.csv?page=0&size=1&reason=" + reason(), TESTER, null).body());
        assertThat(page.path("rows")).hasSize(1);
        assertThat(page.path("total").asInt()).as("the month's two marks").isEqualTo(2);
        JsonNode all = JSON.readTree(send("GET", "/api/archives/" + id + "/files/marks.csv?reason=" + reason(), TESTER, null).body());
        assertThat(all.path("rows").toString()).contains("зач", "Проверкина Дарья Игоревна");
        JsonNode absences = JSON.readTree(send("GET", "/api/archives/" + id + "/files/attendance.csv?reason=" + reason(), TESTER, null).body());
        assertThat(absences.path("total").asInt()).isEqualTo(1);
        // the topic was recorded for a lesson keyed by date, which the hub's schedule does not hold: archived all the same
        JsonNode lessons = JSON.readTree(send("GET", "/api/archives/" + id + "/files/lessons.csv?reason=" + reason(), TESTER, null).body());
        assertThat(lessons.path("total").asInt()).isEqualTo(1);
        assertThat(lessons.path("rows").toString()).contains("Введение в специальность", "§1", "dbg:2026-12-01:1:ИСП-21:ОП.01");

        // the group's year holds the summary statement of final marks, downloaded as the PDF it is
        HttpResponse<String> year = send("POST", "/api/archives", TESTER, "{\"college\":\"" + COLLEGE + "\",\"kind\":\"YEAR\","
                + "\"from\":\"2026-09-01\",\"to\":\"2027-06-30\",\"group\":\"ИСП-21\"}");
        assertThat(year.statusCode()).as(year.body()).isEqualTo(201);
        JsonNode yearArchive = JSON.readTree(year.body());
        long yearId = yearArchive.path("id").asLong();
        HttpResponse<byte[]> pdf = bytes("/api/archives/" + yearId + "/files/summary-statement.pdf?reason=" + reason(), TESTER);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Сводная ведомость", "ИСП-21", "Проверкина Дарья Игоревна", "зач");
        }

        // at rest the files are sealed: the plain PDF is not in the store
        Path yearFolder = Path.of(yearArchive.path("copies").get(0).path("location").asText());
        byte[] stored = Files.readAllBytes(yearFolder.resolve("summary-statement.pdf"));
        assertThat(ArchiveCipher.sealed(stored)).isTrue();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        JsonNode intact = JSON.readTree(send("POST", "/api/archives/" + id + "/verify", TESTER, null).body());
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        Path folder = Path.of(archive.path("copies").get(0).path("location").asText());
        Path marks = folder.resolve("marks.csv");
        byte[] damaged = Files.readAllBytes(marks);
        damaged[damaged.length / 2] ^= 0x20;
        Files.write(marks, damaged);
        JsonNode changed = JSON.readTree(send("POST", "/api/archives/" + id + "/verify", TESTER, null).body());
        assertThat(changed.path("intact").asBoolean()).isFalse();
        List<String> findings = new java.util.ArrayList<>();
        changed.path("copies").get(0).path("findings").forEach(finding -> findings.add(finding.path("problem").asText() + " " + finding.path("path").asText()));
        assertThat(findings).containsExactly("CHANGED marks.csv");
        // the catalog keeps the earliest retention date, so expiry is told without reading the archive; nothing is deleted
        assertThat(catalog.retentionEnded(java.time.LocalDate.of(2026, 12, 26))).extracting(ArchiveCatalog.Archive::id).doesNotContain(id);
        assertThat(catalog.retentionEnded(java.time.LocalDate.of(2200, 1, 1))).extracting(ArchiveCatalog.Archive::id).contains(id, yearId);
        assertThat(Files.exists(marks)).isTrue();

        List<Map<String, Object>> audit = jdbc.queryForList("SELECT actor, action, subject, details FROM audit_log WHERE action LIKE 'ARCHIVE_%' ORDER BY id");
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.get("action")).isEqualTo("ARCHIVE_DOWNLOAD");
            assertThat(entry.get("actor")).isEqualTo("tester");
            assertThat((String) entry.get("subject")).isEqualTo(yearArchive.path("key").asText() + "/summary-statement.pdf");
            assertThat((String) entry.get("details")).contains("проверка архива");
        });
        assertThat(audit).extracting(entry -> entry.get("action")).contains("ARCHIVE_BUILT", "ARCHIVE_VIEW", "ARCHIVE_VERIFIED");
    }

    @Test
    void an_operator_is_refused_every_archive_operation_and_the_page() throws Exception {
        HttpResponse<String> created = send("POST", "/api/admin/users", TESTER, "{\"username\":\"archive-operator\",\"role\":\"OPERATOR\","
                + "\"password\":\"archive-operator-password\",\"scopes\":[{\"kind\":\"ALL\",\"id\":\"*\"}]}");
        assertThat(created.statusCode()).as(created.body()).isIn(200, 422);

        assertThat(send("GET", "/api/archives", OPERATOR, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/archives", OPERATOR, "{\"college\":\"" + COLLEGE + "\",\"kind\":\"MONTHLY\",\"period\":\"2025-08\"}")
                .statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/archives/1/verify", OPERATOR, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/archives/1/files/marks.jsonl?reason=" + reason(), OPERATOR, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/archives.html", OPERATOR, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/archives.html", TESTER, null).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM archive WHERE archive_key = ?", Integer.class, COLLEGE + "/monthly-2025-08"))
                .isZero();
    }

    @Test
    void on_the_first_of_a_month_the_calendar_builds_the_month_before_as_a_run_and_not_twice() {
        // 1 March 2024, 04:00 in Perm: February 2024 is due
        clock.set(Instant.parse("2024-02-29T23:00:00Z"));

        launcher.run(COLLEGE, "archive", "test", false);
        launcher.run(COLLEGE, "archive", "test", false);

        List<Map<String, Object>> built = jdbc.queryForList("SELECT archive_key, status, run_id FROM archive WHERE archive_key LIKE ?",
                COLLEGE + "/monthly-2024-0%");
        assertThat(built).extracting(row -> row.get("archive_key")).containsExactly(COLLEGE + "/monthly-2024-02");
        assertThat(built.get(0).get("status")).isEqualTo("COMPLETE");
        assertThat(runs.get(((Number) built.get(0).get("run_id")).longValue()).orElseThrow().status()).isEqualTo("COMPLETED");
    }

    @Test
    void a_failed_build_is_a_failed_run_with_its_reason_and_is_built_again_under_a_new_key() throws Exception {
        // an archive of what the platform holds, while the platform answers nothing but 503
        String body = "{\"college\":\"" + COLLEGE + "\",\"kind\":\"SEMESTER\",\"from\":\"2025-01-01\",\"to\":\"2025-06-30\","
                + "\"source\":\"PLATFORM\",\"target\":\"epos\"}";
        epos.faults().errorRate(1.0, 503, 7);

        HttpResponse<String> failed = send("POST", "/api/archives", TESTER, body);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
        String reason = JSON.readTree(failed.body()).path("message").asText();
        assertThat(reason).isNotBlank();
        Map<String, Object> attempt = jdbc.queryForMap("SELECT id, archive_key, status, error, run_id FROM archive WHERE college_id = ? "
                + "AND status = 'FAILED'", COLLEGE);
        assertThat(runs.get(((Number) attempt.get("run_id")).longValue()).orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.error()).isNotBlank();
        });

        epos.faults().clear();
        HttpResponse<String> again = send("POST", "/api/archives", TESTER, body);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        JsonNode rebuilt = JSON.readTree(again.body());
        assertThat(rebuilt.path("key").asText()).isEqualTo(attempt.get("archive_key") + "~2");
        assertThat(JSON.readTree(send("GET", "/api/archives/" + rebuilt.path("id").asLong() + "/files", TESTER, null).body())
                .path("files").findValuesAsText("path")).contains("marks.csv", "attendance.csv", "lessons.csv");
        assertThat(jdbc.queryForObject("SELECT status FROM archive WHERE id = ?", String.class, attempt.get("id"))).isEqualTo("FAILED");
    }

    private static String reason() {
        return URLEncoder.encode("проверка архива", StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("X-Requested-With", "test").header("Content-Type", "application/json").header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> bytes(String path, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
