package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.spobridge.routes.store.SyncRuns;

/** The console's records API over real HTTP: rejected records paged, grouped and exported masked; bulk decisions; reveal; held-run changes; audit. */
class ConsoleRecordsApiTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TESTER = "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void rejected_records_come_in_pages_grouped_by_cause_and_export_as_csv_and_xlsx_with_masked_names_only() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 5; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-710" + i, s -> s.setBirthDate("14.03.2008")));
        }
        contingent.putStudent(OGRN, SourceData.student("stu-7201", s -> s.setSnils("123")));
        contingent.putStudent(OGRN, SourceData.student("stu-7301", s -> { }));
        SyncRuns.Run run = syncAndWait(false);
        assertThat(run.rejected()).isEqualTo(6);

        JsonNode first = JSON.readTree(get("/api/rejected/page?college=test-college&entityType=student&size=4").body());
        assertThat(first.get("total").asInt()).isEqualTo(6);
        assertThat(first.get("items")).hasSize(4);
        JsonNode second = JSON.readTree(get("/api/rejected/page?college=test-college&entityType=student&size=4&page=1").body());
        assertThat(second.get("items")).hasSize(2);
        List<String> keys = new ArrayList<>();
        first.get("items").forEach(item -> keys.add(item.get("entityKey").asText()));
        second.get("items").forEach(item -> keys.add(item.get("entityKey").asText()));
        assertThat(keys).as("pages neither repeat nor skip").containsExactlyInAnyOrder("stu-7101", "stu-7102", "stu-7103", "stu-7104",
                "stu-7105", "stu-7201");

        JsonNode causes = JSON.readTree(get("/api/rejected/causes?college=test-college").body());
        assertThat(causes).hasSize(2);
        assertThat(causes.get(0).get("records").asInt()).isEqualTo(5);
        assertThat(causes.get(1).get("records").asInt()).isEqualTo(1);
        String birthCode = causes.get(0).get("code").asText();
        JsonNode byCause = JSON.readTree(get("/api/rejected/page?code=" + birthCode).body());
        assertThat(byCause.get("total").asInt()).isEqualTo(5);
        assertThat(JSON.readTree(get("/api/rejected/page?key=7201").body()).get("total").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(get("/api/rejected/page?key=%25").body()).get("total").asInt()).as("a %% is a character, not a wildcard").isZero();

        HttpResponse<byte[]> csv = download("/api/rejected/export.csv?college=test-college&code=" + birthCode);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(text)).getRecords();
        assertThat(records).hasSize(5);
        assertThat(records.get(0).get("Код причины")).isEqualTo(birthCode);
        assertThat(records.get(0).get("Запись (маскировано)")).isEqualTo("П********а Д. И.");
        assertThat(text).doesNotContain("Проверкина", "Дарья", "112-233-445 95", "@test.spo-college.example");

        HttpResponse<byte[]> xlsx = download("/api/rejected/export.xlsx?college=test-college");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("header and six rows").isEqualTo(6);
            for (Row row : sheet) {
                row.forEach(cell -> cells.add(cell.getStringCellValue()));
            }
        }
        assertThat(cells).contains("Ключ", "stu-7201", "П********а Д. И.");
        assertThat(String.join("|", cells)).doesNotContain("Проверкина", "Дарья", "112-233-445 95");

        assertThat(jdbc.queryForList("SELECT details FROM audit_log WHERE action = 'EXPORT' ORDER BY id", String.class))
                .containsExactly("фильтр: колледж = test-college, причина = " + birthCode + "; строк: 5", "фильтр: колледж = test-college; строк: 6");
        assertThat(jdbc.queryForList("SELECT actor FROM audit_log WHERE action = 'EXPORT'", String.class)).containsOnly("tester");
    }

    @Test
    void selected_dead_letters_are_discarded_together_only_with_a_reason_and_each_is_audited() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        syncAndWait(false);
        epos.faults().failAlways(503);
        for (int i = 1; i <= 3; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-740" + i, s -> s.getGuardian().clear()));
        }
        assertThat(syncAndWait(false).deadLetters()).isEqualTo(3);
        JsonNode page = JSON.readTree(get("/api/dead-letters/page?college=test-college&target=epos&size=2").body());
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        long first = page.get("items").get(0).get("id").asLong();
        long second = page.get("items").get(1).get("id").asLong();

        HttpResponse<String> noReason = post("/api/dead-letters/bulk/discard", Map.of("ids", List.of(first, second), "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("code").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(JSON.readTree(noReason.body()).get("message").asText()).startsWith("Укажите причину");

        HttpResponse<String> discarded = post("/api/dead-letters/bulk/discard", Map.of("ids", List.of(first, second), "reason", "дубли из старой выгрузки"));
        assertThat(discarded.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(discarded.body()).get("discarded").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(get("/api/dead-letters/counts?college=test-college").body()).get("open").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT details FROM audit_log WHERE action = 'DEAD_LETTER_DISCARDED'", String.class))
                .containsExactly("дубли из старой выгрузки", "дубли из старой выгрузки");
        assertThat(jdbc.queryForList("SELECT resolution FROM dead_letter WHERE id IN (?, ?)", String.class, first, second))
                .containsOnly("дубли из старой выгрузки");

        epos.faults().clear();
        HttpResponse<String> replayed = post("/api/dead-letters/bulk/replay", Map.of("college", "test-college"));
        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(replayed.body()).get("letters").asInt()).as("the filtered ones: only the one still open").isEqualTo(1);
        awaitRun(JSON.readTree(replayed.body()).get("runs").get(0).asLong());
        assertThat(epos.students(COLLEGE)).containsKey("stu-7403").doesNotContainKeys("stu-7401", "stu-7402");
    }

    @Test
    void an_administrator_sees_one_records_data_only_with_a_reason_and_the_reason_not_the_data_is_audited() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-7501", s -> { }));
        syncAndWait(false);

        HttpResponse<String> noReason = post("/api/records/reveal", Map.of("college", "test-college", "entityType", "student", "entityKey", "stu-7501"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noReason.body()).get("message").asText()).contains("Укажите причину");
        HttpResponse<String> shortReason = post("/api/records/reveal", Map.of("college", "test-college", "entityType", "student",
                "entityKey", "stu-7501", "reason", "надо"));
        assertThat(shortReason.statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REVEAL'", Integer.class)).isZero();

        HttpResponse<String> shown = post("/api/records/reveal", Map.of("college", "test-college", "entityType", "student",
                "entityKey", "stu-7501", "reason", "звонок из колледжа по обращению 15"));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("Проверкина", "Дарья");
        List<Map<String, Object>> audit = jdbc.queryForList("SELECT actor, college_id, subject, details FROM audit_log WHERE action = 'REVEAL'");
        assertThat(audit).containsExactly(Map.of("actor", "tester", "college_id", "test-college", "subject", "student stu-7501",
                "details", "причина: звонок из колледжа по обращению 15"));
        assertThat(jdbc.queryForList("SELECT COALESCE(subject, '') || COALESCE(details, '') FROM audit_log", String.class))
                .noneMatch(line -> line.contains("Проверкина") || line.contains("Дарья"));
    }

    @Test
    void a_held_run_lists_the_students_it_would_expel_with_masked_names_and_the_audit_page_says_it_in_russian() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 100; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-8%03d".formatted(i), s -> s.getGuardian().clear()));
        }
        syncAndWait(false);
        for (int i = 1; i <= 11; i++) {
            contingent.addMovement(OGRN, SourceData.movement("mov-8%03d".formatted(i), "stu-8%03d".formatted(i), "expulsion", "2026-01-20", null));
        }
        contingent.addMovement(OGRN, SourceData.movement("mov-8999", "stu-8050", "transfer", "2026-01-20", "ИСП-21"));
        Long runId = commands.runContingent(COLLEGE, false, "test");
        assertThat(runs.get(runId).orElseThrow().status()).isEqualTo(SyncRuns.HELD);

        JsonNode changes = JSON.readTree(get("/api/held-runs/" + runId + "/changes?size=5").body());
        assertThat(changes.get("removals").asInt()).isEqualTo(11);
        assertThat(changes.get("moves").asInt()).isEqualTo(1);
        assertThat(changes.get("total").asInt()).isEqualTo(12);
        assertThat(changes.get("items")).hasSize(5);
        JsonNode one = changes.get("items").get(0);
        assertThat(one.get("entityKey").asText()).isEqualTo("stu-8001");
        assertThat(one.get("action").asText()).isEqualTo("отчислить");
        assertThat(one.get("removes").asBoolean()).isTrue();
        assertThat(one.get("maskedLabel").asText()).startsWith("П********а Д. И.");
        JsonNode last = JSON.readTree(get("/api/held-runs/" + runId + "/changes?size=5&page=2").body()).get("items");
        assertThat(last).hasSize(2);
        assertThat(last.get(1).get("action").asText()).isEqualTo("перевести");
        assertThat(last.get(1).get("removes").asBoolean()).isFalse();
        assertThat(get("/api/held-runs/" + runId + "/changes").body()).doesNotContain("Проверкина", "Дарья");
        assertThat(get("/api/held-runs/987654/changes").statusCode()).isEqualTo(404);

        HttpResponse<String> rejected = post("/api/held-runs/" + runId + "/reject?reason=" + java.net.URLEncoder.encode("источник сломан",
                StandardCharsets.UTF_8), null);
        assertThat(rejected.statusCode()).isEqualTo(200);
        JsonNode audit = JSON.readTree(get("/api/audit/page?action=HELD_RUN_REJECTED&college=test-college").body());
        assertThat(audit.get("total").asInt()).isEqualTo(1);
        JsonNode entry = audit.get("items").get(0);
        assertThat(entry.get("actionName").asText()).isEqualTo("задержанный запуск отклонён");
        assertThat(entry.get("subject").asText()).isEqualTo("запуск № " + runId);
        assertThat(entry.get("details").asText()).isEqualTo("источник сломан");
        assertThat(JSON.readTree(get("/api/audit/page?user=nobody").body()).get("total").asInt()).isZero();
        assertThat(JSON.readTree(get("/api/audit/page?from=2000-01-01&to=2000-01-02").body()).get("total").asInt()).isZero();
    }

    @Test
    void a_reconciliation_report_exports_as_xlsx_with_masked_names_and_an_unknown_report_is_refused_in_russian() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-7701", s -> s.getGuardian().clear()));
        syncAndWait(false);
        epos.faults().failAlways(503);
        contingent.putStudent(OGRN, SourceData.student("stu-7702", s -> s.getGuardian().clear()));
        syncAndWait(false);
        epos.faults().clear();
        assertThat(post("/api/colleges/test-college/reconciliation", null).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> xlsx = download("/api/colleges/test-college/reports/reconciliation.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> missing = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getRowNum() > 0 && "stu-7702".equals(row.getCell(4).getStringCellValue())) {
                    missing.add(row.getCell(6).getStringCellValue() + " " + row.getCell(5).getStringCellValue());
                }
            }
        }
        assertThat(missing).containsExactly("missing П********а Д. И., ИСП-21");
        HttpResponse<byte[]> unknown = download("/api/colleges/test-college/reports/everything.csv");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("Такого отчёта нет");
        assertThat(jdbc.queryForList("SELECT college_id || ' ' || subject || ' ' || details FROM audit_log WHERE action = 'EXPORT'", String.class))
                .singleElement().asString().startsWith("test-college Сверка с платформами (xlsx) фильтр: колледж = test-college; строк: ");
    }

    @Test
    void operator_started_runs_and_previews_are_audited() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        HttpResponse<String> started = post("/api/colleges/test-college/flows/contingent/runs", null);
        assertThat(started.statusCode()).isEqualTo(202);
        long runId = JSON.readTree(started.body()).get("runId").asLong();
        awaitRun(runId);
        assertThat(post("/api/colleges/test-college/contingent/preview", null).statusCode()).isEqualTo(200);
        assertThat(post("/api/colleges/test-college/staff/refresh", null).statusCode()).isEqualTo(202);
        List<String> actions = jdbc.queryForList("SELECT action || ' ' || subject || ' / ' || details FROM audit_log ORDER BY id", String.class);
        assertThat(actions).hasSize(3);
        assertThat(actions.get(0)).isEqualTo("RUN_STARTED run " + runId + " / contingent");
        assertThat(actions.get(1)).isEqualTo("PREVIEW contingent / изменения с прошлого запуска");
        assertThat(actions.get(2)).startsWith("RUN_STARTED ").endsWith(" / staff-refresh");
        JsonNode page = JSON.readTree(get("/api/audit/page").body());
        assertThat(page.get("items").get(2).get("actionName").asText()).isEqualTo("запущен поток");
        assertThat(page.get("items").get(2).get("subject").asText()).isEqualTo("запуск № " + runId);
    }

    @Test
    void an_operator_of_another_college_sees_none_of_these_records_and_cannot_reveal_or_export_them() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-7601", s -> s.setBirthDate("14.03.2008")));
        contingent.putStudent(OGRN, SourceData.student("stu-7602", s -> { }));
        syncAndWait(false);
        String name = "oper-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/api/admin/users", Map.of("username", name, "displayName", "Оператор другого колледжа", "role", "OPERATOR",
                "password", "another-college-password", "scopes", List.of(Map.of("kind", "COLLEGE", "id", "test-aisepo")))).statusCode()).isEqualTo(200);
        String other = "Basic " + Base64.getEncoder().encodeToString((name + ":another-college-password").getBytes(StandardCharsets.UTF_8));

        assertThat(JSON.readTree(get("/api/rejected/page").body()).get("total").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(as(other, "/api/rejected/page").body()).get("total").asInt()).isZero();
        assertThat(JSON.readTree(as(other, "/api/rejected/causes").body())).isEmpty();
        assertThat(as(other, "/api/rejected/page?college=test-college").statusCode()).isEqualTo(403);
        assertThat(as(other, "/api/rejected/export.csv").body()).doesNotContain("stu-7601");
        assertThat(as(other, "/api/dead-letters/page?college=test-college").statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(as(other, "/api/audit/page").body()).get("items").toString()).doesNotContain("test-college");
        HttpResponse<String> reveal = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/records/reveal")).header("Authorization", other)
                .header("X-Requested-With", "test").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("college", "test-college", "entityType", "student",
                        "entityKey", "stu-7602", "reason", "просто посмотреть")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reveal.statusCode()).as("an operator never reveals").isEqualTo(403);
        assertThat(reveal.body()).doesNotContain("Проверкина");
    }

    private HttpResponse<String> as(String authorization, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", TESTER).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", TESTER).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", TESTER)
                .header("X-Requested-With", "test");
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
