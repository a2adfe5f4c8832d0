package ru.spobridge.routes.marks;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.FlowRuns;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.contingent.ContingentSync;
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
        HubProperties.DeliverySettings policy = properties.delivery();
        from(PULL).routeId("marks-pull")
                .onException(TransientTargetException.class)
                    .maximumRedeliveries(policy.readAttempts() - 1).redeliveryDelay(policy.readDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(policy.multiplier())
                    .retryAttemptedLogLevel(LoggingLevel.WARN).logStackTrace(false).logExhausted(false)
                    .handled(true).bean(FlowRuns.class, "failed")
                .end()
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .setHeader(PublishRoute.FLOW, constant(MarksIntake.FLOW))
                .setHeader(ContingentSync.RUN, method(FlowRuns.class, "start"))
                .bean(MarksSources.class, "pull")
                .bean(MarksSteps.class, "intake")
                .bean(MarksSources.class, "commitCursor")
                .to(PublishRoute.ENTRY);

        from(STATEMENT).routeId("marks-statement")
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .setHeader(PublishRoute.FLOW, constant(MarksIntake.FLOW))
                .setHeader(ContingentSync.RUN, method(FlowRuns.class, "start"))
                .convertBodyTo(byte[].class)
                .bean(MarksStatement.class, "read")
                .bean(MarksSteps.class, "intake")
                .to(PublishRoute.ENTRY);

        if (!properties.sync().schedules()) {
            return;
        }
        for (String collegeId : colleges.ids()) {
            HubProperties.CollegeSettings college = colleges.settings(collegeId);
            if (college.marks().journal() == null) {
                continue;
            }
            String zone = college.zone().getId();
            from("quartz://marks/" + collegeId + "?cron=" + college.marks().schedule().replace(' ', '+') + "&trigger.timeZone=" + zone)
                    .routeId("marks-schedule-" + collegeId)
                    .setHeader(ContingentSync.COLLEGE, constant(collegeId))
                    .setHeader(ContingentSync.TRIGGER, constant("schedule"))
                    .to(PULL);
            from("quartz://marks-catch-up/" + collegeId + "?cron=" + college.marks().catchUp().replace(' ', '+') + "&trigger.timeZone=" + zone)
                    .routeId("marks-catch-up-" + collegeId)
                    .setHeader(ContingentSync.COLLEGE, constant(collegeId))
                    .setHeader(ContingentSync.TRIGGER, constant("catch-up"))
                    .to(PULL);
        }
    }
}
