package ru.spobridge.routes.schedule;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.FlowRuns;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.delivery.PublishRoute;

/**
 * Reference data and schedule → platforms. An aSc export becomes dated lessons for the period asked, is held if it
 * would empty or gut that period, and otherwise replaces the period's plan; замены, отмены and переносы arrive
 * separately and are laid over the plan; only lessons that changed are published.
 */
@Component
public class ScheduleRoutes extends RouteBuilder {

    public static final String ASC = "direct:schedule-asc";
    public static final String APPLY = "direct:schedule-apply";
    public static final String CHANGES = "direct:schedule-changes";
    public static final String ATTESTATION = "direct:schedule-attestation";
    public static final String REFERENCE = "direct:reference-file";

    private final ru.spobridge.routes.Colleges colleges;

    public ScheduleRoutes(ru.spobridge.routes.Colleges colleges) {
        this.colleges = colleges;
    }

    @Override
    public void configure() {
        // a dropped export names its period: расписание_2026-09-07_2026-09-13.xml (weeks A/B counted from the first date)
        for (String collegeId : colleges.ids()) {
            String inbox = colleges.settings(collegeId).schedule().inbox();
            if (inbox == null) {
                continue;
            }
            from("file:" + inbox + "?include=RAW((?i).*_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.xml)&readLock=changed&readLockMinAge=1000"
                    + "&move=.done/${date:now:yyyyMMdd-HHmmss}-${file:name}&moveFailed=.failed/${file:name}")
                    .routeId("schedule-inbox-" + collegeId)
                    .setHeader(ContingentSync.COLLEGE, constant(collegeId))
                    .setHeader(ContingentSync.TRIGGER, constant("file"))
                    .process(exchange -> {
                        String name = exchange.getIn().getHeader("CamelFileName", String.class);
                        java.util.regex.Matcher period = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})_(\\d{4}-\\d{2}-\\d{2})\\.xml$")
                                .matcher(name);
                        if (period.find()) {
                            exchange.getIn().setHeader(ScheduleImport.FROM, java.time.LocalDate.parse(period.group(1)));
                            exchange.getIn().setHeader(ScheduleImport.TO, java.time.LocalDate.parse(period.group(2)));
                            exchange.getIn().setHeader(ScheduleImport.TERM_START, java.time.LocalDate.parse(period.group(1)));
                        }
                    })
                    .convertBodyTo(byte[].class)
                    .to(ASC);
        }

        from(ASC).routeId("schedule-asc")
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .setHeader(PublishRoute.FLOW, constant(ScheduleState.FLOW))
                .setHeader(ContingentSync.RUN, method(FlowRuns.class, "start"))
                .bean(ScheduleImport.class, "read")
                .setHeader(ContingentSync.HELD, method(ScheduleSteps.class, "holdIfUnsafe"))
                .filter(header(ContingentSync.HELD).isEqualTo(false))
                    .to(APPLY)
                .end();

        from(APPLY).routeId("schedule-apply")
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .bean(ScheduleSteps.class, "applyImport")
                .setHeader(PublishRoute.FLOW, constant(ScheduleState.FLOW))
                .to(PublishRoute.ENTRY);

        from(CHANGES).routeId("schedule-changes")
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .setHeader(PublishRoute.FLOW, constant(ScheduleState.FLOW))
                .setHeader(ContingentSync.RUN, method(FlowRuns.class, "start"))
                .convertBodyTo(byte[].class)
                .bean(ScheduleSteps.class, "applyChanges")
                .to(PublishRoute.ENTRY);

        from(ATTESTATION).routeId("schedule-attestation")
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .setHeader(PublishRoute.FLOW, constant(ScheduleState.FLOW))
                .setHeader(ContingentSync.RUN, method(FlowRuns.class, "start"))
                .convertBodyTo(byte[].class)
                .bean(ScheduleSteps.class, "applyAttestation")
                .to(PublishRoute.ENTRY);

        from(REFERENCE).routeId("reference-file")
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .setHeader(PublishRoute.FLOW, constant(ReferenceIntake.FLOW))
                .setHeader(ContingentSync.RUN, method(FlowRuns.class, "start"))
                .convertBodyTo(byte[].class)
                .bean(ScheduleSteps.class, "applyReference")
                .to(PublishRoute.ENTRY);
    }
}
