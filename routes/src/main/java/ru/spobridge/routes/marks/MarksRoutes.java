package ru.spobridge.routes.marks;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.flow.FlowErrorPolicy;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.FlowRuns;

/**
 * Marks and attendance, college journal → platforms: pulled on each college's schedule in its own time zone (and a
 * nightly catch-up), or imported from a statement; checked per record; published as they change. The journal's
 * cursor moves only once the changes are stored, so a failed run reads them again.
 */
@Component
public class MarksRoutes extends RouteBuilder {

    public static final String PULL = "direct:marks-pull";
    public static final String STATEMENT = "direct:marks-statement";

    private final FlowRuns runs;
    private final MarksSources sources;
    private final MarksStatement statement;
    private final MarksSteps steps;

    public MarksRoutes(FlowRuns runs, MarksSources sources, MarksStatement statement, MarksSteps steps) {
        this.runs = runs;
        this.sources = sources;
        this.statement = statement;
        this.steps = steps;
    }

    @Override
    public void configure() {
        from(PULL).routeId("marks-pull").routeConfigurationId(FlowErrorPolicy.SOURCE_THEN_STEPS)
                .setHeader(FlowHeaders.FLOW, constant(MarksIntake.FLOW))
                .process(runs::start)
                // chunks are stored while the pull goes on; a source failure is retried as a whole, a store failure is not
                .process(exchange -> steps.takeIn(FlowHeaders.college(exchange), FlowHeaders.requireRun(exchange),
                        chunks -> sources.pull(FlowHeaders.college(exchange), chunks)))
                .process(exchange -> steps.sourceCounts(FlowHeaders.requireRun(exchange), sources.pulled(FlowHeaders.college(exchange))))
                .process(exchange -> sources.commitCursor(FlowHeaders.college(exchange)))
                .to(PublishRoute.ENTRY);

        from(STATEMENT).routeId("marks-statement").routeConfigurationId(FlowErrorPolicy.FLOW_STEP)
                .setHeader(FlowHeaders.FLOW, constant(MarksIntake.FLOW))
                .process(runs::start)
                .convertBodyTo(byte[].class)
                .process(exchange -> exchange.getIn().setBody(statement.read(FlowHeaders.college(exchange),
                        exchange.getIn().getHeader(Exchange.FILE_NAME, String.class), exchange.getIn().getBody(byte[].class),
                        FlowHeaders.requireRun(exchange))))
                // a statement refused as a whole closed its run «файл отклонён»: nothing of it to take in or send
                .filter(exchange -> !read(exchange).fileRefused())
                    .process(exchange -> steps.intake(FlowHeaders.college(exchange), read(exchange).changes(), FlowHeaders.requireRun(exchange),
                            read(exchange).brokenRows()))
                    .to(PublishRoute.ENTRY)
                .end();
    }

    private static MarksStatement.Read read(Exchange exchange) {
        return exchange.getIn().getBody(MarksStatement.Read.class);
    }
}
