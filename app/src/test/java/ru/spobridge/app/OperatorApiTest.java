package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.spobridge.routes.store.SyncRuns;

/** The operator's API over real HTTP: sign-in, preview, reconciliation and repair. */
class OperatorApiTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] CSV = "kind;code;name;attributes\nbuilding;1;Главный корпус;\n".getBytes(StandardCharsets.UTF_8);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void actions_need_a_signed_in_operator_and_the_action_header() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        String path = "/api/colleges/test-college/contingent/runs";

        assertThat(post(path, null, true).statusCode()).isEqualTo(401);
        assertThat(post(path, "tester:wrong", true).statusCode()).isEqualTo(401);
        assertThat(post(path, "tester:test-password", false).statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = post(path, "tester:test-password", true);
        assertThat(accepted.statusCode()).isEqualTo(202);
        long runId = JSON.readTree(accepted.body()).get("runId").asLong();
        assertThat(awaitRun(runId).trigger()).isEqualTo("operator:tester");
        assertThat(get("/api/runs/latest").statusCode()).as("reading needs no sign-in").isEqualTo(200);
    }

    @Test
    void the_run_button_of_a_row_starts_the_flow_of_that_row_and_a_flow_that_takes_files_says_so() throws Exception {
        HttpResponse<String> staff = post("/api/colleges/test-college/flows/staff/runs", "tester:test-password", true);
        assertThat(staff.statusCode()).isEqualTo(202);
        SyncRuns.Run run = awaitRun(JSON.readTree(staff.body()).get("runId").asLong());
        assertThat(run.flow()).isEqualTo("staff");
        assertThat(run.trigger()).isEqualTo("operator:tester");

        HttpResponse<String> schedule = post("/api/colleges/test-college/flows/schedule/runs", "tester:test-password", true);
        assertThat(schedule.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(schedule.body()).get("message").asText()).contains("загрузкой файла");
        assertThat(JSON.readTree(schedule.body()).get("code").asText()).isEqualTo("UPLOAD_ONLY");
        HttpResponse<String> nothing = post("/api/colleges/test-college/flows/nothing/runs", "tester:test-password", true);
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(nothing.body()).get("code").asText()).isEqualTo("UNKNOWN_FLOW");
        assertThat(JSON.readTree(nothing.body()).get("message").asText()).isEqualTo("Неизвестный поток: nothing");
        HttpResponse<String> college = post("/api/colleges/no-such-college/flows/staff/runs", "tester:test-password", true);
        assertThat(college.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(college.body()).get("code").asText()).isEqualTo("UNKNOWN_COLLEGE");
        HttpResponse<String> held = post("/api/held-runs/987654/approve", "tester:test-password", true);
        assertThat(held.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(held.body()).get("code").asText()).isEqualTo("NOT_FOUND_OR_DONE");
        assertThat(get("/index.html").body()).as("the console's button posts its own row's flow")
                .contains("runNow(r.collegeId, r.flow)").doesNotContain("/contingent/runs'");
    }

    @Test
    void preview_lists_exactly_what_the_following_run_sends_and_sends_nothing_itself() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putGroup(OGRN, SourceData.group("ИСП-22"));
        for (int i = 1; i <= 30; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-70%02d".formatted(i), s -> { }));
        }
        syncAndWait(false);
        contingent.putStudent(OGRN, SourceData.student("stu-7002", s -> s.setEmail("changed@test.spo-college.example")));
        contingent.putStudent(OGRN, SourceData.student("stu-7031", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-7003", s -> s.getStudy().setGroup("ИСП-22")));
        contingent.addMovement(OGRN, SourceData.movement("mov-701", "stu-7003", "transfer", "2026-02-02", "ИСП-22"));
        contingent.addMovement(OGRN, SourceData.movement("mov-702", "stu-7004", "expulsion", "2026-02-03", null));
        long requestsBefore = epos.faults().requests();

        HttpResponse<String> answer = post("/api/colleges/test-college/contingent/preview", "tester:test-password", true);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode preview = JSON.readTree(answer.body());
        assertThat(preview.get("holdReason").isNull()).isTrue();
        JsonNode target = preview.get("targets").get("epos");
        Set<String> previewed = new HashSet<>();
        target.get("items").forEach(item -> previewed.add(item.get("entityType").asText() + ":" + item.get("entityKey").asText()));
        assertThat(target.get("create").asInt()).as("the new student and the guardian").isEqualTo(2);
        assertThat(target.get("update").asInt()).as("two changed students").isEqualTo(2);
        assertThat(target.get("move").asInt()).isEqualTo(1);
        assertThat(target.get("remove").asInt()).isEqualTo(1);
        assertThat(epos.faults().requests()).as("preview sends nothing").isEqualTo(requestsBefore);

        Map<String, Integer> before = deliveries();
        SyncRuns.Run run = syncAndWait(false);
        Map<String, Integer> after = deliveries();

        Set<String> sent = new HashSet<>();
        after.forEach((key, count) -> {
            if (count > before.getOrDefault(key, 0)) {
                sent.add(key);
            }
        });
        assertThat(sent).isEqualTo(previewed);
        assertThat(run.published()).isEqualTo(previewed.size());
    }

    @Test
    void reconciliation_reports_drift_and_repair_resends_the_missing_and_different_records() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 4; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-80%02d".formatted(i), s -> s.getGuardian().clear()));
        }
        syncAndWait(false);
        epos.faults().failAlways(503);
        contingent.putStudent(OGRN, SourceData.student("stu-8005", s -> s.getGuardian().clear()));
        syncAndWait(false);
        epos.faults().clear();
        Map<String, Object> tampered = new HashMap<>(epos.students(COLLEGE).get("stu-8002"));
        tampered.remove("id");
        tampered.remove("status");
        tampered.put("email", "someone-else@elsewhere.example");
        Map<String, Object> extra = new HashMap<>(tampered);
        extra.put("external_id", "stu-extra");
        postToEpos(List.of(tampered, extra));

        HttpResponse<String> reconciled = post("/api/colleges/test-college/reconciliation", "tester:test-password", true);
        long reportId = JSON.readTree(reconciled.body()).get("reports").get(0).asLong();
        JsonNode report = JSON.readTree(get("/api/reconciliation/" + reportId).body());

        assertThat(report.get("missing").asInt()).isEqualTo(1);
        assertThat(report.get("extra").asInt()).isEqualTo(1);
        assertThat(report.get("different").asInt()).isEqualTo(1);
        Map<String, String> kindByKey = new HashMap<>();
        report.get("drift").forEach(drift -> kindByKey.put(drift.get("entityKey").asText(), drift.get("kind").asText()
                + drift.get("fields").toString()));
        assertThat(kindByKey).containsEntry("stu-8005", "missing[]").containsEntry("stu-extra", "extra[]")
                .containsEntry("stu-8002", "different[\"email\"]");
        assertThat(report.toString()).as("drift names fields, never values").doesNotContain("someone-else");

        HttpResponse<String> repaired = post("/api/reconciliation/" + reportId + "/repair", "tester:test-password", true);
        assertThat(repaired.statusCode()).isEqualTo(202);
        awaitRun(JSON.readTree(repaired.body()).get("runId").asLong());
        assertThat(epos.students(COLLEGE).get("stu-8002").get("email")).isEqualTo("stu-8002@test.spo-college.example");

        long again = JSON.readTree(post("/api/colleges/test-college/reconciliation", "tester:test-password", true).body())
                .get("reports").get(0).asLong();
        JsonNode after = JSON.readTree(get("/api/reconciliation/" + again).body());
        assertThat(after.get("missing").asInt() + after.get("different").asInt()).isZero();
        assertThat(after.get("extra").asInt()).as("nothing is removed by inference").isEqualTo(1);
        HttpResponse<String> twice = post("/api/reconciliation/" + reportId + "/repair", "tester:test-password", true);
        assertThat(twice.statusCode()).as("a report is repaired once").isEqualTo(409);
        assertThat(JSON.readTree(twice.body()).get("code").asText()).isEqualTo("NOT_FOUND_OR_DONE");
        assertThat(JSON.readTree(twice.body()).get("message").asText()).isEqualTo("Отчёт не найден или уже исправлен");
        assertThat(jdbc.queryForList("SELECT action FROM audit_log ORDER BY id", String.class))
                .containsExactly("RECONCILIATION", "RECONCILIATION_REPAIR", "RECONCILIATION");
    }

    @Test
    void a_file_uploaded_by_an_operator_is_imported_audited_by_name_and_size_and_answered_with_its_run() throws Exception {
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/colleges/test-college/reference?name=ref.csv"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(CSV));

        HttpResponse<String> answer = http.send(upload.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(202);
        SyncRuns.Run run = awaitRun(JSON.readTree(answer.body()).get("runId").asLong());
        assertThat(run.flow()).isEqualTo("reference");
        assertThat(run.trigger()).isEqualTo("operator:tester");
        assertThat(epos.reference(COLLEGE)).containsKey("building:1");
        assertThat(jdbc.queryForList("SELECT details FROM audit_log WHERE action = 'FILE_UPLOADED'", String.class)).containsExactly(CSV.length + " байт");
        assertThat(post("/api/colleges/nowhere/marks/pull", "tester:test-password", true).statusCode()).isEqualTo(404);
    }

    private Map<String, Integer> deliveries() {
        Map<String, Integer> counts = new HashMap<>();
        for (String entityType : List.of("group", "student", "guardian", "movement")) {
            for (String key : jdbc.queryForList("SELECT entity_key FROM canonical_record WHERE entity_type = ?", String.class, entityType)) {
                counts.put(entityType + ":" + key, epos.deliveries(COLLEGE, key));
            }
        }
        return counts;
    }

    private void postToEpos(List<Map<String, Object>> items) throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/epos-sim/integration/v1/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=test-college&client_secret=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        String authToken = JSON.readTree(token.body()).get("auth_token").asText();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/epos-sim/integration/v1/student_profiles"))
                .header("Content-Type", "application/json").header("Auth-Token", authToken)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("items", items)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String credentials, boolean actionHeader) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (actionHeader) {
            request.header("X-Requested-With", "test");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", HubIntegrationTest.TESTER).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
