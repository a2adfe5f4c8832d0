package ru.spobridge.routes.delivery;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.flow.FlowHeaders;

/** Change detection → bus, for any flow: what the targets of a college lack, in batches, keyed by college. */
@Component
public class PublishRoute extends RouteBuilder {

    public static final String ENTRY = "direct:publish";
    private static final String TARGET = "spoTarget";
    /** Header: publish only these records ({@link ChangePublisher.Selection}); absent, everything due. */
    public static final String ONLY = "spoOnly";
    /** Header: true when publishing after a crash ({@link ChangePublisher#batches(String, long, String, ChangePublisher.Selection, boolean)}). */
    public static final String AFTER_CRASH = "spoAfterCrash";

    private final HubProperties properties;
    private final ChangePublisher publisher;
    private final BatchCodec codec;
    private final ru.spobridge.routes.store.StoreStatistics statistics;

    public PublishRoute(HubProperties properties, ChangePublisher publisher, BatchCodec codec,
                        ru.spobridge.routes.store.StoreStatistics statistics) {
        this.properties = properties;
        this.publisher = publisher;
        this.codec = codec;
        this.statistics = statistics;
    }

    @Override
    public void configure() {
        from(ENTRY).routeId("publish")
                .process(exchange -> exchange.getIn().setBody(publisher.batches(FlowHeaders.college(exchange), FlowHeaders.requireRun(exchange),
                        FlowHeaders.flow(exchange), exchange.getIn().getHeader(ONLY, ChangePublisher.Selection.class),
                        Boolean.TRUE.equals(exchange.getIn().getHeader(AFTER_CRASH, Boolean.class)))))
                // after the publish committed: a large first sync must not leave the next run planned on empty tables
                .process(exchange -> statistics.afterWrite(((java.util.List<?>) exchange.getIn().getBody(java.util.List.class)).stream()
                        .mapToInt(batch -> ((DeliveryBatch) batch).items().size()).sum()))
                .split(body())
                    .process(exchange -> {
                        DeliveryBatch batch = exchange.getIn().getBody(DeliveryBatch.class);
                        exchange.getIn().removeHeader(ONLY);
                        exchange.getIn().removeHeader(AFTER_CRASH);
                        exchange.getIn().setHeader(TARGET, batch.target());
                        // one college's batches stay in order on the bus: Artemis message groups, Kafka partitions by key
                        exchange.getIn().setHeader("JMSXGroupID", batch.collegeId());
                        exchange.getIn().setHeader("kafka.KEY", batch.collegeId());
                        exchange.getIn().setBody(codec.encode(batch));
                    })
                    // fire and forget: delivery reports back through the store, never as a reply
                    .setExchangePattern(ExchangePattern.InOnly)
                    .toD(properties.bus().producerFor("${header." + TARGET + "}"))
                .end();
    }
}
