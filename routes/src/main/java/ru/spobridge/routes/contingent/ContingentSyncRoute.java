package ru.spobridge.routes.contingent;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowHeaders;

/**
 * Contingent, ИС «Контингент» → bus: read (retried with backoff), each page's students mapped, checked and stored as it
 * comes → hold if unsafe (movement orders, students gone) → movement orders checked and stored → detect changes per
 * target → publish batches, once, after the movements. Delivery is
 * {@link ru.spobridge.routes.delivery.DeliveryRoute}. An approved held run enters at {@link #APPLY}.
 */
@Component
public class ContingentSyncRoute extends RouteBuilder {

    public static final String ENTRY = "direct:contingent-sync";
    /** Applies a read (a fresh one, or a held one an operator approved). */
    public static final String APPLY = "direct:contingent-apply";
    private static final String HELD = "spoHeld";

    private final ContingentSync sync;

    public ContingentSyncRoute(ContingentSync sync) {
        this.sync = sync;
    }

    @Override
    public void configure() {
        from(ENTRY).routeId("contingent-sync").routeConfigurationId(FlowErrorPolicy.SOURCE_THEN_STEPS)
                .setHeader(FlowHeaders.FLOW, constant(ContingentIntake.FLOW))
                .process(exchange -> exchange.getIn().setHeader(FlowHeaders.RUN,
                        sync.start(FlowHeaders.college(exchange), FlowHeaders.trigger(exchange))))
                .filter(header(FlowHeaders.RUN).isNotNull())
                    // groups and students are stored page by page as they are read; movement orders wait for the hold
                    .process(exchange -> exchange.getIn().setBody(sync.read(FlowHeaders.college(exchange), FlowHeaders.fullRead(exchange),
                            FlowHeaders.requireRun(exchange))))
                    .process(exchange -> exchange.getIn().setHeader(HELD,
                            sync.holdIfUnsafe(exchange.getIn().getBody(ContingentSnapshot.class), FlowHeaders.requireRun(exchange))))
                    .filter(header(HELD).isEqualTo(false))
                        .to(APPLY)
                    .end()
                    .process(exchange -> sync.finish(FlowHeaders.college(exchange), FlowHeaders.run(exchange)))
                .end();

        from(APPLY).routeId("contingent-apply").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(ContingentIntake.FLOW))
                .process(exchange -> exchange.getIn().setBody(
                        sync.intake(exchange.getIn().getBody(ContingentSnapshot.class), FlowHeaders.requireRun(exchange))))
                .to(PublishRoute.ENTRY);
    }
}
