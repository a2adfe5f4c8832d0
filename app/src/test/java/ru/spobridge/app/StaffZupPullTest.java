package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
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
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.staff.StaffRoutes;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.zup.ZupSimulator;

/**
 * The staff pull from a 1С:ЗУП publication reports what it read in the publication's terms. A context of its own: the
 * shared test profile has no 1С:ЗУП source (a college with one starts its staff runs by a pull).
 */
@DirtiesContext
@Import(StaffZupPullTest.OwnPort.class)
class StaffZupPullTest extends HubIntegrationTest {

    private static final int PORT_OF_THIS_CONTEXT = freePortOfThisContext();
    /** Small pages, so that a pull of a few records takes several. */
    private static final int PAGE_SIZE = 2;

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
    static void zupSource(DynamicPropertyRegistry registry) {
        // the shared context's port wins for server.port: this context's colleges point at its own simulators
        String here = "http://127.0.0.1:" + PORT_OF_THIS_CONTEXT;
        for (String[] college : new String[][] {{"test-college", "epos"}, {"test-sgo", "sgo"}, {"test-aisepo", "aisepo"}}) {
            String prefix = "spo.colleges." + college[0] + ".";
            registry.add(prefix + "targets." + college[1] + ".base-url", () -> here + "/" + college[1] + "-sim");
            registry.add(prefix + "contingent.address", () -> here + "/contingent-sim/ws");
            registry.add(prefix + "contingent.token-url", () -> here + "/contingent-sim/integration/v1/token");
            registry.add(prefix + "marks.journal.address", () -> here + "/journal-sim/api/v1/");
        }
        String zup = "spo.colleges.test-college.staff.zup.";
        registry.add(zup + "address", () -> here + ZupSimulator.BASE + "/" + OGRN + "/odata/standard.odata/");
        registry.add(zup + "user", () -> "hub");
        registry.add(zup + "password", () -> "test-secret");
        registry.add(zup + "page-size", () -> String.valueOf(PAGE_SIZE));
        registry.add(zup + "schedule", () -> "0 0 3 1 1 ? 2099");
        registry.add("spring.artemis.embedded.server-id", () -> "8");
        registry.add("spring.quartz.scheduler-name", () -> "spo-bridge-zup-pull-test");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "spo-bridge-zup-pull-test");
    }

    @Autowired
    private ZupSimulator zup;
    @Autowired
    private ProducerTemplate camel;

    @Test
    void a_pull_counts_the_orders_people_positions_and_pages_it_read() {
        clock.set(Instant.parse("2026-09-01T03:00:00Z"));
        zup.reset();
        zup.addPosition(OGRN, "ПРП", "Преподаватель");
        String first = zup.addPerson(OGRN, "Тестова", "Анна", null, "per-z1@test.spo-college.example", null);
        String second = zup.addPerson(OGRN, "Пробный", "Борис", null, "per-z2@test.spo-college.example", null);
        zup.hire(OGRN, first, "ПРП", "К-1", LocalDateTime.parse("2026-08-25T10:00:00"), LocalDate.parse("2026-08-26"));
        zup.hire(OGRN, second, "ПРП", "К-2", LocalDateTime.parse("2026-08-25T11:00:00"), LocalDate.parse("2026-08-26"));
        zup.dismiss(OGRN, first, "К-3", LocalDateTime.parse("2026-08-28T10:00:00"), LocalDate.parse("2026-08-31"));

        Exchange exchange = camel.request(StaffRoutes.ZUP, ex -> ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, COLLEGE,
                FlowHeaders.TRIGGER, "test")));
        long runId = awaitRun(exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class)).id();

        // pages of two: hires 2 (a full page asks for the next, empty one), transfers 1, dismissals 1,
        // people 2, their names 2, positions 1
        assertThat(runs.get(runId).orElseThrow().sourceCounts()).as("what the pull read, in the publication's terms")
                .isEqualTo(Map.of("приказов", 3, "сотрудников", 2, "должностей", 1, "страниц", 9));
        assertThat(runs.get(runId).orElseThrow().read()).as("every order read is counted by the run too").isEqualTo(3);
    }

    private static int freePortOfThisContext() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
