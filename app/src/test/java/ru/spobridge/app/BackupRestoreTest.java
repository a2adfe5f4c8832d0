package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;
import ru.spobridge.simulators.contingent.wsdl.Student;

/**
 * The backup and restore of docs/эксплуатация.md («Резервное копирование и восстановление»), done as written there: a
 * hub in a JVM of its own syncs a college while the platform is down, so records are owed (kept for automatic retry,
 * or published and still on the broker); it is stopped gracefully, backed up, the original is deleted, the copy is
 * restored into a new working directory and a new hub is started on it. The platform comes back and the test waits,
 * without any operator action, until everything owed is at the platform; then it counts at the platform and in the
 * restored hub. One scenario on the embedded default store (H2 and Artemis under ./data), one on PostgreSQL with
 * pg_dump/pg_restore (skipped where the client tools are missing).
 */
class BackupRestoreTest extends HubIntegrationTest {

    private static final int STUDENTS = 60;
    /** The platform applies this many data requests, then answers 503 until cleared: the sync stops half-way. */
    private static final int REQUESTS_BEFORE_OUTAGE = 4;
    private static final String DB_PASSWORD = "spo-test";

    @Autowired
    private Environment environment;

    @Test
    void on_the_embedded_default_store_a_copy_of_data_and_config_restored_elsewhere_delivers_what_was_owed_once() throws IOException {
        long started = System.nanoTime();
        Path root = Files.createDirectories(Path.of("target", "backup-h2-" + System.nanoTime()).toAbsolutePath());
        Path original = root.resolve("original");
        Path backup = root.resolve("backup");
        Path restored = root.resolve("restored");
        File log = root.resolve("hubs.log").toFile();
        DemoCollege demo = seed();
        writeConfig(original);

        Stopped stopped = syncPartlyAndStop(original, List.of(), log);
        // the document: with H2 the whole ./data folder (store and broker journal), with the hub stopped; and config/
        copyTree(original.resolve("data"), backup.resolve("data"));
        copyTree(original.resolve("config"), backup.resolve("config"));
        Before before = withH2(original, Before::read);
        deleteTree(original);
        assertThat(original).as("the original working directory is gone").doesNotExist();

        copyTree(backup, restored);
        After after = restoreAndAwait(restored, List.of(), log, demo, before);
        Map<String, Long> runsAfter = withH2(restored, store -> runsSince(store, before.lastRun()));
        report("H2", demo, stopped, before, after, runsAfter, sizeKb(backup), started);
    }

    @Test
    void on_postgresql_pg_dump_and_the_journal_tar_restored_on_a_new_server_deliver_what_was_owed_once() throws IOException {
        List<String> missing = Stream.of("pg_dump", "pg_restore", "createdb", "tar").filter(tool -> !runs(tool)).toList();
        if (!missing.isEmpty()) {
            System.out.printf("backup-restore (PostgreSQL): SKIPPED, these tools do not run on this machine: %s%n", missing);
        }
        Assumptions.assumeTrue(missing.isEmpty(), "pg_dump, pg_restore, createdb and tar are needed: missing " + missing);

        long started = System.nanoTime();
        Path root = Files.createDirectories(Path.of("target", "backup-pg-" + System.nanoTime()).toAbsolutePath());
        Path original = root.resolve("original");
        Path backup = Files.createDirectories(root.resolve("backup"));
        Path restored = Files.createDirectories(root.resolve("restored"));
        File log = root.resolve("hubs.log").toFile();
        Path dump = backup.resolve("spo.dump");
        Path journal = backup.resolve("spo-data.tar.gz");
        DemoCollege demo = seed();
        writeConfig(original);

        Stopped stopped;
        Before before;
        try (Postgres server = new Postgres(root.resolve("pg-original"))) {
            // as the «PostgreSQL» section sets it up
            server.superuser().execute("CREATE ROLE spo LOGIN PASSWORD '" + DB_PASSWORD + "'");
            server.superuser().execute("CREATE DATABASE spo OWNER spo ENCODING 'UTF8'");
            stopped = syncPartlyAndStop(original, server.hubArguments(), log);
            // the document's commands, against this server
            command(log, "pg_dump", "-Fc", "-h", "localhost", "-p", server.port(), "-U", "spo", "-d", "spo", "-f", dump.toString());
            command(log, "tar", "-C", original.toString(), "-czf", journal.toString(), "data/artemis", "config");
            before = Before.read(server.spo());
        }
        deleteTree(original);
        deleteTree(root.resolve("pg-original"));
        assertThat(original).as("the original working directory is gone").doesNotExist();

        try (Postgres server = new Postgres(root.resolve("pg-restored"))) {
            // a clean server: the role as in the «PostgreSQL» section, the database made by the restore step itself
            server.superuser().execute("CREATE ROLE spo LOGIN PASSWORD '" + DB_PASSWORD + "'");
            command(log, "createdb", "-h", "localhost", "-p", server.port(), "-U", "postgres", "-O", "spo", "spo");
            command(log, "pg_restore", "-h", "localhost", "-p", server.port(), "-U", "spo", "-d", "spo", dump.toString());
            command(log, "tar", "-C", restored.toString(), "-xzf", journal.toString());
            After after = restoreAndAwait(restored, server.hubArguments(), log, demo, before);
            report("PostgreSQL", demo, stopped, before, after, runsSince(server.spo(), before.lastRun()),
                    (Files.size(dump) + Files.size(journal)) / 1024, started);
        }
    }

    /** What the original hub left when it was stopped, seen from outside. */
    private record Stopped(int studentsAtPlatform, int exitCode) {
    }

    /** The original store as backed up: its runs, and what it still owed. */
    private record Before(Map<Long, String> runs, int retrying, int open, int onTheirWay) {

        static Before read(JdbcTemplate store) {
            Map<Long, String> runs = new LinkedHashMap<>();
            store.query("SELECT id, status FROM sync_run ORDER BY id", row -> {
                runs.put(row.getLong(1), row.getString(2));
            });
            return new Before(runs, letters(store, "RETRYING"), letters(store, "OPEN"), BackupRestoreTest.onTheirWay(store));
        }

        long lastRun() {
            return runs.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    /** The restored hub once quiet. */
    private record After(Set<String> lost, int appliedTwice, int openLetters, int retryingLetters, int onTheirWay,
                         List<String> historyMismatches, long quietAfterMs) {
    }

    /** Starts the original hub, has an operator start a run while the platform fails, and stops the hub gracefully. */
    private Stopped syncPartlyAndStop(Path workingDirectory, List<String> storeArguments, File log) {
        ChildHub hub = ChildHub.start(simulators(), ChildHub.freePort(), workingDirectory.toFile(), log, "512m", arguments(storeArguments));
        try {
            JsonNode started = hub.post("/api/colleges/" + COLLEGE + "/contingent/runs");
            assertThat(started).as("the run was started").isNotNull();
            // some records wait for automatic retry, others are still on the broker: the state worth backing up
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonNode letters = hub.get("/api/dead-letters/counts?college=" + COLLEGE);
                JsonNode inFlight = hub.get("/api/colleges/" + COLLEGE + "/in-flight");
                return letters != null && letters.path("retrying").asInt() >= 2 && inFlight != null && inFlight.path("total").asInt() > 0;
            });
        } finally {
            hub.close();
        }
        return new Stopped(epos.students(COLLEGE).size(), hub.exitCode());
    }

    /** Starts a hub on the restored copy, brings the platform back and waits, acting on nothing, until all is delivered. */
    private After restoreAndAwait(Path workingDirectory, List<String> storeArguments, File log, DemoCollege demo, Before before) {
        long started = System.nanoTime();
        ChildHub hub = ChildHub.start(simulators(), ChildHub.freePort(), workingDirectory.toFile(), log, "512m", arguments(storeArguments));
        try {
            epos.faults().clear();
            awaitQuiet(hub, owed(demo).size());
            long quietAfterMs = (System.nanoTime() - started) / 1_000_000;
            Set<String> lost = new TreeSet<>(owed(demo));
            lost.removeAll(epos.students(COLLEGE).keySet());
            JsonNode letters = hub.get("/api/dead-letters/counts?college=" + COLLEGE);
            JsonNode inFlight = hub.get("/api/colleges/" + COLLEGE + "/in-flight");
            List<String> mismatches = new ArrayList<>();
            before.runs().forEach((id, status) -> {
                JsonNode run = hub.get("/api/runs/" + id);
                // a run the stop left open ends final: the restored hub (another host:port, so another instance) either
                // finishes it from the restored journal or closes it as interrupted once the old instance is silent;
                // a finished one is as it was
                boolean wasOpen = "READING".equals(status) || "DELIVERING".equals(status);
                Set<String> expected = wasOpen ? Set.of("INTERRUPTED", "COMPLETED", "COMPLETED_WITH_ERRORS") : Set.of(status);
                String found = run == null ? "absent" : run.path("status").asText();
                if (!expected.contains(found)) {
                    mismatches.add(id + ": " + status + " before, " + found + " after");
                }
            });
            return new After(lost, ChildHub.applications(simulators(), epos.description().base()).path("appliedTwice").asInt(-1),
                    letters.path("open").asInt(-1), letters.path("retrying").asInt(-1), inFlight.path("total").asInt(-1), mismatches,
                    quietAfterMs);
        } finally {
            hub.close();
        }
    }

    private void report(String store, DemoCollege demo, Stopped stopped, Before before, After after, Map<String, Long> runsAfter,
                        long backupKb, long startedNanos) {
        JsonNode applications = ChildHub.applications(simulators(), epos.description().base());
        System.out.printf("backup-restore (%s, %d students, %d owed): stopped with exit code %d holding %d of the owed students at the "
                        + "platform; backup %,d KB: %d runs %s, %d records retrying, %d open dead letters, %d records published and not "
                        + "yet answered; restored hub quiet after %,d ms: platform holds %d students, lost %d, record versions applied "
                        + "twice %d (of %d applications), platform requests %d, answered by item key %d, dead letters open %d retrying %d, "
                        + "on their way %d, runs from before not as expected %d, runs after restore %s; scenario %,d ms%n",
                store, STUDENTS, owed(demo).size(), stopped.exitCode(), stopped.studentsAtPlatform(), backupKb, before.runs().size(),
                before.runs(), before.retrying(), before.open(), before.onTheirWay(), after.quietAfterMs(), epos.students(COLLEGE).size(),
                after.lost().size(), after.appliedTwice(), applications.path("applications").asInt(-1), epos.faults().requests(),
                epos.replayedRequests(), after.openLetters(), after.retryingLetters(), after.onTheirWay(), after.historyMismatches().size(),
                runsAfter, (System.nanoTime() - startedNanos) / 1_000_000);

        // the backup held a half-done sync: something at the platform, something retrying, something on the broker
        assertThat(stopped.exitCode()).as("the original hub stopped by itself on SIGTERM (143), not by kill -9").isEqualTo(143);
        assertThat(stopped.studentsAtPlatform()).as("students at the platform when the hub was stopped").isBetween(1, owed(demo).size() - 1);
        assertThat(before.retrying()).as("records kept for automatic retry in the backup").isPositive();
        assertThat(before.onTheirWay()).as("records published and not yet answered in the backup").isPositive();
        assertThat(before.runs()).as("runs in the backup").isNotEmpty();

        assertThat(after.lost()).as("owed students not at the platform after the restore").isEmpty();
        assertThat(after.appliedTwice()).as("record versions the platform applied twice, by its own counter").isZero();
        assertThat(after.historyMismatches()).as("runs from before the backup, as the restored hub shows them").isEmpty();
        assertThat(after.openLetters()).as("dead letters left for an operator").isZero();
        assertThat(after.retryingLetters()).as("records still retrying").isZero();
        assertThat(after.onTheirWay()).as("records still on their way").isZero();
        assertThat(runsAfter).as("the restored hub sent the rest by itself (automatic retry or the rest of the interrupted run)").isNotEmpty();
    }

    /** Waits until every owed student is at the platform, nothing is owed or open, and the platform applied nothing for 3 s. */
    private void awaitQuiet(ChildHub hub, int owed) {
        long[] lastApplied = {-1};
        int[] stillFor = {0};
        try {
            Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(1000)).until(() -> {
                long applied = ChildHub.applications(simulators(), epos.description().base()).path("applications").asLong(-1);
                stillFor[0] = applied == lastApplied[0] ? stillFor[0] + 1 : 0;
                lastApplied[0] = applied;
                if (epos.students(COLLEGE).size() < owed || stillFor[0] < 3) {
                    return false;
                }
                JsonNode letters = hub.get("/api/dead-letters/counts?college=" + COLLEGE);
                JsonNode inFlight = hub.get("/api/colleges/" + COLLEGE + "/in-flight");
                JsonNode run = hub.latestRun(COLLEGE, "contingent");
                return letters != null && letters.path("open").asInt(-1) == 0 && letters.path("retrying").asInt(-1) == 0
                        && inFlight != null && inFlight.path("total").asInt(-1) == 0 && inFlight.path("openRuns").asInt(-1) == 0
                        && run != null && !run.path("finishedAt").isNull() && !run.path("finishedAt").isMissingNode();
            });
        } catch (ConditionTimeoutException e) {
            // say what is still owed, not only that time ran out
            throw new AssertionError("the restored hub did not deliver what was owed: platform holds " + epos.students(COLLEGE).size()
                    + " of " + owed + " students, dead letters " + hub.get("/api/dead-letters/counts?college=" + COLLEGE)
                    + ", on their way " + hub.get("/api/colleges/" + COLLEGE + "/in-flight"), e);
        }
    }

    /** One college, no source faults; the platform takes a few requests and then answers 503 until cleared. */
    private DemoCollege seed() {
        DemoCollege demo = DemoContingent.generate(OGRN, STUDENTS, 4, 31, 3);
        demo.groups().forEach(group -> contingent.putGroup(OGRN, group));
        demo.students().forEach(student -> contingent.putStudent(OGRN, student));
        demo.movements().forEach(movement -> contingent.addMovement(OGRN, movement));
        epos.faults().failAfter(REQUESTS_BEFORE_OUTAGE, 503);
        contingent.faults().resetCounters();
        epos.faults().resetCounters();
        return demo;
    }

    /**
     * The hub's own settings in ./config/application.yml of its working directory, where an IT person keeps them: the
     * backup must carry them (without them the test profile turns automatic retry off and the owed records would stay
     * for an operator).
     */
    private static void writeConfig(Path workingDirectory) throws IOException {
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/application.yml"), """
                spo:
                  delivery:
                    give-up-after: 1h
                    retry-every: 500ms
                    retry-first: 500ms
                    retry-max: 2s
                """, StandardCharsets.UTF_8);
    }

    /** Small batches and short in-memory retries: many batches queue on the broker behind the failing one. */
    private static List<String> arguments(List<String> store) {
        List<String> arguments = new ArrayList<>(store);
        arguments.addAll(List.of("--spo.colleges.test-college.targets.epos.batch-limit=5",
                "--spo.delivery.max-attempts=2", "--spo.delivery.initial-delay=100ms", "--spo.delivery.max-delay=200ms"));
        return arguments;
    }

    private static int letters(JdbcTemplate store, String status) {
        return store.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE college_id = ? AND status = ?", Integer.class, COLLEGE, status);
    }

    /** Published and not yet answered, the same count as the hub's in-flight view. */
    private static int onTheirWay(JdbcTemplate store) {
        return store.queryForObject("SELECT COUNT(*) FROM sync_state s JOIN canonical_record c ON c.college_id = s.college_id "
                + "AND c.entity_type = s.entity_type AND c.entity_key = s.entity_key WHERE s.college_id = ? "
                + "AND s.published_hash = c.content_hash AND (s.delivered_hash IS NULL OR s.delivered_hash <> c.content_hash) "
                + "AND (s.rejected_hash IS NULL OR s.rejected_hash <> c.content_hash)", Integer.class, COLLEGE);
    }

    private static Map<String, Long> runsSince(JdbcTemplate store, long lastRunBefore) {
        Map<String, Long> runs = new LinkedHashMap<>();
        store.query("SELECT run_trigger, status, COUNT(*) FROM sync_run WHERE id > ? GROUP BY run_trigger, status ORDER BY run_trigger, status",
                row -> {
                    runs.put(row.getString(1) + " " + row.getString(2), row.getLong(3));
                }, lastRunBefore);
        return runs;
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

    /** Reads a stopped hub's H2 store and closes it again, so that the files can be copied or deleted. */
    private static <T> T withH2(Path workingDirectory, Function<JdbcTemplate, T> read) {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + workingDirectory.resolve("data/spo-bridge"), "spo", "")) {
            return read.apply(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a command-line tool runs here at all. */
    private static boolean runs(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command of the procedure; its output goes to the log, and it must succeed. */
    private static void command(File log, String... command) {
        try {
            Files.writeString(log.toPath(), "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish in 120 s");
            }
            assertThat(process.exitValue()).as("%s exit code (output in %s)", String.join(" ", command), log).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sizeKb(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum() / 1024;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String simulators() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    /** A PostgreSQL server of its own (an embedded one from zonky) on a port and data folder of its own. */
    private static final class Postgres implements AutoCloseable {
        private final int port = ChildHub.freePort();
        private final EmbeddedPostgres server;

        Postgres(Path data) throws IOException {
            server = EmbeddedPostgres.builder().setDataDirectory(data.toFile()).setCleanDataDirectory(false).setPort(port).start();
        }

        String port() {
            return Integer.toString(port);
        }

        JdbcTemplate superuser() {
            return new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", ""));
        }

        JdbcTemplate spo() {
            return new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/spo", "spo", DB_PASSWORD));
        }

        List<String> hubArguments() {
            return List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/spo",
                    "--spring.datasource.username=spo", "--spring.datasource.password=" + DB_PASSWORD);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
