package ru.spobridge.routes.flow;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.delivery.ChangePublisher;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Publishes records already made due without reading a source (replay, repair, a parent re-sent after the platform
 * lost it), as a run of its own so that its outcome is accounted like any other.
 */
@Component
public class Republish {

    private final SyncRuns runs;
    private final ProducerTemplate camel;

    public Republish(SyncRuns runs, ProducerTemplate camel) {
        this.runs = runs;
        this.camel = camel;
    }

    /**
     * Publishes and returns when the batches are on the bus.
     *
     * @param only the records to send, or null for everything of the flow that is due
     * @return the run id
     */
    public long publish(String collegeId, String flow, String trigger, int records, ChangePublisher.Selection only) {
        Map<String, Object> headers = openRun(collegeId, flow, trigger, records, only);
        camel.requestBodyAndHeaders(PublishRoute.ENTRY, null, headers);
        return (Long) headers.get(FlowHeaders.RUN);
    }

    /**
     * After a crash: everything of the flow that is due, including what the stopped process marked published but may
     * never have put on the bus, as the rest of the interrupted run; on another thread.
     */
    public void publishAfterCrash(String collegeId, String flow, long interruptedRunId) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(FlowHeaders.COLLEGE, collegeId);
        headers.put(FlowHeaders.RUN, interruptedRunId);
        headers.put(FlowHeaders.FLOW, flow);
        headers.put(PublishRoute.AFTER_CRASH, true);
        camel.asyncRequestBodyAndHeaders(PublishRoute.ENTRY, null, headers);
    }

    /** Publishes everything of the flow that is due, on another thread (called from a delivery). */
    public void publishLater(String collegeId, String flow, String trigger) {
        camel.asyncRequestBodyAndHeaders(PublishRoute.ENTRY, null, openRun(collegeId, flow, trigger, 0, null));
    }

    private Map<String, Object> openRun(String collegeId, String flow, String trigger, int records, ChangePublisher.Selection only) {
        long runId = runs.start(collegeId, flow, trigger);
        runs.readFinished(runId, false, 0, 0, records, 0);
        Map<String, Object> headers = new HashMap<>();
        headers.put(FlowHeaders.COLLEGE, collegeId);
        headers.put(FlowHeaders.RUN, runId);
        headers.put(FlowHeaders.FLOW, flow);
        if (only != null) {
            headers.put(PublishRoute.ONLY, only);
        }
        return headers;
    }
}
