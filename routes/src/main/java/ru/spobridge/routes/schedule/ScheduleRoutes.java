package ru.spobridge.routes.schedule;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.FlowRuns;

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

    private final FlowRuns runs;
    private final ScheduleImport scheduleImport;
    private final ScheduleSteps steps;

    public ScheduleRoutes(FlowRuns runs, ScheduleImport scheduleImport, ScheduleSteps steps) {
        this.runs = runs;
        this.scheduleImport = scheduleImport;
        this.steps = steps;
    }

    /** Header: the file was taken (not refused as a whole). */
    private static final String TAKEN = "spoFileTaken";

    @Override
    public void configure() {
        from(INBOX).routeId("schedule-inbox").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .process(exchange -> periodFromFileName(exchange.getIn()))
                .convertBodyTo(byte[].class)
                .to(ASC);

        from(ASC).routeId("schedule-asc").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(ScheduleState.FLOW))
                .process(runs::start)
                .process(exchange -> exchange.getIn().setBody(scheduleImport.read(FlowHeaders.college(exchange), fileName(exchange),
                        content(exchange), date(exchange, ScheduleImport.FROM), date(exchange, ScheduleImport.TO),
                        date(exchange, ScheduleImport.TERM_START), term(exchange))))
                .choice()
                    .when(exchange -> snapshot(exchange).isRefused())
                        .process(exchange -> steps.refuseFile(snapshot(exchange), FlowHeaders.requireRun(exchange)))
                    .otherwise()
                        .process(exchange -> exchange.getIn().setHeader(HELD,
                                steps.holdIfUnsafe(snapshot(exchange), FlowHeaders.requireRun(exchange))))
                        .filter(header(HELD).isEqualTo(false))
                            .to(APPLY)
                        .end()
                .end();

        from(APPLY).routeId("schedule-apply").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .process(exchange -> steps.applyImport(snapshot(exchange), FlowHeaders.requireRun(exchange)))
                .setHeader(FlowHeaders.FLOW, constant(ScheduleState.FLOW))
                .to(PublishRoute.ENTRY);

        from(CHANGES).routeId("schedule-changes").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(ScheduleState.FLOW))
                .process(runs::start)
                .convertBodyTo(byte[].class)
                .process(exchange -> exchange.getIn().setHeader(TAKEN, steps.applyChanges(FlowHeaders.college(exchange), fileName(exchange),
                        content(exchange), FlowHeaders.requireRun(exchange))))
                // a file refused as a whole closed its run «файл отклонён»: nothing to publish
                .filter(header(TAKEN).isEqualTo(true))
                    .to(PublishRoute.ENTRY);

        from(ATTESTATION).routeId("schedule-attestation").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(ScheduleState.FLOW))
                .process(runs::start)
                .convertBodyTo(byte[].class)
                .process(exchange -> exchange.getIn().setHeader(TAKEN, steps.applyAttestation(FlowHeaders.college(exchange), fileName(exchange),
                        content(exchange), FlowHeaders.requireRun(exchange))))
                // a file refused as a whole closed its run «файл отклонён»: nothing to publish
                .filter(header(TAKEN).isEqualTo(true))
                    .to(PublishRoute.ENTRY);

        from(REFERENCE).routeId("reference-file").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(ReferenceIntake.FLOW))
                .process(runs::start)
                .convertBodyTo(byte[].class)
                .process(exchange -> exchange.getIn().setHeader(TAKEN, steps.applyReference(FlowHeaders.college(exchange), fileName(exchange),
                        content(exchange), FlowHeaders.requireRun(exchange))))
                // a file refused as a whole closed its run «файл отклонён»: nothing to publish
                .filter(header(TAKEN).isEqualTo(true))
                    .to(PublishRoute.ENTRY);
    }

    /** A file named …_2026-09-07_2026-09-13.xml is the period from the first date to the second, its weeks counted from the first. */
    private static void periodFromFileName(Message message) {
        String name = message.getHeader(Exchange.FILE_NAME, String.class);
        Matcher period = name == null ? null : PERIOD.matcher(name);
        if (period != null && period.find()) {
            message.setHeader(ScheduleImport.FROM, LocalDate.parse(period.group(1)));
            message.setHeader(ScheduleImport.TO, LocalDate.parse(period.group(2)));
            message.setHeader(ScheduleImport.TERM_START, LocalDate.parse(period.group(1)));
        }
    }

    private static String fileName(Exchange exchange) {
        return exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
    }

    private static byte[] content(Exchange exchange) {
        return exchange.getIn().getBody(byte[].class);
    }

    private static LocalDate date(Exchange exchange, String header) {
        return exchange.getIn().getHeader(header, LocalDate.class);
    }

    private static int term(Exchange exchange) {
        Integer term = exchange.getIn().getHeader(ScheduleImport.TERM, Integer.class);
        return term == null ? 1 : term;
    }

    private static ScheduleSnapshot snapshot(Exchange exchange) {
        return exchange.getIn().getBody(ScheduleSnapshot.class);
    }
}
