package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Transient faults need no operator: with the horizon on, records not delivered for a transient reason are kept as
 * RETRYING and sent again by the hub itself until they arrive; only past the horizon are they an operator's.
 * A context of its own (automatic retry is off in the shared test profile), beside the shared one in this JVM.
 */
@DirtiesContext
@Import(AutomaticRetryTest.OwnPort.class)
class AutomaticRetryTest extends HubIntegrationTest {

    private static final int PORT_OF_THIS_CONTEXT = freePortOfThisContext();

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnPort {
        @Bean
        WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> portOfThisContext() {
            return new WebServerFactoryCustomizer<>() {
                @Override
                public void customize(ConfigurableServletWebServerFactory factory) {
                    factory.setPort(PORT_OF_THIS_CONTEXT);
                }
            };
        }
    }

    @DynamicPropertySource
    static void automaticRetry(DynamicPropertyRegistry registry) {
        // the shared context's port is registered by the base class (and wins): this context listens elsewhere and its
        // colleges point at its own simulators
        String here = "http://127.0.0.1:" + PORT_OF_THIS_CONTEXT;
        for (String[] college : new String[][] {{"test-college", "epos"}, {"test-sgo", "sgo"}, {"test-aisepo", "aisepo"}}) {
            String prefix = "spo.colleges." + college[0] + ".";
            registry.add(prefix + "targets." + college[1] + ".base-url", () -> here + "/" + college[1] + "-sim");
            registry.add(prefix + "contingent.address", () -> here + "/contingent-sim/ws");
            registry.add(prefix + "contingent.token-url", () -> here + "/contingent-sim/integration/v1/token");
            registry.add(prefix + "marks.journal.address", () -> here + "/journal-sim/api/v1/");
        }
        registry.add("spring.artemis.embedded.server-id", () -> "5");
        registry.add("spring.quartz.scheduler-name", () -> "spo-bridge-retry-test");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "spo-bridge-retry-test");
        for (String prefix : new String[] {"spo.delivery.", "spo.target-delivery.sgo.", "spo.target-delivery.aisepo."}) {
            registry.add(prefix + "give-up-after", () -> "1h");
            registry.add(prefix + "retry-first", () -> "200ms");
            registry.add(prefix + "retry-max", () -> "1s");
        }
        registry.add("spo.delivery.retry-every", () -> "200ms");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private ru.spobridge.routes.store.DeadLetters deadLetters;

    @Test
    void a_letter_left_by_a_second_copy_of_a_batch_after_the_first_was_delivered_is_closed_by_itself() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-5901", s -> s.getGuardian().clear()));
        syncAndWait(false);
        String delivered = jdbc.queryForObject("SELECT delivered_hash FROM sync_state WHERE college_id = ? AND entity_key = 'stu-5901'",
                String.class, COLLEGE);
        // what the 20,000-student outside check left: the same version in two batches, one delivered, the other refused
        // by an open circuit afterwards — a RETRYING letter for a version that is no longer due and so never re-sent
        deadLetters.store(COLLEGE, "contingent", "epos", "student", "spo-second-copy",
                java.util.List.of(new ru.spobridge.routes.store.DeadLetters.Letter("stu-5901", delivered, "{}", "С. К.")),
                "CIRCUIT_OPEN", "Платформа отключена предохранителем", 1, null,
                java.util.Map.of("stu-5901", new ru.spobridge.routes.store.DeadLetters.Retry(Instant.now().plusSeconds(3600), Instant.now(), 0)));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM dead_letter WHERE status = 'RETRYING'", Integer.class) == 0);
        assertThat(jdbc.queryForObject("SELECT resolution FROM dead_letter WHERE idempotency_key = 'spo-second-copy'", String.class))
                .isEqualTo("уже доставлено другим пакетом");
    }

    @Test
    void a_platform_down_for_a_while_gets_every_record_once_it_recovers_with_no_operator_action() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 12; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-5%03d".formatted(i), s -> { }));
        }
        epos.faults().failAlways(503);

        SyncRuns.Run failed = syncAndWait(false);

        assertThat(failed.deadLetters()).as("1 group, 12 students, 12 guardians not delivered yet").isEqualTo(25);
        assertThat(count("OPEN")).as("not an operator's matter").isZero();
        assertThat(count("RETRYING")).isEqualTo(25);
        assertThat(console("/api/dead-letters/counts?college=" + COLLEGE)).isEqualTo("{\"open\":0,\"retrying\":25}");
        assertThat(console("/api/dead-letters?status=RETRYING&limit=1")).contains("\"entityType\":\"group\"");
        assertThat(console("/api/dead-letters")).isEqualTo("[]");
        await().atMost(Duration.ofSeconds(20)).until(() -> automaticRuns() >= 2);

        epos.faults().clear();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> epos.students(COLLEGE).size() == 12 && count("RETRYING") == 0);
        assertThat(count("OPEN")).isZero();
        for (int i = 1; i <= 12; i++) {
            assertThat(epos.deliveries(COLLEGE, "stu-5%03d".formatted(i))).as("applications of record %d", i).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("SELECT action FROM audit_log", String.class)).as("no operator action, nobody told").isEmpty();
        System.out.printf("automatic retry figures: %d automatic runs, %d records delivered, 0 dead letters for an operator%n",
                automaticRuns(), epos.students(COLLEGE).size() + epos.groups(COLLEGE).size());
    }

    @Test
    void a_token_refused_again_after_signing_in_anew_is_retried_by_the_hub_until_it_is_accepted() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-5101", s -> s.getGuardian().clear()));
        syncAndWait(false);
        contingent.putStudent(OGRN, SourceData.student("stu-5102", s -> s.getGuardian().clear()));
        // every one of the batch's three attempts: 401, a fresh token, 401 again
        epos.faults().failNext(6, 401);

        SyncRuns.Run refused = syncAndWait(false);

        assertThat(refused.deadLetters()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT error_code FROM dead_letter", String.class)).startsWith("AUTH_FAILED");
        assertThat(count("OPEN")).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> epos.students(COLLEGE).containsKey("stu-5102") && count("RETRYING") == 0);
        assertThat(count("OPEN")).isZero();
        assertThat(epos.deliveries(COLLEGE, "stu-5102")).isEqualTo(1);
    }

    @Test
    void a_student_refused_for_an_unknown_group_goes_by_itself_once_the_group_is_delivered() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 3; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-52%02d".formatted(i), s -> s.getGuardian().clear()));
        }
        // the group batch fails all three attempts; the students go next and the platform knows no such group
        epos.faults().failNext(3, 503);

        syncAndWait(false);

        assertThat(jdbc.queryForList("SELECT DISTINCT error_code FROM dead_letter", String.class)).contains("DEPENDENCY_NOT_MET");
        assertThat(count("OPEN")).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> epos.students(COLLEGE).size() == 3 && count("RETRYING") == 0);
        assertThat(epos.groups(COLLEGE)).hasSize(1);
        assertThat(count("OPEN")).isZero();
    }

    @Test
    void a_record_still_failing_past_the_horizon_becomes_a_dead_letter_and_the_operator_is_told() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-5301", s -> s.getGuardian().clear()));
        epos.faults().failAlways(503);
        syncAndWait(false);
        assertThat(count("RETRYING")).isEqualTo(2);

        clock.set(Instant.now().plus(Duration.ofHours(2)));

        await().atMost(Duration.ofSeconds(10)).until(() -> count("OPEN") == 2);
        assertThat(count("RETRYING")).isZero();
        assertThat(jdbc.queryForList("SELECT action FROM audit_log", String.class)).containsExactly("DEAD_LETTER_GAVE_UP");
        assertThat(jdbc.queryForObject("SELECT details FROM audit_log", String.class)).startsWith("2 записей").doesNotContain("Проверкина");
    }

    @Test
    void while_a_platform_circuit_is_open_its_records_wait_for_it_instead_of_calling_it_and_go_once_it_closes() {
        String ogrn = "1024200000032";
        contingent.putGroup(ogrn, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 20; i++) {
            contingent.putStudent(ogrn, SourceData.student("stu-54%02d".formatted(i), s -> { }));
        }
        aisepo.faults().failAlways(503);

        SyncRuns.Run down = syncAndWait("test-aisepo", false);

        long callsWhileDown = aisepo.faults().requests();
        assertThat(down.deadLetters()).isPositive();
        assertThat(count("OPEN")).isZero();
        Instant latestNext = jdbc.queryForObject("SELECT MAX(next_attempt_at) FROM dead_letter WHERE status = 'RETRYING' "
                + "AND error_code = 'CIRCUIT_OPEN'", java.sql.Timestamp.class).toInstant();
        assertThat(Duration.between(Instant.now(), latestNext)).as("waits for the circuit (open 2 s), not for its own backoff")
                .isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(callsWhileDown).as("four failures open the circuit; the rest wait without calling").isLessThan(3L * 3);

        aisepo.faults().clear();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> aisepo.students("test-aisepo").size() == 20 && count("RETRYING") == 0);
        assertThat(count("OPEN")).isZero();
        System.out.printf("open circuit figures: %d calls while the platform was down, %d automatic runs, 20 of 20 delivered%n",
                callsWhileDown, automaticRuns());
    }

    /** What a test left in flight (batches retried in memory, letters retrying) ends before the next test starts clean. */
    @AfterEach
    void letTheRetriesEnd() {
        clock.useSystem();
        epos.faults().clear();
        aisepo.faults().clear();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> count("RETRYING") == 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM sync_run WHERE finished_at IS NULL", Integer.class) == 0);
    }

    private int count(String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = ?", Integer.class, status);
    }

    private int automaticRuns() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sync_run WHERE run_trigger = 'automatic-retry'", Integer.class);
    }

    private static String console(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + PORT_OF_THIS_CONTEXT + path)).header("Authorization", HubIntegrationTest.TESTER).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePortOfThisContext() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
