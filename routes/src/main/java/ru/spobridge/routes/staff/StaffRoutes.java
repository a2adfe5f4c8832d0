package ru.spobridge.routes.staff;

import java.time.Clock;
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
        HubProperties.DeliverySettings policy = properties.delivery();

        from(REFRESH).routeId("staff-refresh")
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .setHeader(PublishRoute.FLOW, constant(StaffIntake.FLOW))
                .setHeader(ContingentSync.RUN, method(FlowRuns.class, "start"))
                .setHeader("spoDue", method(StaffProvisioner.class, "refresh"))
                .bean(StaffSchedule.class, "schedule(${header.spoCollegeId}, ${header.spoDue})")
                .to(PublishRoute.ENTRY);

        from(ZUP).routeId("staff-zup")
                .onException(TransientTargetException.class)
                    .maximumRedeliveries(policy.readAttempts() - 1).redeliveryDelay(policy.readDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(policy.multiplier())
                    .retryAttemptedLogLevel(LoggingLevel.WARN).logStackTrace(false).logExhausted(false)
                    .handled(true).bean(FlowRuns.class, "failed")
                .end()
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .setHeader(PublishRoute.FLOW, constant(StaffIntake.FLOW))
                .setHeader(ContingentSync.RUN, method(FlowRuns.class, "start"))
                // the cursor is the time the read began: orders posted while reading are read again next time
                .process(exchange -> exchange.getIn().setHeader("spoReadStartedAt", clock.instant()))
                .setHeader("spoInitialLoad", method(StaffSources.class, "firstRead"))
                .bean(StaffSources.class, "readZup")
                .bean(StaffIntake.class, "acceptOrders(${header.spoCollegeId}, ${body}, ${header.spoRunId}, ${header.spoInitialLoad})")
                .bean(StaffRunSteps.class, "intakeDone")
                .bean(StaffSources.class, "advanceCursor")
                .to(REFRESH);

        from(FILE).routeId("staff-file")
                .onException(Exception.class).handled(true).logStackTrace(false).logExhausted(false).bean(FlowRuns.class, "failed").end()
                .setHeader(PublishRoute.FLOW, constant(StaffIntake.FLOW))
                .setHeader(ContingentSync.RUN, method(FlowRuns.class, "start"))
                .convertBodyTo(byte[].class)
                .bean(StaffFiles.class, "accept")
                .bean(StaffRunSteps.class, "intakeDone")
                .to(REFRESH);

        for (String collegeId : colleges.ids()) {
            HubProperties.CollegeSettings college = colleges.settings(collegeId);
            String zone = college.zone().getId();
            if (college.staff().inbox() != null) {
                from("file:" + college.staff().inbox() + "?include=(?i).*\\.(xml|csv)&readLock=changed&readLockMinAge=1000"
                        + "&move=.done/${date:now:yyyyMMdd-HHmmss}-${file:name}&moveFailed=.failed/${file:name}")
                        .routeId("staff-inbox-" + collegeId)
                        .setHeader(ContingentSync.COLLEGE, constant(collegeId))
                        .setHeader(ContingentSync.TRIGGER, constant("file"))
                        .to(FILE);
            }
            if (!properties.sync().schedules()) {
                continue;
            }
            if (college.staff().zup() != null) {
                from("quartz://staff-zup/" + collegeId + "?cron=" + college.staff().zup().schedule().replace(' ', '+') + "&trigger.timeZone=" + zone)
                        .routeId("staff-zup-schedule-" + collegeId)
                        .setHeader(ContingentSync.COLLEGE, constant(collegeId))
                        .setHeader(ContingentSync.TRIGGER, constant("schedule"))
                        .to(ZUP);
            }
            // the persistent triggers fire at each change; this nightly pass catches anything they could not
            from("quartz://staff-daily/" + collegeId + "?cron=5+0+0+*+*+?&trigger.timeZone=" + zone)
                    .routeId("staff-daily-" + collegeId)
                    .setHeader(ContingentSync.COLLEGE, constant(collegeId))
                    .setHeader(ContingentSync.TRIGGER, constant("daily"))
                    .to(REFRESH);
        }
    }

}
