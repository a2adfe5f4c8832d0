package ru.spobridge.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.spobridge.connectors.common.BatchResult;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.store.PendingRecord;
import ru.spobridge.routes.store.StoreStatistics;

/**
 * The publish route on a bare Camel context, the store behind a mocked publisher: each batch is formed (committed)
 * only after the one before it went to the bus, and the run's totals are recorded once all are sent.
 */
class PublishRouteStreamingTest {

    private static final String COLLEGE = "c-1";
    private static final long RUN = 7L;

    private final ChangePublisher publisher = mock(ChangePublisher.class);
    private final StoreStatistics statistics = mock(StoreStatistics.class);
    /** Formed and sent batches, in the order it happened. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private DefaultCamelContext camel;

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void each_batch_is_formed_only_after_the_one_before_it_is_on_the_bus() throws Exception {
        MockEndpoint bus = publishThrough(new Lanes(new LaneSettings(1, null, null), new CanonicalJson()),
                List.of("stu-1", "stu-2", "stu-3", "stu-4", "stu-5"));

        assertThat(events).containsExactly("formed [stu-1, stu-2]", "sent [stu-1, stu-2]", "formed [stu-3, stu-4]", "sent [stu-3, stu-4]",
                "formed [stu-5]", "sent [stu-5]");
        assertThat(bus.getReceivedExchanges()).allSatisfy(sent -> {
            assertThat(sent.getIn().getHeader("JMSXGroupID")).isEqualTo(COLLEGE);
            assertThat(sent.getIn().getHeader("kafka.KEY")).isEqualTo(COLLEGE);
        });
        verify(publisher).finish(eq(RUN), any(int[].class), eq(5), eq(false));
        verify(statistics).afterWrite(5);
    }

    @Test
    void with_lanes_each_batch_holds_one_lane_and_carries_it_as_its_group() throws Exception {
        Lanes lanes = new Lanes(new LaneSettings(4, null, null), new CanonicalJson());
        List<String> students = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "stu-" + i).toList();

        MockEndpoint bus = publishThrough(lanes, students);

        assertThat(bus.getReceivedExchanges()).allSatisfy(sent -> {
            DeliveryBatch batch = new BatchCodec(new CanonicalJson()).decode(sent.getIn().getBody());
            assertThat(batch.items()).extracting(item -> Lanes.lane(item.entityKey(), 4)).containsOnly(lanes.of(batch));
            assertThat(sent.getIn().getHeader("JMSXGroupID")).isEqualTo(COLLEGE + "|" + lanes.of(batch));
        });
        assertThat(bus.getReceivedExchanges().stream().map(sent -> sent.getIn().getHeader("JMSXGroupID")).distinct()).hasSize(4);
        verify(publisher).finish(eq(RUN), any(int[].class), eq(20), eq(false));
    }

    @Test
    void with_lanes_the_students_wait_until_the_last_group_batch_is_sent_and_answered() throws Exception {
        publishThrough(new Lanes(new LaneSettings(4, null, null), new CanonicalJson()),
                Map.of("group", List.of("g-1", "g-2", "g-3"), "student", List.of("stu-4")));

        assertThat(events).containsExactly("formed [g-1, g-2]", "sent [g-1, g-2]", "formed [g-3]", "sent [g-3]",
                "awaited group", "formed [stu-4]", "sent [stu-4]");
    }

    @Test
    void with_one_lane_nothing_is_awaited() throws Exception {
        publishThrough(new Lanes(new LaneSettings(1, null, null), new CanonicalJson()),
                Map.of("group", List.of("g-1", "g-2", "g-3"), "student", List.of("stu-4")));

        assertThat(events).containsExactly("formed [g-1, g-2]", "sent [g-1, g-2]", "formed [g-3]", "sent [g-3]",
                "formed [stu-4]", "sent [stu-4]");
    }

    /** Publishes the students through the route, two to a batch; the bus is a mock endpoint. */
    private MockEndpoint publishThrough(Lanes lanes, List<String> students) throws Exception {
        return publishThrough(lanes, Map.of("student", students));
    }

    /** Publishes the records of each type through the route (groups first), two to a batch; the bus is a mock endpoint. */
    private MockEndpoint publishThrough(Lanes lanes, Map<String, List<String>> records) throws Exception {
        TargetAdapter target = target();
        List<PublishStream.Step> steps = java.util.stream.Stream.of("group", "student").filter(records::containsKey)
                .map(type -> new PublishStream.Step(target, type)).toList();
        when(publisher.lanes()).thenReturn(lanes);
        when(publisher.now()).thenReturn(Instant.parse("2026-11-30T00:00:00Z"));
        when(publisher.publishedBefore(anyBoolean())).thenReturn(Instant.parse("2026-11-29T23:30:00Z"));
        when(publisher.steps(COLLEGE, "contingent", null)).thenReturn(steps);
        when(publisher.page(eq(COLLEGE), any(), any(), any(), anyInt())).thenAnswer(call -> {
            List<String> keys = records.get(call.<PublishStream.Step>getArgument(1).entityType());
            PendingRecord after = call.getArgument(3);
            int size = call.getArgument(4);
            int from = after == null ? 0 : keys.indexOf(after.entityKey()) + 1;
            return keys.subList(from, Math.min(keys.size(), from + size)).stream()
                    .map(key -> new PendingRecord(key, "h-" + key, "{}", null, null, key)).toList();
        });
        when(publisher.commit(eq(RUN), eq(COLLEGE), eq("contingent"), any(), any(), any())).thenAnswer(call -> {
            List<PendingRecord> chunk = call.getArgument(4);
            List<String> keys = chunk.stream().map(PendingRecord::entityKey).toList();
            events.add("formed " + keys);
            return new DeliveryBatch(RUN, COLLEGE, "contingent", "epos", call.<PublishStream.Step>getArgument(3).entityType(), "key-" + keys,
                    chunk.stream().map(record -> new DeliveryBatch.Item(record.entityKey(), record.contentHash(), null, "{}", null)).toList());
        });
        org.mockito.Mockito.doAnswer(call -> events.add("awaited " + call.<PublishStream.Step>getArgument(1).entityType()))
                .when(publisher).awaitOutcomes(eq(COLLEGE), any(), any());
        when(publisher.stream(anyString(), anyLong(), anyString(), any(), anyBoolean())).thenAnswer(call ->
                new PublishStream(publisher, COLLEGE, RUN, "contingent", null, false, true));
        HubProperties properties = mock(HubProperties.class);
        HubProperties.BusSettings busSettings = mock(HubProperties.BusSettings.class);
        when(properties.bus()).thenReturn(busSettings);
        when(busSettings.producerFor(anyString())).thenReturn("mock:bus");

        camel = new DefaultCamelContext();
        camel.addComponent("mock", new MockComponent());
        camel.addRoutes(new PublishRoute(properties, publisher, new BatchCodec(new CanonicalJson()), statistics, lanes));
        camel.start();
        MockEndpoint bus = camel.getEndpoint("mock:bus", MockEndpoint.class);
        BatchCodec codec = new BatchCodec(new CanonicalJson());
        bus.whenAnyExchangeReceived(exchange -> events.add("sent " + codec.decode(exchange.getIn().getBody()).items().stream()
                .map(DeliveryBatch.Item::entityKey).toList()));
        camel.createProducerTemplate().sendBodyAndHeaders(PublishRoute.ENTRY, null,
                Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.RUN, RUN, FlowHeaders.FLOW, "contingent"));
        return bus;
    }

    private static TargetAdapter target() {
        return new TargetAdapter() {
            @Override
            public String name() {
                return "epos";
            }

            @Override
            public List<String> entityTypes() {
                return List.of("student");
            }

            @Override
            public int batchLimit(String collegeId) {
                return 2;
            }

            @Override
            public BatchResult send(DeliveryBatch batch) {
                throw new UnsupportedOperationException("the bus is mocked; nothing is sent to a platform here");
            }
        };
    }
}
