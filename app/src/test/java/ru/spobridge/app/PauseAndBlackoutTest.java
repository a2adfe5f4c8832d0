package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.model.marks.Deadlines;
import ru.spobridge.model.marks.WorkType;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.BlackoutSettings;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.config.WorkingCalendars;
import ru.spobridge.routes.contingent.ContingentSyncRoute;
import ru.spobridge.routes.flow.CollegeRoute;
import ru.spobridge.routes.flow.CollegeRouteTemplates;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Pause, resume and blackout periods on the whole hub: a scheduled fire of a paused or blacked-out flow is recorded as
 * skipped with who, when and why and reads nothing; the first open run afterwards catches up everything changed
 * meanwhile; an operator's run of a paused flow needs a confirmation.
 */
class PauseAndBlackoutTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "gate-contingent";
    private static final Instant OCTOBER = Instant.parse("2026-10-14T04:00:00Z");

    @Autowired
    private CamelContext camel;
    @Autowired
    private Colleges colleges;
    @Autowired
    private WorkingCalendars calendars;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> addedRoutes = new ArrayList<>();

    @AfterEach
    void removeWhatThisTestMade() throws Exception {
        for (String routeId : addedRoutes) {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
        scheduler.clear();
        colleges.publish(Map.of());
        jdbc.update("DELETE FROM run_pause");
    }

    @Test
    void a_paused_flow_skips_its_scheduled_run_with_who_when_and_why() throws Exception {
        clock.set(OCTOBER);
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-8001", s -> { }));
        schedule(COLLEGE);

        HttpResponse<String> paused = post("/api/colleges/test-college/pause?flow=contingent&reason=" + encode("сверка с ИС «Контингент»"));
        assertThat(paused.statusCode()).isEqualTo(200);
        fire(COLLEGE);

        SyncRuns.Run skipped = awaitSkipped(COLLEGE, 1).get(0);
        assertThat(skipped.flow()).isEqualTo("contingent");
        assertThat(skipped.trigger()).isEqualTo("schedule");
        assertThat(skipped.error()).isEqualTo("PAUSED: Поток «contingent» колледжа test-college приостановлен: tester, 14.10.2026, "
                + "«сверка с ИС «Контингент»»");
        assertThat(runs.recent(COLLEGE, 10)).as("nothing was read").extracting(SyncRuns.Run::status).containsOnly(SyncRuns.SKIPPED);
        assertThat(epos.students(COLLEGE)).isEmpty();
        assertThat(JSON.readTree(get("/api/colleges/test-college/skipped-runs").body()).get(0).get("reason").asText()).contains("tester");
        JsonNode pauses = JSON.readTree(get("/api/pauses").body());
        assertThat(pauses.get(0).get("pausedBy").asText()).isEqualTo("tester");
        assertThat(pauses.get(0).get("pausedAt").asText()).isEqualTo(OCTOBER.toString());
        assertThat(runs.latest()).as("the console keeps the last real run").noneMatch(run -> SyncRuns.SKIPPED.equals(run.status()));
        assertThat(audit("PAUSED")).isEqualTo(1);
    }

    @Test
    void resume_catches_up_every_change_made_during_the_pause() throws Exception {
        clock.set(OCTOBER);
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 3; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-810" + i, s -> { }));
        }
        syncAndWait(false);
        schedule(COLLEGE);
        assertThat(post("/api/colleges/test-college/pause?reason=" + encode("переход на новый учебный план")).statusCode()).isEqualTo(200);

        clock.set(OCTOBER.plusSeconds(3600));
        contingent.putStudent(OGRN, SourceData.student("stu-8104", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-8105", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-8101", s -> s.setEmail("paused@test.spo-college.example")));
        fire(COLLEGE);
        awaitSkipped(COLLEGE, 1);
        assertThat(epos.students(COLLEGE)).as("nothing moved while paused").doesNotContainKeys("stu-8104", "stu-8105");

        clock.set(OCTOBER.plusSeconds(7200));
        HttpResponse<String> resumed = post("/api/colleges/test-college/resume");

        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resumed.body()).get("catchUp").get(0).asText()).isEqualTo("contingent");
        SyncRuns.Run catchUp = awaitRun(await().atMost(Duration.ofSeconds(30)).until(() -> runs.recent(COLLEGE, 10).stream()
                .filter(run -> "resume".equals(run.trigger())).map(SyncRuns.Run::id).findFirst().orElse(null), id -> id != null));
        assertThat(catchUp.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.students(COLLEGE)).containsKeys("stu-8101", "stu-8102", "stu-8103", "stu-8104", "stu-8105");
        assertThat(epos.students(COLLEGE).get("stu-8101").toString()).contains("paused@test.spo-college.example");
        assertThat(audit("RESUMED")).isEqualTo(1);
    }

    @Test
    void a_manual_run_of_a_paused_flow_asks_for_confirmation_and_runs_with_it() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        post("/api/colleges/test-college/pause?flow=contingent&reason=" + encode("проверка"));

        HttpResponse<String> refused = post("/api/colleges/test-college/flows/contingent/runs");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("PAUSED");
        assertThat(JSON.readTree(refused.body()).get("confirm").asText()).isEqualTo("CONFIRMATION_REQUIRED");
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("приостановлен").contains("confirm=true");
        assertThat(post("/api/colleges/test-college/contingent/runs").statusCode()).isEqualTo(409);
        HttpResponse<String> noReason = post("/api/colleges/test-college/pause?flow=marks");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(noReason.body()).get("code").asText()).isEqualTo("REASON_REQUIRED");
        HttpResponse<String> unknown = post("/api/colleges/test-college/pause?flow=nothing&reason=x");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("UNKNOWN_FLOW");
        HttpResponse<String> notPaused = post("/api/colleges/test-college/resume?flow=marks");
        assertThat(notPaused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(notPaused.body()).get("code").asText()).isEqualTo("NOT_PAUSED");
        assertThat(JSON.readTree(notPaused.body()).get("message").asText()).isEqualTo("Приостановки нет");
        assertThat(runs.recent(COLLEGE, 10)).isEmpty();

        HttpResponse<String> confirmed = post("/api/colleges/test-college/flows/contingent/runs?confirm=true");
        assertThat(confirmed.statusCode()).isEqualTo(202);
        assertThat(awaitRun(JSON.readTree(confirmed.body()).get("runId").asLong()).trigger()).isEqualTo("operator:tester");
        assertThat(audit("RUN_WHILE_PAUSED")).isEqualTo(1);
        assertThat(post("/api/colleges/test-college/flows/marks/runs").statusCode()).as("another flow is not paused").isEqualTo(202);
    }

    @Test
    void a_file_for_a_paused_flow_asks_for_confirmation_too() throws Exception {
        post("/api/colleges/test-college/pause?flow=reference&reason=" + encode("новые справочники"));
        byte[] csv = "kind;code;name;attributes\nbuilding;1;Главный корпус;\n".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = upload("/api/colleges/test-college/reference?name=ref.csv", csv);
        HttpResponse<String> confirmed = upload("/api/colleges/test-college/reference?name=ref.csv&confirm=true", csv);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("PAUSED");
        assertThat(JSON.readTree(refused.body()).get("confirm").asText()).isEqualTo("CONFIRMATION_REQUIRED");
        assertThat(audit("FILE_UPLOADED")).as("only the confirmed file was taken").isEqualTo(1);
        assertThat(confirmed.statusCode()).isEqualTo(202);
        assertThat(audit("RUN_WHILE_PAUSED")).isEqualTo(1);
    }

    @Test
    void a_blackout_skips_the_scheduled_run_and_the_next_run_after_it_catches_up() throws Exception {
        String college = "gate-winter";
        CollegeSettings base = colleges.settings(COLLEGE);
        colleges.publish(Map.of(college, new Colleges.Entry(new CollegeSettings(base.name(), base.region(), base.ogrn(), base.zone(),
                base.contingent(), base.targets(), base.hold(), base.staff(), base.schedule(), base.marks(), null,
                List.of(new BlackoutSettings(List.of("contingent"), "12-28", "01-03", false, "новогодние каникулы"))),
                Colleges.Status.ACTIVE)));
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-8201", s -> { }));
        clock.set(Instant.parse("2026-12-20T04:00:00Z"));
        syncAndWait(college, false);
        schedule(college);

        clock.set(Instant.parse("2026-12-29T04:00:00Z"));
        contingent.putStudent(OGRN, SourceData.student("stu-8202", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-8203", s -> { }));
        fire(college);
        assertThat(awaitSkipped(college, 1).get(0).error()).startsWith("BLACKOUT: ").contains("новогодние каникулы");

        clock.set(Instant.parse("2027-01-04T04:00:00Z"));
        fire(college);

        await().atMost(Duration.ofSeconds(60)).until(() -> runs.recent(college, 10).stream()
                .anyMatch(run -> "schedule".equals(run.trigger()) && SyncRuns.COMPLETED.equals(run.status())));
        assertThat(runs.skipped(college, 10)).hasSize(1);
        assertThat(epos.students(COLLEGE)).containsKeys("stu-8201", "stu-8202", "stu-8203");
    }

    @Test
    void a_written_work_of_29_december_is_due_after_the_new_year_holidays_by_the_stored_calendar() {
        LocalDate due = Deadlines.SEED_DEFAULTS.markDue(WorkType.WRITTEN, LocalDate.of(2026, 12, 29), null, calendars.forCollege(COLLEGE));

        // 31.12.2026 is a day off by the 2026 decree; 1–8.01.2027 are holidays by ТК РФ ст. 112, 9–10.01 a weekend
        assertThat(due).isEqualTo(LocalDate.of(2027, 1, 14));
    }

    /** The college's contingent schedule from the kernel's template, far in the future: fired by hand. */
    private void schedule(String college) throws Exception {
        CollegeRoute route = CollegeRoute.schedule("gate-test-" + college, "contingent", GROUP, college, "0 0 3 1 1 ? 2099",
                colleges.settings(college).zone(), "schedule", ContingentSyncRoute.ENTRY);
        camel.addRouteFromTemplate(route.routeId(), CollegeRouteTemplates.SCHEDULE, new HashMap<>(route.parameters()));
        addedRoutes.add(route.routeId());
    }

    private void fire(String college) throws Exception {
        scheduler.triggerJob(JobKey.jobKey(college, GROUP));
    }

    private List<SyncRuns.Run> awaitSkipped(String college, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runs.skipped(college, 10).size() >= count);
        return runs.skipped(college, 10);
    }

    private int audit(String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ?", Integer.class, action);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String path, byte[] content) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.ofByteArray(content))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").header("Content-Type", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", HubIntegrationTest.TESTER).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
