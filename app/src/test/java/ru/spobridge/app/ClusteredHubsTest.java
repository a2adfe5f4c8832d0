package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;

/**
 * Two hubs on one PostgreSQL, each in a JVM of its own with its own broker, as a ministry runs them for availability:
 * a college added through one is picked up by the other without a restart; with the clustered Quartz store each
 * scheduled run fires once across both; a hub starting while the other runs leaves that run alone; a hub killed in the
 * middle of a delivery has its run closed as interrupted by the survivor, which sends the rest.
 */
class ClusteredHubsTest extends HubIntegrationTest {

    private static final String LIVE = "cluster-college";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Instances say they are alive every second and are judged dead after four silent seconds (minutes in production). */
    private static final List<String> CLUSTER = List.of("--spo.instance.heartbeat=1s", "--spo.instance.stale-after=4s",
            "--spo.sync.settings-refresh=1s", "--spo.sync.schedules=true", "--CLUSTER_CONTINGENT_SECRET=test-secret",
            "--CLUSTER_EPOS_SECRET=test-secret");

    @Autowired
    private Environment environment;

    @Test
    void two_hubs_share_colleges_fire_each_schedule_once_and_the_survivor_finishes_a_killed_hubs_run() throws Exception {
        // 40 students at first, 200 more before the run that is killed
        DemoCollege demo = DemoContingent.generate(OGRN, 240, 4, 31);
        demo.groups().forEach(group -> contingent.putGroup(OGRN, group));
        demo.students().stream().limit(40).forEach(student -> contingent.putStudent(OGRN, student));
        int firstValid = valid(demo, 40);
        int allValid = valid(demo, 240);

        try (OwnPostgres postgres = new OwnPostgres("cluster")) {
            List<ChildHub> hubs = new ArrayList<>();
            try {
                ChildHub a = start(postgres, "a");
                hubs.add(a);
                ChildHub b = start(postgres, "b");
                hubs.add(b);
                ChildHub firstB = b;
                JdbcTemplate store = postgres.jdbc();

                // added through A, every 5 seconds; B follows through the settings revision
                assertThat(a.send("PUT", "/api/admin/regions/cluster", region()).statusCode()).isEqualTo(200);
                var created = a.send("POST", "/api/admin/colleges", college("0/5 * * * * ?"));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> listed(firstB));

                // both alive for half a minute: each 5-second fire of the schedule starts exactly one run
                Instant from = Instant.now();
                Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> scheduled(store, from).size() >= 5);
                Map<Long, List<String>> bySlot = new TreeMap<>();
                scheduled(store, from).forEach(run -> bySlot.computeIfAbsent(run.slot(), slot -> new ArrayList<>()).add(run.owner()));
                System.out.printf("clustered schedule figures: %d fires, runs per fire %s, owners %s%n", bySlot.size(),
                        bySlot.values().stream().map(List::size).toList(), bySlot.values());
                assertThat(bySlot.values()).as("runs per scheduled fire, across both hubs").allMatch(owners -> owners.size() == 1);
                assertThat(epos.students(LIVE)).as("the first runs delivered the college").hasSize(firstValid);

                // no more fires; a slow platform; a run started on A by an operator
                assertThat(a.send("PUT", "/api/admin/colleges/" + LIVE, college("0 0 0 1 1 ? 2099", 1)).statusCode()).isEqualTo(200);
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> store.queryForObject(
                        "SELECT COUNT(*) FROM qrtz_cron_triggers WHERE trigger_name = ? AND cron_expression LIKE '%2099'", Integer.class, LIVE) > 0);
                awaitNoOpenRun(store);
                demo.students().stream().skip(40).forEach(student -> contingent.putStudent(OGRN, student));
                epos.faults().latency(Duration.ofMillis(1500)); // the run lasts over a minute: B restarts within it
                var started = a.send("POST", "/api/colleges/" + LIVE + "/contingent/runs", null);
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                long runId = JSON.readTree(started.body()).path("runId").asLong();
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> epos.students(LIVE).size() > firstValid + 20);

                // B restarts meanwhile: its start-up recovery leaves A's live run alone
                b.close();
                b = start(postgres, "b");
                hubs.set(1, b);
                assertThat(status(store, runId)).as("A's run after B started again").isEqualTo("DELIVERING");

                a.kill();
                int atKill = epos.students(LIVE).size() + epos.guardians(LIVE).size();
                int published = store.queryForObject("SELECT published_count FROM sync_run WHERE id = ?", Integer.class, runId);
                epos.faults().clear();
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> "INTERRUPTED".equals(status(store, runId)));
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> epos.students(LIVE).size() == allValid);
                JsonNode applications = ChildHub.applications(simulators(), epos.description().base());
                String reason = store.queryForObject("SELECT error FROM sync_run WHERE id = ?", String.class, runId);
                String owner = store.queryForObject("SELECT owner FROM sync_run WHERE id = ?", String.class, runId);
                System.out.printf("clustered failover figures: run %d of A killed with %d students and guardians at the platform; closed by B: %s; "
                        + "all at the platform, record versions applied twice %d%n", runId, atKill, reason, applications.path("appliedTwice").asInt(-1));
                java.util.regex.Matcher deliveredAtKill = java.util.regex.Pattern.compile("доставлено (\\d+)").matcher(reason);
                assertThat(deliveredAtKill.find()).as(reason).isTrue();
                assertThat(Integer.parseInt(deliveredAtKill.group(1))).as("killed in the middle of the delivery").isLessThan(published);
                assertThat(owner).as("the run belongs to the hub that started it").isEqualTo("127.0.0.1:hub-a");
                assertThat(reason).contains("прерван во время доставки");
                assertThat(applications.path("appliedTwice").asInt(-1)).isZero();
                awaitNoOpenRun(store);
            } finally {
                hubs.forEach(ChildHub::close);
            }
        }
    }

    /** Valid students among the first n of a generated college: the platform gets these, the others are refused with a reason. */
    private static int valid(DemoCollege college, int n) {
        return (int) college.students().stream().limit(n)
                .filter(student -> !college.invalidFieldByExternalId().containsKey(student.getExternalId())).count();
    }

    private record ScheduledRun(long slot, String owner) {
    }

    /** Scheduled runs of the college since a moment, with the 5-second fire each belongs to. */
    private static List<ScheduledRun> scheduled(JdbcTemplate store, Instant from) {
        return store.query("SELECT started_at, owner FROM sync_run WHERE college_id = ? AND run_trigger = 'schedule' AND started_at >= ? "
                        + "ORDER BY id", (rs, i) -> new ScheduledRun(rs.getTimestamp(1).toInstant().getEpochSecond() / 5, rs.getString(2)),
                LIVE, java.sql.Timestamp.from(from));
    }

    private static String status(JdbcTemplate store, long runId) {
        return store.queryForObject("SELECT status FROM sync_run WHERE id = ?", String.class, runId);
    }

    private static void awaitNoOpenRun(JdbcTemplate store) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> store.queryForObject(
                "SELECT COUNT(*) FROM sync_run WHERE finished_at IS NULL AND status IN ('READING', 'DELIVERING')", Integer.class) == 0);
    }

    private static boolean listed(ChildHub hub) {
        JsonNode colleges = hub.get("/api/colleges");
        if (colleges == null) {
            return false;
        }
        for (JsonNode college : colleges) {
            if (LIVE.equals(college.path("id").asText()) && "ACTIVE".equals(college.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    private ChildHub start(OwnPostgres postgres, String name) {
        List<String> arguments = new ArrayList<>(postgres.hubArguments(new File("target/cluster-artemis-" + name + "-" + System.nanoTime())));
        arguments.addAll(CLUSTER);
        arguments.add("--spo.instance.id=127.0.0.1:hub-" + name);
        // the static test colleges stay quiet: only the college added over the API runs
        for (String college : new String[] {"test-college", "test-sgo", "test-aisepo"}) {
            arguments.add("--spo.colleges." + college + ".contingent.schedule=0 0 0 1 1 ? 2099");
            arguments.add("--spo.colleges." + college + ".marks.schedule=0 0 0 1 1 ? 2099");
            arguments.add("--spo.colleges." + college + ".marks.catch-up=0 0 0 1 1 ? 2099");
        }
        File log = new File("target/cluster-" + name + "-" + System.nanoTime() + ".log");
        return ChildHub.start(simulators(), ChildHub.freePort(), null, log, "384m", arguments);
    }

    private String region() throws IOException {
        String here = simulators();
        Map<String, Object> defaults = Map.of(
                "zone", "Asia/Yekaterinburg",
                "contingent", Map.of("address", here + "/contingent-sim/ws", "token-url", here + "/contingent-sim/integration/v1/token",
                        "client-id", "{id}", "client-secret", "env:CLUSTER_CONTINGENT_SECRET", "page-size", 100, "schedule", "0 0 2 * * ?"),
                "targets", Map.of("epos", Map.of("base-url", here + "/epos-sim", "client-id", "{id}",
                        "client-secret", "env:CLUSTER_EPOS_SECRET", "batch-limit", 10)));
        return JSON.writeValueAsString(Map.of("name", "Кластер", "defaults", defaults, "version", 0));
    }

    private static String college(String cron) throws IOException {
        return JSON.writeValueAsString(Map.of("id", LIVE, "region", "cluster", "name", "Колледж двух узлов", "ogrn", OGRN,
                "overrides", Map.of("contingent", Map.of("schedule", cron))));
    }

    private static String college(String cron, int version) throws IOException {
        return JSON.writeValueAsString(Map.of("id", LIVE, "region", "cluster", "name", "Колледж двух узлов", "ogrn", OGRN,
                "version", version, "overrides", Map.of("contingent", Map.of("schedule", cron))));
    }

    private String simulators() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }
}
