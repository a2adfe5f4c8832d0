package ru.spobridge.routes.flow;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The run lifecycle every flow goes through: start (or continue a run a previous step opened), read finished,
 * publish (by the publish route), finish when every published record has an outcome — or failed, once, with the
 * reason; a flow may keep a failed run's read for an operator instead.
 */
@Component
public class FlowRuns {

    private static final Logger log = LoggerFactory.getLogger(FlowRuns.class);

    private final SyncRuns runs;
    /** Looked up when a run fails: flows use the run lifecycle, so they cannot be constructor dependencies. */
    private final ObjectProvider<Flows> flows;

    public FlowRuns(SyncRuns runs, ObjectProvider<Flows> flows) {
        this.runs = runs;
        this.flows = flows;
    }

    /** Opens a run of the flow named in the header, or continues the one a previous step opened; sets the run header. */
    public long start(Exchange exchange) {
        Long existing = FlowHeaders.run(exchange);
        long run = existing != null ? existing : runs.start(FlowHeaders.college(exchange), FlowHeaders.flow(exchange), FlowHeaders.trigger(exchange));
        exchange.getIn().setHeader(FlowHeaders.RUN, run);
        return run;
    }

    /** What an intake read, left unchanged, changed and refused. */
    public void readFinished(long runId, boolean fullRead, int read, int unchanged, int changed, int rejected) {
        runs.readFinished(runId, fullRead, read, unchanged, changed, rejected);
    }

    /** A step failed after its retries: the flow may keep the read; otherwise the run is failed; nothing of it is sent. */
    public void failed(Exchange exchange) {
        Long runId = FlowHeaders.run(exchange);
        String college = FlowHeaders.college(exchange);
        String flowName = FlowHeaders.flow(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null || cause.getMessage() == null ? "неизвестная ошибка" : cause.getMessage();
        Flow flow = flows.getObject().find(flowName).orElse(null);
        try {
            boolean kept = runId != null && flow != null && flow.keepFailedRun(runId, college, cause);
            if (!kept && runId != null) {
                runs.failed(runId, reason);
            }
            if (!kept) {
                log.error("{} {}: запуск {} не выполнен: {}", flowName, college, runId, reason);
            }
        } finally {
            if (flow != null) {
                flow.runEnded(college, runId);
            }
        }
    }
}
