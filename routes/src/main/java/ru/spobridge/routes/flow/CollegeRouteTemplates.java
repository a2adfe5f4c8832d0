package ru.spobridge.routes.flow;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The templates every per-college route is made from: a schedule in the college's zone and an inbox folder. Routes
 * are instantiated, changed and removed by {@link CollegeRoutes} while the hub runs.
 */
@Component
public class CollegeRouteTemplates extends RouteBuilder {

    public static final String SCHEDULE = "college-schedule";
    public static final String INBOX = "college-inbox";

    @Override
    public void configure() {
        // stable Quartz names (group/college) in the clustered JDBC store: with several hubs each schedule fires once
        routeTemplate(SCHEDULE)
                .templateParameter("group").templateParameter("college").templateParameter("cron")
                .templateParameter("zone").templateParameter("trigger").templateParameter("entry")
                .from("quartz://{{group}}/{{college}}?cron={{cron}}&trigger.timeZone={{zone}}")
                .setHeader(FlowHeaders.COLLEGE, simple("{{college}}"))
                .setHeader(FlowHeaders.TRIGGER, simple("{{trigger}}"))
                .to("{{entry}}");

        // a file is taken once it has stopped growing; done and failed files are kept beside the inbox
        routeTemplate(INBOX)
                .templateParameter("college").templateParameter("folder").templateParameter("include").templateParameter("entry")
                .from("file:{{folder}}?include=RAW({{include}})&readLock=changed&readLockMinAge=1000"
                        + "&move=.done/${date:now:yyyyMMdd-HHmmss}-${file:name}&moveFailed=.failed/${file:name}")
                .setHeader(FlowHeaders.COLLEGE, simple("{{college}}"))
                .setHeader(FlowHeaders.TRIGGER, constant("file"))
                .to("{{entry}}");
    }
}
