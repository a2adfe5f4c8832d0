package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.RegionFiles;
import ru.spobridge.routes.flow.CollegeRegistry;
import ru.spobridge.routes.flow.CollegeRoutes;
import ru.spobridge.routes.store.CollegeStore;

/**
 * Colleges managed over the admin API while the hub runs, with schedules on and the clustered JDBC Quartz store: a
 * college added gets its trigger and syncs at it, a changed cron moves it, a removed college's triggers are gone and
 * its records stay, a wrong change is refused naming every field and changes nothing. A context of its own.
 */
@DirtiesContext
@Import(LiveCollegesTest.OwnPort.class)
class LiveCollegesTest extends HubIntegrationTest {

    private static final int PORT_OF_THIS_CONTEXT = freePortOfThisContext();
    private static final String SCHEDULER = "spo-bridge-live-colleges-test";
    private static final String LIVE = "live-college";
    private static final java.nio.file.Path REGIONS = java.nio.file.Path.of("target", "live-colleges-regions");
    private static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    private CollegeRegistry registry;
    @Autowired
    private CollegeStore store;
    @Autowired
    private CollegeRoutes collegeRoutes;

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnPort {
        @Bean
        WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> portOfThisContext() {
            return factory -> factory.setPort(PORT_OF_THIS_CONTEXT);
        }
    }

    @DynamicPropertySource
    static void liveColleges(DynamicPropertyRegistry registry) {
        registry.add("spo.sync.schedules", () -> "true");
        registry.add("spo.regions.directory", () -> REGIONS.toString());
        registry.add("spring.artemis.embedded.server-id", () -> "6");
        registry.add("spring.quartz.scheduler-name", () -> SCHEDULER);
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> SCHEDULER);
        // what the region's references name: as an environment would set them
        registry.add("LIVE_CONTINGENT_SECRET", () -> "test-secret");
        registry.add("LIVE_EPOS_SECRET", () -> "test-secret");
    }

    @AfterEach
    void removeWhatThisTestCreated() {
        jdbc.update("DELETE FROM college WHERE region_id = 'live'");
        jdbc.update("DELETE FROM region WHERE id = 'live'");
        jdbc.update("DELETE FROM college_change WHERE region_id = 'live'");
        jdbc.update("DELETE FROM user_scope WHERE username = 'it-live'");
        jdbc.update("DELETE FROM hub_user WHERE username = 'it-live'");
        // other contexts of this JVM see the revision move and drop the college too
        jdbc.update("UPDATE settings_revision SET revision = revision + 1 WHERE id = 1");
        registry.refreshIfChanged();
    }

    @Test
    void a_college_added_over_the_api_gets_its_schedule_and_syncs_at_the_next_trigger() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-7001", s -> s.getGuardian().clear()));
        region();
        ZonedDateTime moment = ZonedDateTime.now(ZONE).plusSeconds(5);

        HttpResponse<String> created = send("POST", "/api/admin/colleges", college(onceAt(moment), "1025900000015", "Asia/Yekaterinburg"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).at("/routes/added").toString()).contains("contingent-schedule-" + LIVE);
        assertThat(triggerGroups(LIVE)).contains("contingent", "staff-daily");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM sync_run WHERE college_id = ? AND run_trigger = 'schedule' AND finished_at IS NOT NULL",
                Integer.class, LIVE) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> epos.students(LIVE).containsKey("stu-7001"));
        assertThat(get("/api/colleges")).contains("\"id\":\"" + LIVE + "\"").contains("\"status\":\"ACTIVE\"");
    }

    @Test
    void a_changed_cron_moves_the_trigger() throws Exception {
        region();
        send("POST", "/api/admin/colleges", college("0 0 2 * * ?", "1025900000015", "Asia/Yekaterinburg"));
        ZonedDateTime moment = ZonedDateTime.now(ZONE).plusHours(3).withNano(0);

        HttpResponse<String> changed = send("PUT", "/api/admin/colleges/" + LIVE,
                college(onceAt(moment), "1025900000015", "Asia/Yekaterinburg").replace("\"id\"", "\"version\":1,\"id\""));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).at("/routes/replaced").toString()).contains("contingent-schedule-" + LIVE);
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(LIVE, "contingent"));
        assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(moment.toInstant());
        assertThat(jdbc.queryForObject("SELECT cron_expression FROM qrtz_cron_triggers WHERE sched_name = ? AND trigger_name = ? "
                + "AND trigger_group = 'contingent'", String.class, SCHEDULER, LIVE)).isEqualTo(onceAt(moment));
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE college_id = ?", String.class, LIVE))
                .containsExactlyInAnyOrder("COLLEGE_CHANGED", "COLLEGE_CREATED");
        assertThat(jdbc.queryForObject("SELECT details FROM audit_log WHERE action = 'COLLEGE_CHANGED'", String.class))
                .isEqualTo("поля: overrides.contingent.schedule");
    }

    @Test
    void a_removed_college_loses_its_triggers_and_keeps_its_records() throws Exception {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-7101", s -> s.getGuardian().clear()));
        region();
        send("POST", "/api/admin/colleges", college("0 0 2 * * ?", "1025900000015", "Asia/Yekaterinburg"));
        syncAndWait(LIVE, false);
        int records = jdbc.queryForObject("SELECT COUNT(*) FROM canonical_record WHERE college_id = ?", Integer.class, LIVE);
        assertThat(records).isPositive();
        assertThat(triggerGroups(LIVE)).isNotEmpty();

        HttpResponse<String> removed = send("DELETE", "/api/admin/colleges/" + LIVE + "?reason=closed", null);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(JSON.readTree(removed.body()).at("/routes/removed").toString()).contains("contingent-schedule-" + LIVE);
        assertThat(triggerGroups(LIVE)).as("no trigger left in the clustered store").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM canonical_record WHERE college_id = ?", Integer.class, LIVE)).isEqualTo(records);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_run WHERE college_id = ?", Integer.class, LIVE)).isEqualTo(1);
        assertThat(get("/api/colleges")).contains("\"status\":\"REMOVED\"");
        assertThat(get("/api/runs/latest")).contains(LIVE);
    }

    @Test
    void a_wrong_ogrn_zone_or_cron_is_refused_naming_the_field_and_changes_nothing() throws Exception {
        region();
        send("POST", "/api/admin/colleges", college("0 0 2 * * ?", "1025900000015", "Asia/Yekaterinburg"));
        long revision = revision();
        String trigger = jdbc.queryForObject("SELECT cron_expression FROM qrtz_cron_triggers WHERE sched_name = ? AND trigger_name = ? "
                + "AND trigger_group = 'contingent'", String.class, SCHEDULER, LIVE);

        HttpResponse<String> refused = send("PUT", "/api/admin/colleges/" + LIVE,
                college("0 0 25 * * ?", "1025900000017", "Europe/Perm").replace("\"id\"", "\"version\":1,\"id\""));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("ogrn", "zone", "contingent.schedule");
        assertThat(errors.findValuesAsText("message")).allSatisfy(message -> assertThat(message).isNotBlank());
        assertThat(jdbc.queryForObject("SELECT version FROM college WHERE id = ?", Integer.class, LIVE)).isEqualTo(1);
        assertThat(revision()).isEqualTo(revision);
        assertThat(jdbc.queryForObject("SELECT cron_expression FROM qrtz_cron_triggers WHERE sched_name = ? AND trigger_name = ? "
                + "AND trigger_group = 'contingent'", String.class, SCHEDULER, LIVE)).isEqualTo(trigger);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE college_id = ?", String.class, LIVE)).containsExactly("COLLEGE_CREATED");

        HttpResponse<String> refusedNew = send("POST", "/api/admin/colleges", JSON.writeValueAsString(Map.of("id", "live-other",
                "region", "live", "name", "Другой колледж", "ogrn", "1025900000015",
                "overrides", Map.of("targets", Map.of("epos", Map.of("client-secret", "plain-secret-value"))))));
        assertThat(refusedNew.statusCode()).isEqualTo(422);
        assertThat(refusedNew.body()).contains("targets.epos.client-secret").doesNotContain("plain-secret-value");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM college WHERE id = 'live-other'", Integer.class)).isZero();
    }

    @Test
    void a_region_change_that_would_break_one_of_its_colleges_is_refused_naming_the_college_and_field() throws Exception {
        region();
        send("POST", "/api/admin/colleges", JSON.writeValueAsString(Map.of("id", LIVE, "region", "live", "name", "Живой колледж",
                "ogrn", "1025900000015", "env", "LIVE")));

        HttpResponse<String> refused = send("PUT", "/api/admin/regions/live", JSON.writeValueAsString(Map.of("name", "Тестовый регион",
                "defaults", Map.of("zone", "Mars/Olympus", "contingent", Map.of("schedule", "0 0 2 * * ?")), "version", 1)));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("errors").findValuesAsText("field")).contains("colleges.live-college.zone");
        assertThat(jdbc.queryForObject("SELECT version FROM region WHERE id = 'live'", Integer.class)).isEqualTo(1);
    }

    @Test
    void a_college_saved_by_another_instance_is_picked_up_through_the_settings_revision() throws Exception {
        region();

        // as another hub on the same database would: straight into the store, this instance is not told
        store.saveCollege(new CollegeDefinition(LIVE, "live", "Живой колледж", "1025900000015", "LIVE", Map.of()),
                Colleges.Status.ACTIVE, null, 0, "other-instance", "COLLEGE_CREATED");

        await().atMost(Duration.ofSeconds(15)).until(() -> triggerGroups(LIVE).contains("contingent"));
        assertThat(get("/api/colleges")).contains("\"id\":\"" + LIVE + "\"");
    }

    @Test
    void a_college_whose_variables_are_not_set_is_not_ready_and_names_them_while_the_others_run() throws Exception {
        region();

        store.saveCollege(new CollegeDefinition(LIVE, "live", "Живой колледж", "1025900000015", "UNSET", Map.of()),
                Colleges.Status.ACTIVE, null, 0, "import", "COLLEGE_IMPORTED");
        registry.refreshIfChanged();

        assertThat(triggerGroups(LIVE)).isEmpty();
        assertThat(get("/api/colleges")).contains("\"status\":\"NOT_READY\"");
        HttpResponse<String> college = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_OF_THIS_CONTEXT
                + "/api/admin/colleges/" + LIVE)).header("Authorization", BASIC).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(college.body()).contains("не задана переменная окружения UNSET_CONTINGENT_SECRET").contains("\"status\":\"NOT_READY\"");
        assertThat(collegeRoutes.routes("test-college")).as("static colleges keep running").containsKey("contingent-schedule-test-college");
    }

    @Test
    void the_first_start_imports_config_regions_and_the_export_gives_them_back() throws Exception {
        String file = """
                region:
                  id: live
                  name: "Тестовый регион"
                  zone: Asia/Yekaterinburg
                  contingent:
                    address: http://127.0.0.1:%d/contingent-sim/ws
                    token-url: http://127.0.0.1:%1$d/contingent-sim/integration/v1/token
                    client-id: "{id}"
                    client-secret: env:{ENV}_CONTINGENT_SECRET
                    schedule: "0 0 2 * * ?"
                colleges:
                  live-college:
                    name: "Живой колледж"
                    ogrn: "1025900000015"
                    env: LIVE
                """.formatted(PORT_OF_THIS_CONTEXT);
        java.nio.file.Files.createDirectories(REGIONS);
        java.nio.file.Files.writeString(REGIONS.resolve("live.yml"), file);
        try {
            registry.start();
        } finally {
            java.nio.file.Files.delete(REGIONS.resolve("live.yml"));
        }

        assertThat(triggerGroups(LIVE)).contains("contingent");
        assertThat(jdbc.queryForObject("SELECT updated_by FROM college WHERE id = ?", String.class, LIVE)).isEqualTo("import");
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_OF_THIS_CONTEXT
                + "/api/admin/regions/live/export")).header("Authorization", BASIC).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(RegionFiles.read("live.yml", export.body())).isEqualTo(RegionFiles.read("live.yml", file));
    }

    @Test
    void a_disabled_college_loses_its_schedule_until_it_is_enabled() throws Exception {
        region();
        send("POST", "/api/admin/colleges", college("0 0 2 * * ?", "1025900000015", "Asia/Yekaterinburg"));

        HttpResponse<String> disabled = send("POST", "/api/admin/colleges/" + LIVE + "/disable?reason=summer", null);

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(triggerGroups(LIVE)).isEmpty();
        assertThat(get("/api/colleges")).contains("\"status\":\"DISABLED\"");
        assertThat(send("POST", "/api/admin/colleges/" + LIVE + "/enable", null).statusCode()).isEqualTo(200);
        assertThat(triggerGroups(LIVE)).contains("contingent");
    }

    @Test
    void a_stale_version_is_refused_with_conflict_and_the_export_gives_the_region_back() throws Exception {
        region();
        send("POST", "/api/admin/colleges", college("0 0 2 * * ?", "1025900000015", "Asia/Yekaterinburg"));
        send("PUT", "/api/admin/colleges/" + LIVE, college("0 5 2 * * ?", "1025900000015", "Asia/Yekaterinburg")
                .replace("\"id\"", "\"version\":1,\"id\""));

        HttpResponse<String> stale = send("PUT", "/api/admin/colleges/" + LIVE, college("0 10 2 * * ?", "1025900000015", "Asia/Yekaterinburg")
                .replace("\"id\"", "\"version\":1,\"id\""));

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_OF_THIS_CONTEXT
                + "/api/admin/regions/live/export")).header("Authorization", BASIC).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        RegionDocument document = RegionFiles.read("live.yml", export.body());
        assertThat(document.colleges().get(LIVE).overrides()).isEqualTo(Map.of("zone", "Asia/Yekaterinburg",
                "contingent", Map.of("schedule", "0 5 2 * * ?")));
        assertThat(document.region().defaults()).extractingByKey("targets").asString().contains("client-secret=env:LIVE_EPOS_SECRET");
        assertThat(export.body()).doesNotContain("test-secret");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_OF_THIS_CONTEXT
                + "/api/admin/colleges")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("settings are not public reads").isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain(LIVE);
    }

    @Test
    void users_are_bound_to_a_college_or_a_region_and_operators_see_the_whole_hub() throws Exception {
        region();
        send("POST", "/api/admin/colleges", college("0 0 2 * * ?", "1025900000015", "Asia/Yekaterinburg"));

        HttpResponse<String> bound = send("PUT", "/api/admin/users/it-live/scopes",
                "[{\"kind\":\"COLLEGE\",\"id\":\"" + LIVE + "\"},{\"kind\":\"REGION\",\"id\":\"live\"}]");
        HttpResponse<String> refused = send("PUT", "/api/admin/users/it-live/scopes", "[{\"kind\":\"COLLEGE\",\"id\":\"nowhere\"}]");

        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"field\":\"[0].id\"");
        JsonNode users = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_OF_THIS_CONTEXT
                + "/api/admin/users")).header("Authorization", BASIC).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        Map<String, String> scopes = new java.util.TreeMap<>();
        users.forEach(user -> scopes.put(user.path("username").asText(), user.path("scopes").toString()));
        assertThat(scopes).containsEntry("tester", "[{\"kind\":\"ALL\",\"id\":\"*\"}]")
                .containsEntry("it-live", "[{\"kind\":\"COLLEGE\",\"id\":\"live-college\"},{\"kind\":\"REGION\",\"id\":\"live\"}]");
    }

    private void region() throws IOException, InterruptedException {
        String here = "http://127.0.0.1:" + PORT_OF_THIS_CONTEXT;
        Map<String, Object> defaults = Map.of(
                "zone", "Asia/Yekaterinburg",
                "contingent", Map.of("address", here + "/contingent-sim/ws", "token-url", here + "/contingent-sim/integration/v1/token",
                        "client-id", "{id}", "client-secret", "env:{ENV}_CONTINGENT_SECRET", "page-size", 100, "schedule", "0 0 2 * * ?"),
                "targets", Map.of("epos", Map.of("base-url", here + "/epos-sim", "client-id", "{id}",
                        "client-secret", "env:LIVE_EPOS_SECRET", "batch-limit", 500)));
        HttpResponse<String> answer = send("PUT", "/api/admin/regions/live",
                JSON.writeValueAsString(Map.of("name", "Тестовый регион", "defaults", defaults, "version", 0)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static String college(String cron, String ogrn, String zone) throws IOException {
        return JSON.writeValueAsString(Map.of("id", LIVE, "region", "live", "name", "Живой колледж", "ogrn", ogrn, "env", "LIVE",
                "overrides", Map.of("zone", zone, "contingent", Map.of("schedule", cron))));
    }

    private List<String> triggerGroups(String college) {
        return jdbc.queryForList("SELECT trigger_group FROM qrtz_triggers WHERE sched_name = ? AND trigger_name = ?", String.class,
                SCHEDULER, college);
    }

    private long revision() {
        return jdbc.queryForObject("SELECT revision FROM settings_revision WHERE id = 1", Long.class);
    }

    private static String onceAt(ZonedDateTime moment) {
        return moment.getSecond() + " " + moment.getMinute() + " " + moment.getHour() + " " + moment.getDayOfMonth() + " "
                + moment.getMonthValue() + " ? " + moment.getYear();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_OF_THIS_CONTEXT + path))
                .header("Authorization", BASIC)
                .header("X-Requested-With", "test").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_OF_THIS_CONTEXT + path)).header("Authorization", HubIntegrationTest.TESTER).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePortOfThisContext() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
