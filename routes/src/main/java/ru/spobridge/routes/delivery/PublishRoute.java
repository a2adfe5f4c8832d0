package ru.spobridge.routes.delivery;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.flow.FlowHeaders;

/** Change detection → bus, for any flow: what the targets of a college lack, in batches sent as they are formed, keyed by college and lane. */
@Component
public class PublishRoute extends RouteBuilder {

    public static final String ENTRY = "direct:publish";
    private static final String TARGET = "spoTarget";
    /** Header: publish only these records ({@link ChangePublisher.Selection}); absent, everything due. */
    public static final String ONLY = "spoOnly";
    /** Header: true when publishing after a crash ({@link ChangePublisher#stream(String, long, String, ChangePublisher.Selection, boolean)}). */
    public static final String AFTER_CRASH = "spoAfterCrash";

    private final HubProperties properties;
    private final ChangePublisher publisher;
    private final BatchCodec codec;
    private final ru.spobridge.routes.store.StoreStatistics statistics;
    private final Lanes lanes;

    public PublishRoute(HubProperties properties, ChangePublisher publisher, BatchCodec codec,
                        ru.spobridge.routes.store.StoreStatistics statistics, Lanes lanes) {
        this.properties = properties;
        this.publisher = publisher;
        this.codec = codec;
        this.statistics = statistics;
        this.lanes = lanes;
    }

    @Override
    public void configure() {
        from(ENTRY).routeId("publish")
                .process(exchange -> exchange.getIn().setBody(publisher.stream(FlowHeaders.college(exchange), FlowHeaders.requireRun(exchange),
                        FlowHeaders.flow(exchange), exchange.getIn().getHeader(ONLY, ChangePublisher.Selection.class),
                        Boolean.TRUE.equals(exchange.getIn().getHeader(AFTER_CRASH, Boolean.class)))))
                // streaming: the next batch is formed and committed only after this one is on the bus
                .split(body()).streaming()
                    .process(exchange -> {
                        DeliveryBatch batch = exchange.getIn().getBody(DeliveryBatch.class);
                        exchange.getIn().removeHeader(ONLY);
                        exchange.getIn().removeHeader(AFTER_CRASH);
                        exchange.getIn().setHeader(TARGET, batch.target());
                        // a lane's batches stay in order on the bus: Artemis message groups, Kafka partitions by key
                        String group = lanes.group(batch);
                        exchange.getIn().setHeader("JMSXGroupID", group);
                        exchange.getIn().setHeader("kafka.KEY", group);
                        exchange.getIn().setBody(codec.encode(batch));
                    })
                    // fire and forget: delivery reports back through the store, never as a reply
                    .setExchangePattern(ExchangePattern.InOnly)
                    .toD(properties.bus().producerFor("${header." + TARGET + "}"))
                .end()
                // every batch on the bus: the run's totals, then (a large first sync) fresh planner statistics
                .process(exchange -> statistics.afterWrite(exchange.getIn().getBody(PublishStream.class).finish()));
    }
}
