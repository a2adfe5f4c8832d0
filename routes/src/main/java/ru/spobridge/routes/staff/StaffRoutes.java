package ru.spobridge.routes.staff;

import ru.spobridge.routes.flow.FlowHeaders;

import java.time.Clock;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowRuns;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.PublishRoute;

/**
 * Staff, HR sources → platforms: 1С:ЗУП polled on a schedule and files dropped in a college's inbox go through
 * per-record checks into canonical state; then the accounts and substitute accesses due today are worked out and
 * published. The same refresh runs at every local midnight when something takes effect (persistent triggers), every
 * night as a safety net, and after every intake.
 */
@Component
public class StaffRoutes extends RouteBuilder {

    public static final String REFRESH = "direct:staff-refresh";
    public static final String ZUP = "direct:staff-zup";
    public static final String FILE = "direct:staff-file";

    private final HubProperties properties;
    private final Colleges colleges;
    private final Clock clock;

    public StaffRoutes(HubProperties properties, Colleges colleges, Clock clock) {
        this.properties = properties;
        this.colleges = colleges;
        this.clock = clock;
    }

    @Override
    public void configure() {

        from(REFRESH).routeId("staff-refresh").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(StaffIntake.FLOW))
                .setHeader(FlowHeaders.RUN, method(FlowRuns.class, "start(${exchange})"))
                .setHeader("spoDue", method(StaffProvisioner.class, "refresh"))
                .bean(StaffSchedule.class, "schedule(${header.spoCollegeId}, ${header.spoDue})")
                .to(PublishRoute.ENTRY);

        from(ZUP).routeId("staff-zup").routeConfigurationId(FlowErrorPolicy.SOURCE_THEN_STEPS)
                .setHeader(FlowHeaders.FLOW, constant(StaffIntake.FLOW))
                .setHeader(FlowHeaders.RUN, method(FlowRuns.class, "start(${exchange})"))
                // the cursor is the time the read began: orders posted while reading are read again next time
                .process(exchange -> exchange.getIn().setHeader("spoReadStartedAt", clock.instant()))
                .setHeader("spoInitialLoad", method(StaffSources.class, "firstRead"))
                .bean(StaffSources.class, "readZup")
                .bean(StaffIntake.class, "acceptOrders(${header.spoCollegeId}, ${body}, ${header.spoRunId}, ${header.spoInitialLoad})")
                .bean(StaffRunSteps.class, "intakeDone")
                .bean(StaffSources.class, "advanceCursor")
                .to(REFRESH);

        from(FILE).routeId("staff-file").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(StaffIntake.FLOW))
                .setHeader(FlowHeaders.RUN, method(FlowRuns.class, "start(${exchange})"))
                .convertBodyTo(byte[].class)
                .bean(StaffFiles.class, "accept")
                .bean(StaffRunSteps.class, "intakeDone")
                .to(REFRESH);
    }

}
