package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.spobridge.app.console.SyncCommands;
import org.apache.camel.Exchange;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.journal.JournalSimulator;
import ru.spobridge.simulators.contingent.ContingentSimulator;
import ru.spobridge.simulators.epos.EposSimulator;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.aisepo.AisEpoSimulator;
import ru.spobridge.simulators.sgo.SgoSimulator;

/**
 * The whole hub on real parts: a real PostgreSQL started here, embedded Artemis, the simulators over HTTP and
 * SOAP on loopback. One Spring context shared by every test class that extends this; each test starts clean.
 */
@SpringBootTest(classes = {SpoBridgeApplication.class, HubIntegrationTest.TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class HubIntegrationTest {

    /** One clock for the hub and the simulators, movable by tests. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    /** HTTP Basic of the test profile's administrator (spo.security.operators.tester). */
    public static final String TESTER = "Basic dGVzdGVyOnRlc3QtcGFzc3dvcmQ=";
    protected static final String COLLEGE = "test-college";
    protected static final String OGRN = "1025900000015";

    private static final EmbeddedPostgres POSTGRES = startPostgres();
    private static final int PORT = freePort();

    @Autowired
    protected ContingentSimulator contingent;
    @Autowired
    private JournalSimulator journalSimulator;
    @Autowired
    private org.apache.camel.ProducerTemplate archiveCamel;
    @Autowired
    protected EposSimulator epos;
    @Autowired
    protected SgoSimulator sgo;
    @Autowired
    protected AisEpoSimulator aisepo;
    @Autowired
    protected SyncCommands commands;
    @Autowired
    protected SyncRuns runs;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected org.quartz.Scheduler scheduler;

    protected static String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("server.port", () -> PORT);
    }

    @BeforeEach
    void startClean() {
        clock.useSystem();
        try {
            scheduler.clear();
            if (scheduler.isInStandbyMode()) {
                scheduler.start();
            }
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
        for (String table : new String[] {"canonical_record", "sync_state", "sync_run", "rejected_record", "dead_letter",
                "delivery_batch", "source_cursor", "audit_log", "held_run", "reconciliation_report", "staff_sla",
                "run_pause", "code_table_entry", "code_table_change", "asc_unmatched"}) {
            jdbc.execute("DELETE FROM " + table);
        }
        contingent.reset();
        contingent.faults().clear();
        journalSimulator.reset(); // a probe or pull of one test class must not find the journal of another
        for (PlatformSimulator platform : new PlatformSimulator[] {epos, sgo, aisepo}) {
            platform.reset();
            platform.faults().clear();
            platform.clearRejections();
        }
    }

    /** For archive tests: a student of ИСП-21 with a current mark, a final mark, an absence and a lesson's topic in December 2026, pulled by the marks flow. */
    protected void archiveJournalOfDecember() {
        clock.set(Instant.parse("2026-12-26T06:00:00Z"));
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-9001", s -> s.getGuardian().clear()));
        syncAndWait(false);
        Instant given = Instant.parse("2026-12-25T05:00:00Z");
        journalSimulator.putMark(COLLEGE, "m-cur", "stu-9001", "dbg:2026-12-01:1:ИСП-21:ОП.01", "4", "current", "per-t1", given);
        journalSimulator.putMark(COLLEGE, "m-fin", "stu-9001", "dbg:2026-12-25:1:ИСП-21:ОП.01", "зач", "attestation", "per-t1", given);
        journalSimulator.putAttendance(COLLEGE, "a-1", "stu-9001", "dbg:2026-12-01:2:ИСП-21:ОП.01", "УП", false, "per-t1", given);
        journalSimulator.putLessonEntry(COLLEGE, "dbg:2026-12-01:1:ИСП-21:ОП.01", "per-t1",
                new JournalSimulator.LessonNote(1, "Введение в специальность", null, "§1"), Instant.parse("2026-12-01T06:00:00Z"));
        Exchange pull = archiveCamel.request(MarksRoutes.PULL, ex -> ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.TRIGGER, "test")));
        assertThat(awaitRun(pull.getMessage().getHeader(FlowHeaders.RUN, Long.class)).status()).isEqualTo(SyncRuns.COMPLETED);
    }

    /** Runs a contingent sync and waits until every published record has an outcome. */
    protected SyncRuns.Run syncAndWait(boolean full) {
        return syncAndWait(COLLEGE, full);
    }

    protected SyncRuns.Run syncAndWait(String college, boolean full) {
        Long runId = commands.runContingent(college, full, "test");
        if (runId == null) {
            throw new IllegalStateException("run was not started");
        }
        return awaitRun(runId);
    }

    /** Waits until every published record has an outcome, or the run is held for an operator. */
    protected SyncRuns.Run awaitRun(long runId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> runs.get(runId).map(run -> run.finished() || SyncRuns.HELD.equals(run.status())).orElse(false));
        return runs.get(runId).orElseThrow();
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is under target/
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
