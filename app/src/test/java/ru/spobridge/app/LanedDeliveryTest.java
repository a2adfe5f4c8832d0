package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.spobridge.routes.delivery.LaneSettings;
import ru.spobridge.routes.flow.HeldRunDecisions;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.contingent.wsdl.Movement;

/**
 * A college spread over the bus's lanes: more records than several batches per lane, parents before children across
 * lanes, one student's orders in one lane and in order. A context of its own, with the default four lanes (the suite's
 * profile has one).
 */
@DirtiesContext
@Import(LanedDeliveryTest.OwnPort.class)
class LanedDeliveryTest extends HubIntegrationTest {

    private static final int PORT_OF_THIS_CONTEXT = freePortOfThisContext();
    private static final String SCHEDULER = "spo-bridge-laned-delivery-test";

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnPort {
        @Bean
        WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> portOfThisContext() {
            return factory -> factory.setPort(PORT_OF_THIS_CONTEXT);
        }
    }

    @DynamicPropertySource
    static void fourLanes(DynamicPropertyRegistry registry) {
        registry.add("spo.delivery.lanes.count", () -> "4");
        // the shared context's port is registered by the base class (and wins): the college points at this context's simulators
        String here = "http://127.0.0.1:" + PORT_OF_THIS_CONTEXT;
        registry.add("spo.colleges.test-college.targets.epos.base-url", () -> here + "/epos-sim");
        registry.add("spo.colleges.test-college.contingent.address", () -> here + "/contingent-sim/ws");
        registry.add("spo.colleges.test-college.contingent.token-url", () -> here + "/contingent-sim/integration/v1/token");
        registry.add("spring.artemis.embedded.server-id", () -> "16");
        registry.add("spring.quartz.scheduler-name", () -> SCHEDULER);
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> SCHEDULER);
    }

    private static int freePortOfThisContext() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int STUDENTS = 900;
    private static final int WITH_ORDERS = 300;

    @Autowired
    private LaneSettings lanes;
    @Autowired
    private HeldRunDecisions decisions;

    @Test
    void a_full_sync_over_four_lanes_arrives_complete_with_each_students_orders_in_order() {
        assertThat(lanes.count()).as("a college spread over four lanes").isEqualTo(4);
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putGroup(OGRN, SourceData.group("ИСП-22"));
        List<Movement> movements = new ArrayList<>();
        for (int i = 1; i <= STUDENTS; i++) {
            String student = "stu-7%03d".formatted(i);
            boolean ordered = i <= WITH_ORDERS;
            contingent.putStudent(OGRN, SourceData.student(student, s -> s.getStudy().setGroup(ordered ? "ИСП-22" : "ИСП-21")));
            if (ordered) {
                movements.add(SourceData.movement("mov-7%03d1".formatted(i), student, "academicLeave", "2025-10-01", null));
                movements.add(SourceData.movement("mov-7%03d2".formatted(i), student, "returnFromLeave", "2025-12-01", null));
                movements.add(SourceData.movement("mov-7%03d3".formatted(i), student, "transfer", "2026-01-15", "ИСП-22"));
            }
        }
        Collections.shuffle(movements, new Random(16));
        movements.forEach(movement -> contingent.addMovement(OGRN, movement));

        SyncRuns.Run run = syncAndWait(false);
        if (SyncRuns.HELD.equals(run.status())) {
            assertThat(decisions.approve(run.id(), "tester")).isEqualTo(HeldRunDecisions.Outcome.DONE);
            run = awaitRun(run.id());
        }

        assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(run.deadLetters()).isZero();
        assertThat(run.delivered()).isEqualTo(run.published()).isEqualTo(2 + STUDENTS * 2 + WITH_ORDERS * 3);
        assertThat(epos.groups(COLLEGE)).hasSize(2);
        assertThat(epos.students(COLLEGE)).hasSize(STUDENTS);
        assertThat(epos.guardians(COLLEGE)).hasSize(STUDENTS);
        for (int i = 1; i <= WITH_ORDERS; i++) {
            String student = "stu-7%03d".formatted(i);
            List<String> applied = epos.movements(COLLEGE, student).stream().map(m -> (String) m.get("effective_date")).toList();
            assertThat(applied).as("orders of %s in effective-date order", student).containsExactly("2025-10-01", "2025-12-01", "2026-01-15");
            assertThat(epos.studentStatus(COLLEGE, student)).isEqualTo("active");
        }
        // several batches in every lane: each batch holds one lane's records, within the platform's limit
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_batch WHERE entity_type = 'movement'", Integer.class))
                .isGreaterThanOrEqualTo(2 * lanes.count());
        assertThat(jdbc.queryForObject("SELECT MAX(record_count) FROM delivery_batch", Integer.class)).isLessThanOrEqualTo(200);
    }
}
