package ru.spobridge.routes.flow;

import java.util.function.BiPredicate;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The templates every per-college route is made from: a schedule in the college's zone and an inbox folder. Routes
 * are instantiated, changed and removed by {@link CollegeRoutes} while the hub runs. Both ask the {@link RunGate}: a
 * closed schedule records a skipped run and never reaches the flow; a paused inbox leaves its files in the folder.
 */
@Component
public class CollegeRouteTemplates extends RouteBuilder {

    public static final String SCHEDULE = "college-schedule";
    public static final String INBOX = "college-inbox";

    private final Predicate scheduledGate;
    private final BiPredicate<String, String> inboxGate;

    /** Always open: for route tests without a store. */
    public CollegeRouteTemplates() {
        this(exchange -> true, (college, flow) -> true);
    }

    @Autowired
    public CollegeRouteTemplates(RunGate gate) {
        this(gate::admitScheduled, gate::admitInboxPoll);
    }

    CollegeRouteTemplates(Predicate scheduledGate, BiPredicate<String, String> inboxGate) {
        this.scheduledGate = scheduledGate;
        this.inboxGate = inboxGate;
    }

    @Override
    public void configure() {
        // stable Quartz names (group/college) in the clustered JDBC store: with several hubs each schedule fires once
        routeTemplate(SCHEDULE)
                .templateParameter("group").templateParameter("college").templateParameter("cron")
                .templateParameter("zone").templateParameter("trigger").templateParameter("entry").templateParameter("flow", "")
                .from("quartz://{{group}}/{{college}}?cron={{cron}}&trigger.timeZone={{zone}}")
                .setHeader(FlowHeaders.COLLEGE, simple("{{college}}"))
                .setHeader(FlowHeaders.TRIGGER, simple("{{trigger}}"))
                .setHeader(FlowHeaders.FLOW, simple("{{flow}}"))
                .filter(scheduledGate)
                .to("{{entry}}");

        // a file is taken once it has stopped growing; done and failed files are kept beside the inbox; while the flow is
        // paused the poll does not even start, so files wait in place (a filter after the read would move them to .done)
        routeTemplate(INBOX)
                .templateParameter("college").templateParameter("folder").templateParameter("include").templateParameter("entry")
                .templateParameter("flow", "")
                .templateBean("pollGate", PollingConsumerPollStrategy.class,
                        template -> new InboxPollGate(template.getProperty("college", String.class), template.getProperty("flow", String.class),
                                inboxGate))
                .from("file:{{folder}}?include=RAW({{include}})&readLock=changed&readLockMinAge=1000"
                        + "&move=.done/${date:now:yyyyMMdd-HHmmss}-${file:name}&moveFailed=.failed/${file:name}&pollStrategy=#{{pollGate}}")
                .setHeader(FlowHeaders.COLLEGE, simple("{{college}}"))
                .setHeader(FlowHeaders.TRIGGER, constant("file"))
                .to("{{entry}}");
    }

    /** Begins a poll of a college's inbox only while its flow is not paused. */
    static final class InboxPollGate extends DefaultPollingConsumerPollStrategy {
        private final String college;
        private final String flow;
        private final BiPredicate<String, String> gate;

        InboxPollGate(String college, String flow, BiPredicate<String, String> gate) {
            this.college = college;
            this.flow = flow;
            this.gate = gate;
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            return gate.test(college, flow);
        }
    }
}
