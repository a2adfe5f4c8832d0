package ru.spobridge.routes.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.stubbing.Answer;
import org.springframework.beans.factory.ObjectProvider;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.mappings.staff.StaffOrderRecord;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.flow.CollegeRoute;
import ru.spobridge.routes.flow.CollegeRouteTemplates;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.FlowRuns;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The staff routes on a plain Camel context with the kernel's error policy and run lifecycle; the steps are mocks,
 * the publish route a mock endpoint. What is shown is the route: its steps, their order, retries and failures.
 */
class StaffRoutesTest {

    private static final String COLLEGE = "college-1";
    private static final long RUN = 42L;
    private static final Instant NOW = Instant.parse("2027-03-10T05:00:00Z");
    private static final Instant NEXT_MIDNIGHT = Instant.parse("2027-03-10T19:00:00Z");
    private static final int READ_ATTEMPTS = 3;

    private final SyncRuns syncRuns = mock(SyncRuns.class);
    private final StaffSources sources = mock(StaffSources.class);
    private final StaffFiles files = mock(StaffFiles.class);
    private final StaffIntake intake = mock(StaffIntake.class);
    private final StaffProvisioner provisioner = mock(StaffProvisioner.class);
    private final StaffSchedule schedule = mock(StaffSchedule.class);
    private final List<String> steps = new CopyOnWriteArrayList<>();

    private DefaultCamelContext camel;
    private ProducerTemplate producer;
    private MockEndpoint published;

    @BeforeEach
    void start_the_staff_routes() throws Exception {
        FlowRuns runs = new FlowRuns(syncRuns, flows());
        camel = new DefaultCamelContext();
        camel.addRoutes(new FlowErrorPolicy(properties(), runs));
        camel.addRoutes(new CollegeRouteTemplates());
        camel.addRoutes(new StaffRoutes(Clock.fixed(NOW, ZoneOffset.UTC), runs, sources, files, intake, new StaffRunSteps(runs, syncRuns), provisioner,
                schedule));
        AdviceWith.adviceWith(camel, "staff-refresh", route -> route.weaveByToUri(PublishRoute.ENTRY).replace().to("mock:publish"));
        camel.start();
        producer = camel.createProducerTemplate();
        published = camel.getEndpoint("mock:publish", MockEndpoint.class);
        published.whenAnyExchangeReceived(exchange -> steps.add("publish"));
        when(syncRuns.start(COLLEGE, StaffIntake.FLOW, "schedule")).thenReturn(RUN);
        when(syncRuns.start(COLLEGE, StaffIntake.FLOW, "file")).thenReturn(RUN);
    }

    @AfterEach
    void stop_camel() {
        camel.stop();
    }

    @Test
    void a_zup_read_goes_through_intake_cursor_refresh_and_publish_in_that_order() throws Exception {
        List<StaffOrderRecord> read = List.of(hire("ord-1"));
        when(sources.firstRead(COLLEGE)).thenReturn(false);
        when(sources.readZup(COLLEGE)).thenAnswer(step("zup read", read));
        when(intake.acceptOrders(COLLEGE, read, RUN, false)).thenAnswer(step("intake", new StaffIntake.Summary(1, 1, 0)));
        doAnswer(step("cursor advanced", null)).when(sources).advanceCursor(COLLEGE, NOW);
        when(provisioner.refresh(COLLEGE)).thenAnswer(step("refresh", List.of(NEXT_MIDNIGHT)));
        doAnswer(step("scheduled", null)).when(schedule).schedule(COLLEGE, List.of(NEXT_MIDNIGHT));
        published.expectedMessageCount(1);
        published.expectedHeaderReceived(FlowHeaders.RUN, RUN);
        published.expectedHeaderReceived(FlowHeaders.FLOW, StaffIntake.FLOW);
        published.expectedHeaderReceived(FlowHeaders.COLLEGE, COLLEGE);

        runZup();

        assertThat(steps).containsExactly("zup read", "intake", "cursor advanced", "refresh", "scheduled", "publish");
        published.assertIsSatisfied();
        verify(syncRuns).readFinished(RUN, false, 1, 0, 1, 0);
        verify(syncRuns, never()).failed(anyLong(), anyString());
    }

    @Test
    void a_transient_zup_failure_is_retried_then_the_run_fails_and_nothing_is_published() throws Exception {
        when(sources.firstRead(COLLEGE)).thenReturn(false);
        when(sources.readZup(COLLEGE)).thenThrow(new TransientTargetException(503, "HTTP_503", null, "1С:ЗУП ответил 503", null));

        runZup();

        verify(sources, times(READ_ATTEMPTS)).readZup(COLLEGE);
        verify(syncRuns, times(1)).failed(RUN, "1С:ЗУП ответил 503");
        verify(intake, never()).acceptOrders(anyString(), anyList(), anyLong(), anyBoolean());
        verify(sources, never()).advanceCursor(anyString(), any());
        verify(provisioner, never()).refresh(anyString());
        assertThat(published.getReceivedCounter()).isZero();
    }

    @Test
    void a_failing_intake_marks_the_run_failed_once_without_retry_and_keeps_the_cursor() throws Exception {
        List<StaffOrderRecord> read = List.of(hire("ord-1"));
        when(sources.firstRead(COLLEGE)).thenReturn(true);
        when(sources.readZup(COLLEGE)).thenReturn(read);
        when(intake.acceptOrders(COLLEGE, read, RUN, true)).thenThrow(new IllegalStateException("база недоступна"));

        runZup();

        verify(intake, times(1)).acceptOrders(COLLEGE, read, RUN, true);
        verify(syncRuns, times(1)).failed(RUN, "база недоступна");
        verify(syncRuns, never()).readFinished(anyLong(), anyBoolean(), anyInt(), anyInt(), anyInt(), anyInt());
        verify(sources, never()).advanceCursor(anyString(), any());
        assertThat(published.getReceivedCounter()).isZero();
    }

    @Test
    void a_file_in_the_college_inbox_is_accepted_then_refreshed_and_published(@TempDir Path inbox) throws Exception {
        byte[] content = "order_id;kind\n".getBytes(StandardCharsets.UTF_8);
        when(files.accept(COLLEGE, "orders.csv", content, RUN)).thenAnswer(step("accept", new StaffIntake.Summary(2, 1, 1)));
        when(provisioner.refresh(COLLEGE)).thenAnswer(step("refresh", List.of()));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("staff-inbox-" + COLLEGE).whenDone(1).create();
        startInbox(inbox);

        Files.write(inbox.resolve("orders.csv"), content);

        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(steps).containsExactly("accept", "refresh", "publish");
        verify(syncRuns).readFinished(RUN, false, 2, 0, 1, 1);
        verify(syncRuns, never()).failed(anyLong(), anyString());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(inbox.resolve(".done")).isDirectoryContaining("glob:**orders.csv"));
    }

    @Test
    void a_file_refused_as_a_whole_is_neither_refreshed_nor_published(@TempDir Path inbox) throws Exception {
        byte[] content = "a;b;c\n".getBytes(StandardCharsets.UTF_8);
        when(files.accept(COLLEGE, "orders.csv", content, RUN)).thenAnswer(step("accept", new StaffIntake.Summary(0, 0, 1, 0, true)));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("staff-inbox-" + COLLEGE).whenDone(1).create();
        startInbox(inbox);

        Files.write(inbox.resolve("orders.csv"), content);

        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(steps).containsExactly("accept");
        verify(syncRuns).readFinished(RUN, false, 0, 0, 0, 1);
        verify(provisioner, never()).refresh(anyString());
        verify(syncRuns, never()).failed(anyLong(), anyString());
    }

    private void runZup() {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("staff-zup").whenDone(1).create();
        producer.asyncRequestBodyAndHeaders(StaffRoutes.ZUP, null, Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.TRIGGER, "schedule"));
        assertThat(done.matches(10, TimeUnit.SECONDS)).as("the zup run ended").isTrue();
    }

    private void startInbox(Path inbox) throws Exception {
        CollegeRoute route = CollegeRoute.inbox("staff-inbox-" + COLLEGE, COLLEGE, inbox.toString(), "(?i).*\\.(xml|csv)", StaffRoutes.FILE);
        TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(camel, route.templateId()).routeId(route.routeId());
        route.parameters().forEach(builder::parameter);
        builder.add();
    }

    private <T> Answer<T> step(String name, T result) {
        return invocation -> {
            steps.add(name);
            return result;
        };
    }

    private static StaffOrderRecord hire(String orderId) {
        return new StaffOrderRecord(orderId, "hire", "К-1", "2027-03-01", "2027-03-10", "per-1", "Кадрова", "Анна", null,
                "a@test.example", "+79120005501", "ПРП");
    }

    @SuppressWarnings("unchecked")
    private static ObjectProvider<Flows> flows() {
        ObjectProvider<Flows> provider = mock(ObjectProvider.class);
        when(provider.getObject()).thenReturn(new Flows(List.of(new StaffFlow())));
        return provider;
    }

    private static HubProperties properties() {
        HubProperties properties = mock(HubProperties.class);
        when(properties.delivery()).thenReturn(new HubProperties.DeliverySettings(5, Duration.ofMillis(10), 2.0, Duration.ofMillis(100),
                Duration.ofSeconds(1), READ_ATTEMPTS, Duration.ofMillis(10), 0.0, null, null, null));
        return properties;
    }
}
