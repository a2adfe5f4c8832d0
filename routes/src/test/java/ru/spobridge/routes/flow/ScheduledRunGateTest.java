package ru.spobridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.spobridge.model.calendar.WorkingCalendar;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.config.WorkingCalendars;
import ru.spobridge.routes.store.RunPauses;
import ru.spobridge.routes.store.RunPauses.Pause;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The run gate in the per-college templates on a real Quartz scheduler: a closed gate records the fire as skipped and
 * the flow never sees it; a paused inbox leaves its files where they are until the pause ends.
 */
class ScheduledRunGateTest {

    private static final ZoneId NOVOKUZNETSK = ZoneId.of("Asia/Novokuznetsk");

    private final CamelContext camel = new DefaultCamelContext();
    private final List<String> reached = new CopyOnWriteArrayList<>();
    private final Colleges colleges = mock(Colleges.class);
    private final RunPauses pauses = mock(RunPauses.class);
    private final SyncRuns runs = mock(SyncRuns.class);
    private final WorkingCalendars calendars = mock(WorkingCalendars.class);
    private final RunGate gate = new RunGate(colleges, pauses, calendars, runs, Clock.systemUTC());
    private final TestFlow flow = new TestFlow();
    private CollegeRoutes routes;

    @TempDir
    Path inboxes;

    @BeforeEach
    void start() throws Exception {
        when(colleges.known("kuz-demo")).thenReturn(true);
        when(colleges.status("kuz-demo")).thenReturn(Colleges.Status.ACTIVE);
        when(colleges.settings("kuz-demo")).thenReturn(new CollegeSettings("Колледж", null, "1024200000032", NOVOKUZNETSK,
                null, null, null, null, null, null));
        when(calendars.forCollege(anyString())).thenReturn(WorkingCalendar.WEEKENDS_ONLY);
        camel.addRoutes(new CollegeRouteTemplates(gate));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:flow-entry").routeId("flow-entry")
                        .process(exchange -> reached.add(FlowHeaders.college(exchange) + "/" + FlowHeaders.flow(exchange) + "/"
                                + exchange.getIn().getHeader("CamelFileName", "", String.class)));
            }
        });
        camel.start();
        routes = new CollegeRoutes(camel, List.of(flow), true);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void a_closed_gate_records_a_skip_and_never_reaches_the_flow() {
        when(pauses.open("kuz-demo")).thenReturn(List.of(new Pause(1, "kuz-demo", "test", "проверка", "ivanov", Instant.now())));
        flow.cron = onceAt(ZonedDateTime.now(NOVOKUZNETSK).plusSeconds(6));

        routes.apply("kuz-demo", null);

        verify(runs, timeout(15_000)).skipped("kuz-demo", "test", "schedule", "PAUSED: Поток «test» колледжа kuz-demo приостановлен: ivanov, "
                + java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(ZonedDateTime.now(NOVOKUZNETSK)) + ", «проверка»");
        assertThat(reached).isEmpty();
    }

    @Test
    void an_open_gate_lets_the_fire_reach_the_flow_with_its_flow_name() {
        when(pauses.open("kuz-demo")).thenReturn(List.of(new Pause(1, "kuz-demo", "other", "проверка", "ivanov", Instant.now())));
        flow.cron = onceAt(ZonedDateTime.now(NOVOKUZNETSK).plusSeconds(6));

        routes.apply("kuz-demo", null);

        await().atMost(Duration.ofSeconds(15)).until(() -> reached.size() == 1);
        assertThat(reached).containsExactly("kuz-demo/test/");
    }

    @Test
    void an_inbox_of_a_paused_flow_leaves_files_in_place_until_resume() throws Exception {
        Path inbox = inboxes.resolve("kuz-demo");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("orders.csv"), "a;b\n");
        when(pauses.openAll()).thenReturn(List.of(new Pause(1, "kuz-demo", null, "проверка", "ivanov", Instant.now())));
        flow.cron = null;
        flow.inbox = inbox.toString();

        routes.apply("kuz-demo", null);
        verify(pauses, timeout(5_000)).openAll();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);

        assertThat(reached).isEmpty();
        assertThat(inbox.resolve("orders.csv")).as("the file waits in the inbox").exists();
        assertThat(inbox.resolve(".done")).doesNotExist();

        when(pauses.openAll()).thenReturn(List.of());
        gate.resume("kuz-demo", null, "ivanov");

        await().atMost(Duration.ofSeconds(15)).until(() -> reached.size() == 1);
        assertThat(reached).singleElement().asString().startsWith("kuz-demo/").endsWith("/orders.csv");
        verify(runs, org.mockito.Mockito.never()).skipped(anyString(), anyString(), anyString(), startsWith("PAUSED"));
    }

    /** A Quartz cron for one second of one day of one year: fires exactly once. */
    private static String onceAt(ZonedDateTime moment) {
        return moment.getSecond() + " " + moment.getMinute() + " " + moment.getHour() + " " + moment.getDayOfMonth() + " "
                + moment.getMonthValue() + " ? " + moment.getYear();
    }

    private static final class TestFlow implements Flow {
        volatile String cron;
        volatile String inbox;

        @Override
        public String name() {
            return "test";
        }

        @Override
        public Set<String> entityTypes() {
            return Set.of();
        }

        @Override
        public List<CollegeRoute> collegeRoutes(String collegeId, CollegeSettings college, boolean schedules) {
            if (inbox != null) {
                return List.of(CollegeRoute.inbox("test-inbox-" + collegeId, "test", collegeId, inbox, "(?i).*\\.(xml|csv)", "direct:flow-entry"));
            }
            return List.of(CollegeRoute.schedule("test-schedule-" + collegeId, "test", "test", collegeId, cron, NOVOKUZNETSK, "schedule",
                    "direct:flow-entry"));
        }
    }
}
