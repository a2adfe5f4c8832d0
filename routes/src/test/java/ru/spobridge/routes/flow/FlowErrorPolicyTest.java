package ru.spobridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import ru.spobridge.connectors.common.PermanentTargetException;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.store.SyncRuns;

/** The error policy declared once: a source route retries transient failures, then the run fails once; a kept read is not failed. */
class FlowErrorPolicyTest {

    private static final long RUN = 42;

    private final CamelContext camel = new DefaultCamelContext();
    private final SyncRuns runs = mock(SyncRuns.class);
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger published = new AtomicInteger();
    private final KeepingFlow flow = new KeepingFlow();
    private volatile RuntimeException failure;
    private volatile int failuresLeft;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        HubProperties properties = new HubProperties(null, null,
                new HubProperties.DeliverySettings(5, null, 2.0, null, null, 3, Duration.ofMillis(10), null, null, null, null),
                null, null, null);
        @SuppressWarnings("unchecked")
        ObjectProvider<Flows> flows = mock(ObjectProvider.class);
        when(flows.getObject()).thenReturn(new Flows(List.of(flow)));
        when(runs.start(anyString(), anyString(), anyString())).thenReturn(RUN);
        FlowRuns flowRuns = new FlowRuns(runs, flows);
        camel.addRoutes(new FlowErrorPolicy(properties, flowRuns));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:read").routeId("test-read").routeConfigurationId(FlowErrorPolicy.SOURCE_THEN_STEPS)
                        .setHeader(FlowHeaders.FLOW, constant("test"))
                        .process(flowRuns::start)
                        .process(exchange -> {
                            reads.incrementAndGet();
                            if (failuresLeft-- > 0) {
                                throw failure;
                            }
                        })
                        .process(exchange -> published.incrementAndGet());
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void a_transient_source_failure_is_retried_and_the_run_goes_on() {
        fail(2, new TransientTargetException(503, "UNAVAILABLE", null, "Сервис недоступен", null));

        run();

        assertThat(reads).hasValue(3);
        assertThat(published).hasValue(1);
        verify(runs, never()).failed(anyLong(), anyString());
    }

    @Test
    void a_source_down_for_every_attempt_fails_the_run_once_and_publishes_nothing() {
        fail(10, new TransientTargetException(503, "UNAVAILABLE", null, "Сервис недоступен", null));

        run();

        assertThat(reads).as("read attempts from the policy").hasValue(3);
        assertThat(published).hasValue(0);
        verify(runs, times(1)).failed(eq(RUN), eq("Сервис недоступен"));
    }

    @Test
    void a_step_that_fails_for_good_is_not_retried_and_fails_the_run_once() {
        fail(10, new PermanentTargetException(400, "BAD_REQUEST", "Неверный запрос"));

        run();

        assertThat(reads).hasValue(1);
        assertThat(published).hasValue(0);
        verify(runs, times(1)).failed(eq(RUN), anyString());
        assertThat(flow.ended).containsExactly("college-1/" + RUN);
    }

    @Test
    void a_flow_that_keeps_its_failed_read_is_not_marked_failed() {
        flow.keep = true;
        fail(10, new IllegalStateException("обрыв"));

        run();

        verify(runs, never()).failed(anyLong(), anyString());
        assertThat(flow.kept).containsExactly(RUN);
    }

    private void fail(int times, RuntimeException cause) {
        failuresLeft = times;
        failure = cause;
    }

    private void run() {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("test-read").whenDone(1).create();
        producer.sendBodyAndHeaders("direct:read", null, Map.of(FlowHeaders.COLLEGE, "college-1", FlowHeaders.TRIGGER, "test"));
        assertThat(done.matches(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    private static final class KeepingFlow implements Flow {
        volatile boolean keep;
        final List<Long> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public Set<String> entityTypes() {
            return Set.of();
        }

        @Override
        public boolean keepFailedRun(long runId, String collegeId, Exception cause) {
            if (keep) {
                kept.add(runId);
            }
            return keep;
        }

        @Override
        public void runEnded(String collegeId, Long runId) {
            ended.add(collegeId + "/" + runId);
        }
    }
}
