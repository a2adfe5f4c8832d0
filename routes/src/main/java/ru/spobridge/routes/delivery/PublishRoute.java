package ru.spobridge.routes.delivery;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties;

/** Change detection → bus, for any flow: what the targets of a college lack, in batches, keyed by college. */
@Component
public class PublishRoute extends RouteBuilder {

    public static final String ENTRY = "direct:publish";
    /** Header: which flow's entity types to publish. */
    public static final String FLOW = "spoFlow";

    private final HubProperties properties;

    public PublishRoute(HubProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        from(ENTRY).routeId("publish")
                .bean(ChangePublisher.class, "batches(${header.spoCollegeId}, ${header.spoRunId}, ${header.spoFlow})")
                .split(body())
                    .setHeader("spoTarget", simple("${body.target}"))
                    // one college's batches stay in order on the bus: Artemis message groups, Kafka partitions by key
                    .setHeader("JMSXGroupID", simple("${body.collegeId}"))
                    .setHeader("kafka.KEY", simple("${body.collegeId}"))
                    .bean(BatchCodec.class, "encode")
                    // fire and forget: delivery reports back through the store, never as a reply
                    .setExchangePattern(ExchangePattern.InOnly)
                    .toD(properties.bus().producerFor("${header.spoTarget}"))
                .end();
    }
}
