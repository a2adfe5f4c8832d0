package ru.spobridge.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.store.SyncRuns;

/** Run bookkeeping shared by the flows that read files and feeds (staff, reference data, schedule, marks). */
@Component
public class FlowRuns {

    private static final Logger log = LoggerFactory.getLogger(FlowRuns.class);

    private final SyncRuns runs;

    public FlowRuns(SyncRuns runs) {
        this.runs = runs;
    }

    /** Opens a run of the flow named in the header, or continues the one a previous step opened. */
    public long start(@Header(ContingentSync.COLLEGE) String collegeId, @Header(ContingentSync.TRIGGER) String trigger,
                      @Header(ContingentSync.RUN) Long existing, @Header(PublishRoute.FLOW) String flow) {
        return existing != null ? existing : runs.start(collegeId, flow, trigger == null ? "manual" : trigger);
    }

    /** A step failed after its retries: the run is marked failed with the reason; nothing of it is sent. */
    public void failed(Exchange exchange) {
        Long runId = exchange.getIn().getHeader(ContingentSync.RUN, Long.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "неизвестная ошибка" : cause.getMessage();
        if (runId != null) {
            runs.failed(runId, reason);
        }
        log.error("{} {}: запуск {} не выполнен: {}", exchange.getIn().getHeader(PublishRoute.FLOW),
                exchange.getIn().getHeader(ContingentSync.COLLEGE), runId, reason);
    }
}
