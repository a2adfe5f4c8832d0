package ru.spobridge.routes.archive;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.archive.ArchiveCatalog.Archive;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.FlowRuns;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Archives of the journal: a college's calendar (its daily schedule or an operator's «Запустить») finds the archives
 * due, and each is built as a run of its own, so that one failed archive does not hold back the others. A build
 * asked for in the console comes to the same step.
 */
@Component
public class ArchiveRoutes extends RouteBuilder {

    public static final String FLOW = "archive";
    public static final String CALENDAR = "direct:archive-calendar";
    public static final String BUILD = "direct:archive-build";
    /** Who asked for a build (a user's name; the calendar otherwise). */
    public static final String REQUESTED_BY = "spoArchiveRequestedBy";

    private final FlowRuns runs;
    private final SyncRuns syncRuns;
    private final ArchiveSchedule schedule;
    private final ArchiveBuilds builds;

    public ArchiveRoutes(FlowRuns runs, SyncRuns syncRuns, ArchiveSchedule schedule, ArchiveBuilds builds) {
        this.runs = runs;
        this.syncRuns = syncRuns;
        this.schedule = schedule;
        this.builds = builds;
    }

    @Override
    public void configure() {
        from(CALENDAR).routeId("archive-calendar").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(FLOW))
                .process(exchange -> exchange.getIn().setBody(schedule.due(FlowHeaders.college(exchange))))
                .split(body())
                    .to(BUILD)
                .end();

        from(BUILD).routeId("archive-build").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(FLOW))
                .process(runs::start)
                .process(exchange -> exchange.getIn().setBody(builds.build(exchange.getIn().getBody(ArchiveRequest.class),
                        FlowHeaders.requireRun(exchange), exchange.getIn().getHeader(REQUESTED_BY, "calendar", String.class))))
                // nothing goes on the bus: the run is complete once its archive is in every store
                .process(exchange -> {
                    long run = FlowHeaders.requireRun(exchange);
                    Archive archive = exchange.getIn().getBody(Archive.class);
                    syncRuns.readFinished(run, true, archive.files(), 0, archive.files(), 0);
                    syncRuns.publishing(run, 0);
                });
    }
}
