package ru.spobridge.routes.schedule;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.FlowRuns;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.store.SyncRuns;

/** The schedule routes on a bare Camel context with the kernel's error policy; steps are mocks, publishing is a mock endpoint. */
class ScheduleRoutesTest {

    private static final String COLLEGE = "test-college";
    private static final long RUN = 41L;
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

    private final SyncRuns syncRuns = mock(SyncRuns.class);
    private final ScheduleImport scheduleImport = mock(ScheduleImport.class);
    private final ScheduleSteps steps = mock(ScheduleSteps.class);
    private DefaultCamelContext camel;
    private MockEndpoint publish;

    @BeforeEach
    void scheduleRoutesOnABareContext() throws Exception {
        when(syncRuns.start(eq(COLLEGE), eq(ScheduleState.FLOW), anyString())).thenReturn(RUN);
        FlowRuns runs = new FlowRuns(syncRuns, new StaticListableBeanFactory(Map.of("flows", new Flows(List.of(new ScheduleFlow()))))
                .getBeanProvider(Flows.class));
        HubProperties properties = new HubProperties(Map.of(), null, new HubProperties.DeliverySettings(0, null, 0, null, null, 3,
                Duration.ofMillis(10), null, null, null, null), null, null, null);
        camel = new DefaultCamelContext();
        camel.addRoutes(new FlowErrorPolicy(properties, runs));
        camel.addRoutes(new ScheduleRoutes(runs, scheduleImport, steps));
        AdviceWith.adviceWith(camel, "schedule-apply", route -> route.weaveByToUri(PublishRoute.ENTRY).replace().to("mock:publish"));
        camel.start();
        publish = camel.getEndpoint("mock:publish", MockEndpoint.class);
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void an_inbox_file_name_gives_the_period_and_its_first_date_starts_the_weeks() {
        byte[] export = "<timetable/>".getBytes(StandardCharsets.UTF_8);
        when(scheduleImport.read(any(), any(), any(), any(), any(), any(), anyInt())).thenReturn(week(1));

        runThrough("schedule-inbox", ScheduleRoutes.INBOX, export, Map.of(Exchange.FILE_NAME, "расписание_2026-09-07_2026-09-13.xml"));

        verify(scheduleImport).read(COLLEGE, "расписание_2026-09-07_2026-09-13.xml", export, MONDAY, MONDAY.plusDays(6), MONDAY, 1);
    }

    @Test
    void a_file_refused_as_corrupt_is_neither_held_nor_applied() {
        ScheduleSnapshot corrupt = ScheduleSnapshot.refused(COLLEGE, "week.xml", MONDAY, MONDAY.plusDays(6),
                new ru.spobridge.model.RecordError("week.xml", "-", "MALFORMED_XML", "Файл отклонён как повреждённый (строка 1, столбец 4)"));
        when(scheduleImport.read(any(), any(), any(), any(), any(), any(), anyInt())).thenReturn(corrupt);

        runThrough("schedule-asc", ScheduleRoutes.ASC, new byte[] {0, 0, 0}, period());

        verify(steps).refuseFile(corrupt, RUN);
        verify(steps, never()).holdIfUnsafe(any(), anyLong());
        verify(steps, never()).applyImport(any(), anyLong());
        assertThat(publish.getReceivedCounter()).isZero();
    }

    @Test
    void an_unsafe_import_is_held_and_nothing_is_applied_or_published() {
        ScheduleSnapshot empty = week(0);
        when(scheduleImport.read(any(), any(), any(), any(), any(), any(), anyInt())).thenReturn(empty);
        when(steps.holdIfUnsafe(empty, RUN)).thenReturn(true);

        runThrough("schedule-asc", ScheduleRoutes.ASC, new byte[0], period());

        verify(steps).holdIfUnsafe(empty, RUN);
        verify(steps, never()).applyImport(any(), anyLong());
        verify(syncRuns, never()).failed(anyLong(), any());
        assertThat(publish.getReceivedCounter()).isZero();
    }

    @Test
    void a_safe_import_is_applied_then_published_as_one_run() {
        ScheduleSnapshot snapshot = week(3);
        when(scheduleImport.read(any(), any(), any(), any(), any(), any(), anyInt())).thenReturn(snapshot);

        runThrough("schedule-asc", ScheduleRoutes.ASC, new byte[0], period());

        InOrder order = inOrder(scheduleImport, steps);
        order.verify(scheduleImport).read(eq(COLLEGE), eq("week.xml"), any(), eq(MONDAY), eq(MONDAY.plusDays(6)), eq(MONDAY), eq(1));
        order.verify(steps).holdIfUnsafe(snapshot, RUN);
        order.verify(steps).applyImport(snapshot, RUN);
        assertThat(publish.getReceivedExchanges()).singleElement().satisfies(published -> {
            assertThat(published.getIn().getHeader(FlowHeaders.RUN)).isEqualTo(RUN);
            assertThat(published.getIn().getHeader(FlowHeaders.FLOW)).isEqualTo(ScheduleState.FLOW);
            assertThat(published.getIn().getBody()).isSameAs(snapshot);
        });
        verify(syncRuns, never()).failed(anyLong(), any());
    }

    @Test
    void a_failing_step_marks_the_run_failed_once_and_publishes_nothing() {
        ScheduleSnapshot snapshot = week(3);
        when(scheduleImport.read(any(), any(), any(), any(), any(), any(), anyInt())).thenReturn(snapshot);
        doThrow(new IllegalStateException("база недоступна")).when(steps).applyImport(snapshot, RUN);

        runThrough("schedule-asc", ScheduleRoutes.ASC, new byte[0], period());

        verify(syncRuns, times(1)).failed(RUN, "база недоступна");
        assertThat(publish.getReceivedCounter()).isZero();
    }

    /** Sends a message to an entry without waiting and waits until the route that took it is done with it. */
    private void runThrough(String routeId, String entry, byte[] body, Map<String, Object> extra) {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(routeId).whenDone(1).create();
        Map<String, Object> headers = new HashMap<>(extra);
        headers.put(FlowHeaders.COLLEGE, COLLEGE);
        headers.putIfAbsent(Exchange.FILE_NAME, "week.xml");
        camel.createFluentProducerTemplate().to(entry).withBody(body).withHeaders(headers).asyncSend();
        assertThat(done.matches(5, SECONDS)).as("%s done", routeId).isTrue();
    }

    private static Map<String, Object> period() {
        return Map.of(ScheduleImport.FROM, MONDAY, ScheduleImport.TO, MONDAY.plusDays(6), ScheduleImport.TERM_START, MONDAY);
    }

    private static ScheduleSnapshot week(int lessons) {
        return new ScheduleSnapshot(COLLEGE, "week.xml", MONDAY, MONDAY.plusDays(6), lessons,
                IntStream.rangeClosed(1, lessons).mapToObj(ScheduleRoutesTest::lesson).toList(), List.of());
    }

    private static Lesson lesson(int bell) {
        return new Lesson(COLLEGE, MONDAY, bell, null, null, "ИСП-21", null, "ОП.01", List.of(), null, null, null);
    }
}
