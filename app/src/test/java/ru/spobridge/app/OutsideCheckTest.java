package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;
import ru.spobridge.simulators.contingent.wsdl.Student;

/**
 * The outside check, as a skeptical user runs it: the hub in a JVM of its own, the simulators in this one; one college
 * of {@code spo.outside.students} students (1,200 in the suite, 20,000 as a benchmark:
 * {@code ./mvnw -B -pl app -am verify -Dtest=OutsideCheckTest -Dsurefire.failIfNoSpecifiedTests=false -Dspo.outside.students=20000});
 * a fifth of the platform's answers are faults of every kind — 503, 429, 401 with a fresh token, 500 and latency bursts
 * past the hub's timeout, so that batches are applied after the hub gave up waiting — and a fifth of the source's are
 * 503. Runs are started by the college's schedule alone; nobody replays, approves or restarts anything but the
 * process. At the end the figures are counted at the platform and in the hub's store, and printed.
 */
class OutsideCheckTest extends HubIntegrationTest {

    private static final int STUDENTS = Integer.getInteger("spo.outside.students", 1200);
    /** The hub gives up on a platform answer after this; the latency bursts last longer. */
    private static final Duration HUB_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration BURST = Duration.ofMillis(1600);

    @Autowired
    private Environment environment;

    @Test
    void on_the_embedded_default_store_kill_9_during_read_and_during_delivery_loses_nothing_and_sends_nothing_twice() {
        File workingDirectory = new File("target/outside-h2-" + System.nanoTime()).getAbsoluteFile();
        assertThat(workingDirectory.mkdirs()).isTrue();
        String url = "jdbc:h2:file:" + workingDirectory.getAbsolutePath() + "/data/spo-bridge";
        killDuringReadAndDelivery("H2", workingDirectory, List.of(), () -> new JdbcTemplate(new SingleConnectionDataSource(url, "spo", "", true)));
    }

    @Test
    void on_postgresql_kill_9_during_read_and_during_delivery_loses_nothing_and_sends_nothing_twice() throws IOException {
        try (OwnPostgres postgres = new OwnPostgres("kill")) {
            File journal = new File("target/outside-pg-artemis-" + System.nanoTime()).getAbsoluteFile();
            killDuringReadAndDelivery("PostgreSQL", null, postgres.hubArguments(journal), postgres::jdbc);
        }
    }

    @Test
    void a_database_stopped_mid_run_fails_that_run_and_the_next_scheduled_run_completes_without_a_restart() throws IOException {
        DemoCollege demo = seed();
        try (OwnPostgres postgres = new OwnPostgres("outage")) {
            File journal = new File("target/outside-pg-artemis-" + System.nanoTime()).getAbsoluteFile();
            File log = log("outage");
            List<String> arguments = new ArrayList<>(postgres.hubArguments(journal));
            arguments.addAll(unattended());
            ChildHub hub = ChildHub.start(simulators(), ChildHub.freePort(), null, log, heap(), arguments);
            try {
                // the scheduled run is reading: the database goes away under it
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                        .until(() -> contingent.faults().requests() >= 3);
                long stoppedAt = System.nanoTime();
                postgres.stop();
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> hub.health() == 503);
                long healthDownMs = (System.nanoTime() - stoppedAt) / 1_000_000;
                // the hub works on without its store: the read goes on to its end (at 20,000 students it outlasts any
                // short outage) and only then needs the store; the database comes back once the source is left alone
                Awaitility.await().pollDelay(Duration.ofSeconds(8)).until(() -> true);
                long[] served = {-1};
                Awaitility.await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                    long now = contingent.faults().requests();
                    boolean still = now == served[0];
                    served[0] = now;
                    return still;
                });
                postgres.start();
                long failedRun = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                        .until(() -> postgres.jdbc().queryForObject("SELECT MIN(id) FROM sync_run WHERE flow = 'contingent' "
                                + "AND college_id = ? AND status = 'FAILED'", Long.class, COLLEGE), id -> id != null);
                awaitQuiet(hub, demo);
                Figures figures = figures("PostgreSQL, database stopped mid-run", demo, postgres.jdbc());
                List<String> runs = postgres.jdbc().queryForList("SELECT id || ' ' || status FROM sync_run WHERE flow = 'contingent' "
                        + "AND college_id = ? AND id > ? AND status IN ('COMPLETED', 'COMPLETED_WITH_ERRORS') ORDER BY id", String.class, COLLEGE, failedRun);
                System.out.printf("outage figures: health DOWN %d ms after the database stopped; run %d failed; later runs completed: %s%n",
                        healthDownMs, failedRun, runs);
                assertThat(runs).as("a later scheduled run of the college completed without a restart").isNotEmpty();
                figures.assertClean();
            } finally {
                hub.close();
            }
        }
    }

    private void killDuringReadAndDelivery(String store, File workingDirectory, List<String> storeArguments, Supplier<JdbcTemplate> hubStore) {
        DemoCollege demo = seed();
        int owed = owed(demo).size();
        int port = ChildHub.freePort();
        File log = log(store);
        List<String> arguments = new ArrayList<>(storeArguments);
        arguments.addAll(unattended());

        List<ChildHub> started = new ArrayList<>();
        long sourceRequestsAtKill;
        int atPlatformWhenKilled;
        try {
            ChildHub first = ChildHub.start(simulators(), port, workingDirectory, log, heap(), arguments);
            started.add(first);
            // the first scheduled run reads page by page; killed once a third of the pages are served, before any delivery
            int pages = STUDENTS / 100;
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> contingent.faults().requests() >= Math.max(3, pages / 3));
            JsonNode reading = first.latestRun(COLLEGE, "contingent");
            first.kill();
            sourceRequestsAtKill = contingent.faults().requests();
            assertThat(reading == null ? "" : reading.path("status").asText()).as("killed while reading").isEqualTo("READING");
            assertThat(epos.students(COLLEGE)).as("nothing delivered yet").isEmpty();

            ChildHub second = ChildHub.start(simulators(), port, workingDirectory, log, heap(), arguments);
            started.add(second);
            // killed in the middle of delivery, counted at the platform (later scheduled runs have nothing new to send)
            Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20))
                    .until(() -> epos.students(COLLEGE).size() >= owed * 2 / 5);
            second.kill();
            atPlatformWhenKilled = epos.students(COLLEGE).size();
            assertThat(atPlatformWhenKilled).as("killed in the middle of delivery").isLessThan(owed);

            ChildHub third = ChildHub.start(simulators(), port, workingDirectory, log, heap(), arguments);
            started.add(third);
            awaitQuiet(third, demo);
        } finally {
            started.forEach(ChildHub::close); // graceful: the embedded store can be opened from here afterwards
        }
        Figures figures = figures(store, demo, hubStore.get());
        System.out.printf("outside check kills (%s): kill -9 during read after %d source requests, kill -9 during delivery with %d of %d "
                + "students at the platform%n", store, sourceRequestsAtKill, atPlatformWhenKilled, owed);
        figures.assertClean();
    }

    /** Seeds one college of {@link #STUDENTS} with orders and invalid records, and turns the faults on. */
    private DemoCollege seed() {
        DemoCollege demo = DemoContingent.generate(OGRN, STUDENTS, Math.max(4, STUDENTS / 25), 12, STUDENTS / 40);
        demo.groups().forEach(group -> contingent.putGroup(OGRN, group));
        demo.students().forEach(student -> contingent.putStudent(OGRN, student));
        demo.movements().forEach(movement -> contingent.addMovement(OGRN, movement));
        contingent.faults().errorRate(0.2, 503, 21).latency(Duration.ofMillis(STUDENTS >= 10_000 ? 20 : 60));
        epos.faults().mixed(0.2, 12, BURST, 3);
        contingent.faults().resetCounters();
        epos.faults().resetCounters();
        return demo;
    }

    /** Settings of a hub nobody watches: its own schedule, automatic retry with a day's horizon, a realistic circuit. */
    private static List<String> unattended() {
        List<String> settings = new ArrayList<>(List.of(
                "--spo.sync.schedules=true",
                "--spo.colleges.test-college.contingent.schedule=0/10 * * * * ?",
                // small batches in the suite: more calls for the faults to hit; at benchmark size the platform's usual size
                "--spo.colleges.test-college.targets.epos.batch-limit=" + (STUDENTS >= 10_000 ? 200 : 40),
                "--spo.delivery.http-timeout=" + HUB_TIMEOUT.toMillis() + "ms",
                "--spo.delivery.max-attempts=4", "--spo.delivery.initial-delay=50ms", "--spo.delivery.max-delay=400ms",
                "--spo.delivery.read-attempts=8", "--spo.delivery.read-delay=50ms",
                "--spo.delivery.circuit-window=20", "--spo.delivery.circuit-failure-rate=60", "--spo.delivery.circuit-open-for=2s",
                "--spo.delivery.give-up-after=24h", "--spo.delivery.retry-first=300ms", "--spo.delivery.retry-max=2s",
                "--spo.delivery.retry-every=300ms"));
        // the other colleges and the marks pulls stay quiet: their sources are not served here
        for (String college : new String[] {"test-college", "test-sgo", "test-aisepo"}) {
            settings.add("--spo.colleges." + college + ".marks.schedule=0 0 0 1 1 ? 2099");
            settings.add("--spo.colleges." + college + ".marks.catch-up=0 0 0 1 1 ? 2099");
        }
        settings.add("--spo.colleges.test-sgo.contingent.schedule=0 0 0 1 1 ? 2099");
        settings.add("--spo.colleges.test-aisepo.contingent.schedule=0 0 0 1 1 ? 2099");
        return settings;
    }

    /**
     * Waits, without acting, until every owed student is at the platform, no run is open, no dead letter is left, the
     * hub has nothing on its way, and the platform has applied nothing new for six seconds; then pauses the college's
     * schedule, only so that the figures are not counted under a run that started after that point, and waits again.
     */
    private void awaitQuiet(ChildHub hub, DemoCollege demo) {
        awaitStill(hub, demo);
        // the schedule fires every ten seconds, so a fresh run may have started since: it is paused for the count (a
        // scheduled fire is then recorded as skipped, a finished run) and whatever started is let finish
        String reason = java.net.URLEncoder.encode("подсчёт итогов проверки", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(hub.post("/api/colleges/" + COLLEGE + "/pause?flow=contingent&reason=" + reason)).as("paused for the count").isNotNull();
        awaitStill(hub, demo);
    }

    private void awaitStill(ChildHub hub, DemoCollege demo) {
        int owed = owed(demo).size();
        long[] lastApplied = {-1};
        int[] stillFor = {0};
        Awaitility.await().atMost(Duration.ofSeconds(STUDENTS >= 10_000 ? 1800 : 300)).pollInterval(Duration.ofMillis(2000)).until(() -> {
            long applied = ChildHub.applications(simulators(), epos.description().base()).path("applications").asLong(-1);
            stillFor[0] = applied == lastApplied[0] ? stillFor[0] + 1 : 0;
            lastApplied[0] = applied;
            if (epos.students(COLLEGE).size() < owed || stillFor[0] < 3) {
                return false;
            }
            JsonNode letters = hub.get("/api/dead-letters/counts?college=" + COLLEGE);
            JsonNode run = hub.latestRun(COLLEGE, "contingent");
            // the platform's counter stands still while the hub re-sends what it already applied (answered by item
            // keys, after a crash): only the hub knows it still has records and runs' batches on their way
            JsonNode inFlight = hub.get("/api/colleges/" + COLLEGE + "/in-flight");
            return letters != null && letters.path("open").asInt(-1) == 0 && letters.path("retrying").asInt(-1) == 0
                    && inFlight != null && inFlight.path("total").asInt(-1) == 0 && inFlight.path("openRuns").asInt(-1) == 0
                    && run != null && !run.path("finishedAt").isNull() && !run.path("finishedAt").isMissingNode();
        });
    }

    /** The guardians of every valid student. */
    private static Set<String> owedGuardians(DemoCollege demo) {
        Set<String> owed = owed(demo);
        Set<String> guardians = new TreeSet<>();
        demo.students().stream().filter(student -> owed.contains(student.getExternalId()))
                .forEach(student -> student.getGuardian().forEach(guardian -> guardians.add(guardian.getExternalId())));
        return guardians;
    }

    private Figures figures(String store, DemoCollege demo, JdbcTemplate hub) {
        Set<String> owed = owed(demo);
        Map<String, Map<String, Object>> students = epos.students(COLLEGE);
        Set<String> lost = new TreeSet<>(owed);
        lost.removeAll(students.keySet());
        // a guardian is owed when its student is, unless the hub refused the guardian itself with a reason
        Set<String> lostGuardians = new TreeSet<>(owedGuardians(demo));
        lostGuardians.removeAll(hub.queryForList("SELECT DISTINCT entity_key FROM rejected_record WHERE college_id = ? "
                + "AND entity_type = 'guardian' AND resolved_at IS NULL", String.class, COLLEGE));
        lostGuardians.removeAll(epos.guardians(COLLEGE).keySet());
        lost.addAll(lostGuardians);
        JsonNode applications = ChildHub.applications(simulators(), epos.description().base());
        Set<String> rejected = new HashSet<>(hub.queryForList("SELECT DISTINCT entity_key FROM rejected_record WHERE college_id = ? "
                + "AND entity_type = 'student' AND resolved_at IS NULL", String.class, COLLEGE));
        Map<String, Set<String>> delivered = new java.util.LinkedHashMap<>();
        for (String type : new String[] {"group", "student", "guardian"}) {
            delivered.put(type, new TreeSet<>(hub.queryForList("SELECT entity_key FROM sync_state WHERE college_id = ? AND entity_type = ? "
                    + "AND target = 'epos' AND delivered_hash IS NOT NULL", String.class, COLLEGE, type)));
        }
        Map<String, Set<String>> listed = Map.of("group", new TreeSet<>(epos.groups(COLLEGE).keySet()),
                "student", new TreeSet<>(students.keySet()), "guardian", new TreeSet<>(epos.guardians(COLLEGE).keySet()));
        Set<String> both = new TreeSet<>(rejected);
        both.retainAll(delivered.get("student"));
        Set<String> noOutcome = new TreeSet<>();
        demo.students().forEach(student -> noOutcome.add(student.getExternalId()));
        noOutcome.removeAll(delivered.get("student"));
        noOutcome.removeAll(rejected);
        int deadLetters = hub.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE college_id = ? AND status IN ('OPEN', 'RETRYING')",
                Integer.class, COLLEGE);
        List<String> open = hub.queryForList("SELECT id || ' ' || status FROM sync_run WHERE finished_at IS NULL", String.class);
        List<String> runs = hub.queryForList("SELECT status || ' ' || COUNT(*) FROM sync_run WHERE college_id = ? AND flow = 'contingent' "
                + "GROUP BY status ORDER BY status", String.class, COLLEGE);
        int movements = 0;
        for (String student : students.keySet()) {
            movements += epos.movements(COLLEGE, student).size();
        }
        long owedMovements = demo.movements().stream().filter(movement -> owed.contains(movement.getStudentExternalId())).count();
        Figures figures = new Figures(owed.size(), lost, applications.path("appliedTwice").asInt(-1), deadLetters, open, delivered, listed,
                both, noOutcome);
        System.out.printf("outside check (%s, %,d students): owed %,d students, platform holds %,d students, %,d groups, %,d guardians, "
                        + "%,d of %,d orders; platform requests %,d, faults injected %,d, answers lost to timeouts and recognised by key %,d; "
                        + "source requests %,d, faults %,d; lost %d, record versions applied twice %d, dead letters %d, runs non-final %d, "
                        + "rejected with a reason %d, in no outcome %d, in two outcomes %d; hub delivered = platform: %s; runs %s%n",
                store, STUDENTS, owed.size(), students.size(), listed.get("group").size(), listed.get("guardian").size(), movements, owedMovements,
                epos.faults().requests(), epos.faults().injected(), epos.replayedRequests(), contingent.faults().requests(),
                contingent.faults().injected(), lost.size(), figures.appliedTwice(), deadLetters, open.size(), rejected.size(),
                noOutcome.size(), both.size(), figures.accountingMatches(), runs);
        return figures;
    }

    /** Every valid student: what the platform must hold in the end. */
    private static Set<String> owed(DemoCollege demo) {
        Set<String> owed = new TreeSet<>();
        for (Student student : demo.students()) {
            if (!demo.invalidFieldByExternalId().containsKey(student.getExternalId())) {
                owed.add(student.getExternalId());
            }
        }
        return owed;
    }

    private record Figures(int owed, Set<String> lost, int appliedTwice, int deadLetters, List<String> openRuns,
                           Map<String, Set<String>> delivered, Map<String, Set<String>> listed, Set<String> twoOutcomes,
                           Set<String> noOutcome) {

        Map<String, Boolean> accountingMatches() {
            Map<String, Boolean> matches = new java.util.LinkedHashMap<>();
            delivered.forEach((type, keys) -> matches.put(type, keys.equals(listed.get(type))));
            return matches;
        }

        void assertClean() {
            assertThat(lost).as("owed students and guardians not at the platform").isEmpty();
            assertThat(appliedTwice).as("record versions the platform applied twice, by its own counter").isZero();
            assertThat(deadLetters).as("dead letters left for an operator").isZero();
            assertThat(openRuns).as("runs left in a non-final state").isEmpty();
            delivered.forEach((type, keys) -> assertThat(keys).as("the hub's delivered %ss are the platform's listing", type)
                    .isEqualTo(listed.get(type)));
            assertThat(twoOutcomes).as("students both delivered and rejected").isEmpty();
            assertThat(noOutcome).as("students in no outcome").isEmpty();
        }
    }

    private String simulators() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    private static String heap() {
        return STUDENTS >= 10_000 ? "1g" : "512m";
    }

    private static File log(String name) {
        return new File("target/outside-" + name.toLowerCase() + "-" + System.nanoTime() + ".log");
    }
}
