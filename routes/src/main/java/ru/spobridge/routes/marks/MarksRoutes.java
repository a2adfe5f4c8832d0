package ru.spobridge.routes.marks;

import ru.spobridge.routes.flow.FlowHeaders;

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
 * Marks and attendance, college journal → platforms: pulled on each college's schedule in its own time zone (and a
 * nightly catch-up), or imported from a statement; checked per record; published as they change.
 */
@Component
public class MarksRoutes extends RouteBuilder {

    public static final String PULL = "direct:marks-pull";
    public static final String STATEMENT = "direct:marks-statement";

    private final HubProperties properties;
    private final Colleges colleges;

    public MarksRoutes(HubProperties properties, Colleges colleges) {
        this.properties = properties;
        this.colleges = colleges;
    }

    @Override
    public void configure() {
        from(PULL).routeId("marks-pull").routeConfigurationId(FlowErrorPolicy.SOURCE_THEN_STEPS)
                .setHeader(FlowHeaders.FLOW, constant(MarksIntake.FLOW))
                .setHeader(FlowHeaders.RUN, method(FlowRuns.class, "start(${exchange})"))
                .bean(MarksSources.class, "pull")
                .bean(MarksSteps.class, "intake")
                .bean(MarksSources.class, "commitCursor")
                .to(PublishRoute.ENTRY);

        from(STATEMENT).routeId("marks-statement").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(MarksIntake.FLOW))
                .setHeader(FlowHeaders.RUN, method(FlowRuns.class, "start(${exchange})"))
                .convertBodyTo(byte[].class)
                .bean(MarksStatement.class, "read")
                .bean(MarksSteps.class, "intake")
                .to(PublishRoute.ENTRY);
    }
}
