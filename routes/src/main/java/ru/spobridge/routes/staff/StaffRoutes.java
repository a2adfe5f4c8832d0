package ru.spobridge.routes.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.staff.StaffOrderRecord;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.FlowRuns;

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

    private static final String DUE = "spoDue";
    private static final String READ_STARTED_AT = "spoReadStartedAt";
    private static final String INITIAL_LOAD = "spoInitialLoad";

    private final Clock clock;
    private final FlowRuns runs;
    private final StaffSources sources;
    private final StaffFiles files;
    private final StaffIntake intake;
    private final StaffRunSteps runSteps;
    private final StaffProvisioner provisioner;
    private final StaffSchedule schedule;

    public StaffRoutes(Clock clock, FlowRuns runs, StaffSources sources, StaffFiles files, StaffIntake intake, StaffRunSteps runSteps,
                       StaffProvisioner provisioner, StaffSchedule schedule) {
        this.clock = clock;
        this.runs = runs;
        this.sources = sources;
        this.files = files;
        this.intake = intake;
        this.runSteps = runSteps;
        this.provisioner = provisioner;
        this.schedule = schedule;
    }

    @Override
    public void configure() {

        from(REFRESH).routeId("staff-refresh").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(StaffIntake.FLOW))
                .process(runs::start)
                .process(exchange -> exchange.getIn().setHeader(DUE, provisioner.refresh(FlowHeaders.college(exchange))))
                .process(exchange -> schedule.schedule(FlowHeaders.college(exchange), due(exchange)))
                .to(PublishRoute.ENTRY);

        from(ZUP).routeId("staff-zup").routeConfigurationId(FlowErrorPolicy.SOURCE_THEN_STEPS)
                .setHeader(FlowHeaders.FLOW, constant(StaffIntake.FLOW))
                .process(runs::start)
                // the cursor is the time the read began: orders posted while reading are read again next time
                .process(exchange -> exchange.getIn().setHeader(READ_STARTED_AT, clock.instant()))
                .process(exchange -> exchange.getIn().setHeader(INITIAL_LOAD, sources.firstRead(FlowHeaders.college(exchange))))
                .process(exchange -> exchange.getIn().setBody(sources.readZup(FlowHeaders.college(exchange))))
                .process(exchange -> exchange.getIn().setBody(intake.acceptOrders(FlowHeaders.college(exchange), orders(exchange),
                        FlowHeaders.requireRun(exchange), exchange.getIn().getHeader(INITIAL_LOAD, Boolean.class))))
                .process(exchange -> runSteps.intakeDone(exchange.getIn().getBody(StaffIntake.Summary.class), FlowHeaders.requireRun(exchange)))
                .process(exchange -> runSteps.sourceCounts(FlowHeaders.requireRun(exchange), sources.pulled(FlowHeaders.college(exchange))))
                .process(exchange -> sources.advanceCursor(FlowHeaders.college(exchange), exchange.getIn().getHeader(READ_STARTED_AT, Instant.class)))
                .to(REFRESH);

        from(FILE).routeId("staff-file").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(StaffIntake.FLOW))
                .process(runs::start)
                .convertBodyTo(byte[].class)
                .process(exchange -> exchange.getIn().setBody(files.accept(FlowHeaders.college(exchange),
                        exchange.getIn().getHeader(Exchange.FILE_NAME, String.class), exchange.getIn().getBody(byte[].class),
                        FlowHeaders.requireRun(exchange))))
                .process(exchange -> runSteps.intakeDone(exchange.getIn().getBody(StaffIntake.Summary.class), FlowHeaders.requireRun(exchange)))
                // a file refused as a whole closed its run «файл отклонён»: nothing of it to recompute or send
                .filter(exchange -> !exchange.getIn().getBody(StaffIntake.Summary.class).fileRefused())
                    .to(REFRESH)
                .end();
    }

    @SuppressWarnings("unchecked")
    private static List<StaffOrderRecord> orders(Exchange exchange) {
        return exchange.getIn().getBody(List.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Instant> due(Exchange exchange) {
        return exchange.getIn().getHeader(DUE, List.class);
    }
}
