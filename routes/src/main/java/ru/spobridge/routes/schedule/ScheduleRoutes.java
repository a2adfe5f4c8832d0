package ru.spobridge.routes.schedule;

import ru.spobridge.routes.flow.FlowHeaders;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowRuns;
import ru.spobridge.routes.delivery.PublishRoute;

/**
 * Reference data and schedule → platforms. An aSc export becomes dated lessons for the period asked, is held if it
 * would empty or gut that period, and otherwise replaces the period's plan; замены, отмены and переносы arrive
 * separately and are laid over the plan; only lessons that changed are published.
 */
@Component
public class ScheduleRoutes extends RouteBuilder {

    public static final String ASC = "direct:schedule-asc";
    /** An export dropped in a college's folder; its name gives the period: расписание_2026-09-07_2026-09-13.xml (weeks A/B from the first date). */
    public static final String INBOX = "direct:schedule-inbox";
    public static final String INBOX_FILES = "(?i).*_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.xml";
    private static final Pattern PERIOD = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})_(\\d{4}-\\d{2}-\\d{2})\\.xml$");
    public static final String APPLY = "direct:schedule-apply";
    public static final String CHANGES = "direct:schedule-changes";
    public static final String ATTESTATION = "direct:schedule-attestation";
    public static final String REFERENCE = "direct:reference-file";
    private static final String HELD = "spoHeld";

    @Override
    public void configure() {
        from(INBOX).routeId("schedule-inbox").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .process(exchange -> {
                    Matcher period = PERIOD.matcher(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class));
                    if (period.find()) {
                        exchange.getIn().setHeader(ScheduleImport.FROM, LocalDate.parse(period.group(1)));
                        exchange.getIn().setHeader(ScheduleImport.TO, LocalDate.parse(period.group(2)));
                        exchange.getIn().setHeader(ScheduleImport.TERM_START, LocalDate.parse(period.group(1)));
                    }
                })
                .convertBodyTo(byte[].class)
                .to(ASC);

        from(ASC).routeId("schedule-asc").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(ScheduleState.FLOW))
                .setHeader(FlowHeaders.RUN, method(FlowRuns.class, "start(${exchange})"))
                .bean(ScheduleImport.class, "read")
                .setHeader(HELD, method(ScheduleSteps.class, "holdIfUnsafe"))
                .filter(header(HELD).isEqualTo(false))
                    .to(APPLY)
                .end();

        from(APPLY).routeId("schedule-apply").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .bean(ScheduleSteps.class, "applyImport")
                .setHeader(FlowHeaders.FLOW, constant(ScheduleState.FLOW))
                .to(PublishRoute.ENTRY);

        from(CHANGES).routeId("schedule-changes").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(ScheduleState.FLOW))
                .setHeader(FlowHeaders.RUN, method(FlowRuns.class, "start(${exchange})"))
                .convertBodyTo(byte[].class)
                .bean(ScheduleSteps.class, "applyChanges")
                .to(PublishRoute.ENTRY);

        from(ATTESTATION).routeId("schedule-attestation").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(ScheduleState.FLOW))
                .setHeader(FlowHeaders.RUN, method(FlowRuns.class, "start(${exchange})"))
                .convertBodyTo(byte[].class)
                .bean(ScheduleSteps.class, "applyAttestation")
                .to(PublishRoute.ENTRY);

        from(REFERENCE).routeId("reference-file").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(ReferenceIntake.FLOW))
                .setHeader(FlowHeaders.RUN, method(FlowRuns.class, "start(${exchange})"))
                .convertBodyTo(byte[].class)
                .bean(ScheduleSteps.class, "applyReference")
                .to(PublishRoute.ENTRY);
    }
}
