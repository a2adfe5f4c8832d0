package ru.spobridge.routes.marks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.FlowRuns;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.store.SyncRuns;

/** The marks routes on a bare Camel context with the kernel's error policy; steps are mocks, publishing is a mock endpoint. */
class MarksRoutesTest {

    private static final String COLLEGE = "test-college";
    private static final long RUN = 52L;
    private static final int READ_ATTEMPTS = 3;

    private final SyncRuns syncRuns = mock(SyncRuns.class);
    private final MarksSources sources = mock(MarksSources.class);
    private final MarksStatement statement = mock(MarksStatement.class);
    private final MarksSteps steps = mock(MarksSteps.class);
    /** Every step as it is called, publishing included. */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private DefaultCamelContext camel;
    private MockEndpoint publish;

    @BeforeEach
    void marksRoutesOnABareContext() throws Exception {
        when(syncRuns.start(eq(COLLEGE), eq(MarksIntake.FLOW), anyString())).thenReturn(RUN);
        // the pull's steps as the real MarksSteps runs them: every chunk the source hands over is taken in
        doAnswer(call -> {
            Consumer<Consumer<List<JournalChange>>> pull = call.getArgument(2);
            pull.accept(chunk -> {
                calls.add("intake");
                steps.intake(COLLEGE, chunk, RUN);
            });
            return null;
        }).when(steps).takeIn(any(), anyLong(), any());
        doAnswer(call -> calls.add("intake")).when(steps).intake(any(), any(), anyLong(), anyInt());
        doAnswer(call -> calls.add("commitCursor")).when(sources).commitCursor(any());
        FlowRuns runs = new FlowRuns(syncRuns, new StaticListableBeanFactory(Map.of("flows", new Flows(List.of(new MarksFlow()))))
                .getBeanProvider(Flows.class));
        HubProperties properties = new HubProperties(Map.of(), null, new HubProperties.DeliverySettings(0, null, 0, null, null,
                READ_ATTEMPTS, Duration.ofMillis(10), null, null, null, null), null, null, null);
        camel = new DefaultCamelContext();
        camel.addRoutes(new FlowErrorPolicy(properties, runs));
        camel.addRoutes(new MarksRoutes(runs, sources, statement, steps));
        for (String routeId : List.of("marks-pull", "marks-statement")) {
            AdviceWith.adviceWith(camel, routeId, route -> route.weaveByToUri(PublishRoute.ENTRY).replace().to("mock:publish"));
        }
        camel.start();
        publish = camel.getEndpoint("mock:publish", MockEndpoint.class);
        publish.whenAnyExchangeReceived(exchange -> calls.add("publish"));
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void a_pull_takes_the_changes_in_then_commits_the_cursor_then_publishes() {
        List<JournalChange> changes = List.of(mark("m-1"), mark("m-2"));
        doAnswer(call -> {
            calls.add("pull");
            call.<Consumer<List<JournalChange>>>getArgument(1).accept(changes);
            return null;
        }).when(sources).pull(eq(COLLEGE), any());

        runThrough("marks-pull", MarksRoutes.PULL, null, Map.of());

        assertThat(calls).containsExactly("pull", "intake", "commitCursor", "publish");
        verify(steps).intake(COLLEGE, changes, RUN);
        assertThat(publish.getReceivedExchanges()).singleElement().satisfies(published -> {
            assertThat(published.getIn().getHeader(FlowHeaders.RUN)).isEqualTo(RUN);
            assertThat(published.getIn().getHeader(FlowHeaders.FLOW)).isEqualTo(MarksIntake.FLOW);
        });
        verify(syncRuns, never()).failed(anyLong(), any());
    }

    @Test
    void a_journal_failing_transiently_is_retried_then_the_run_fails_and_the_cursor_is_not_committed() {
        doAnswer(call -> {
            calls.add("pull");
            throw new TransientTargetException(503, "UNAVAILABLE", null, "журнал недоступен", null);
        }).when(sources).pull(eq(COLLEGE), any());

        runThrough("marks-pull", MarksRoutes.PULL, null, Map.of());

        assertThat(calls).containsExactly("pull", "pull", "pull");
        verify(sources, times(READ_ATTEMPTS)).pull(eq(COLLEGE), any());
        verify(syncRuns, times(1)).failed(RUN, "журнал недоступен");
        verify(steps, never()).intake(any(), any(), anyLong());
        verify(sources, never()).commitCursor(any());
        assertThat(publish.getReceivedCounter()).isZero();
    }

    @Test
    void a_failing_intake_is_not_retried_and_leaves_the_cursor_where_it_was() {
        doAnswer(call -> {
            call.<Consumer<List<JournalChange>>>getArgument(1).accept(List.of(mark("m-1")));
            return null;
        }).when(sources).pull(eq(COLLEGE), any());
        doAnswer(call -> {
            throw new IllegalStateException("база недоступна");
        }).when(steps).intake(any(), any(), anyLong());

        runThrough("marks-pull", MarksRoutes.PULL, null, Map.of());

        verify(sources, times(1)).pull(eq(COLLEGE), any());
        verify(syncRuns, times(1)).failed(RUN, "база недоступна");
        verify(sources, never()).commitCursor(any());
        assertThat(publish.getReceivedCounter()).isZero();
    }

    @Test
    void a_statement_is_read_then_taken_in_then_published() {
        byte[] file = "студент;дата;отметка\n".getBytes(StandardCharsets.UTF_8);
        List<JournalChange> changes = List.of(mark("m-1"));
        when(statement.read(eq(COLLEGE), eq("ведомость.csv"), eq(file), eq(RUN))).thenAnswer(call -> {
            calls.add("read");
            return new MarksStatement.Read(changes, 2, false);
        });

        runThrough("marks-statement", MarksRoutes.STATEMENT, file, Map.of(Exchange.FILE_NAME, "ведомость.csv"));

        assertThat(calls).containsExactly("read", "intake", "publish");
        verify(steps).intake(COLLEGE, changes, RUN, 2);
        verify(sources, never()).commitCursor(any());
        verify(syncRuns, never()).failed(anyLong(), any());
    }

    @Test
    void a_statement_refused_as_a_whole_is_neither_taken_in_nor_published() {
        byte[] file = "student_id;value\n".getBytes(StandardCharsets.UTF_8);
        when(statement.read(eq(COLLEGE), eq("ведомость.csv"), eq(file), eq(RUN))).thenAnswer(call -> {
            calls.add("read");
            return new MarksStatement.Read(List.of(), 0, true);
        });

        runThrough("marks-statement", MarksRoutes.STATEMENT, file, Map.of(Exchange.FILE_NAME, "ведомость.csv"));

        assertThat(calls).containsExactly("read");
        verify(steps, never()).intake(any(), any(), anyLong(), anyInt());
        assertThat(publish.getReceivedCounter()).isZero();
        verify(syncRuns, never()).failed(anyLong(), any());
    }

    /** Sends a message to an entry without waiting and waits until the route that took it is done with it. */
    private void runThrough(String routeId, String entry, Object body, Map<String, Object> extra) {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(routeId).whenDone(1).create();
        Map<String, Object> headers = new HashMap<>(extra);
        headers.put(FlowHeaders.COLLEGE, COLLEGE);
        headers.put(FlowHeaders.TRIGGER, "schedule");
        camel.createFluentProducerTemplate().to(entry).withBody(body).withHeaders(headers).asyncSend();
        assertThat(done.matches(5, SECONDS)).as("%s done", routeId).isTrue();
    }

    private static JournalChange mark(String id) {
        return new JournalChange(1, "mark", "upsert", id, 1, "stu-9001", "dbg:2026-09-07:1:ИСП-21:ОП.01", "2026-09-07", "1", "ИСП-21",
                "ОП.01", "per-t1", "5", "current", null, false, "2026-09-07T05:00:00Z");
    }
}
