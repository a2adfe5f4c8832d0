package ru.spobridge.routes.staff;

import org.springframework.stereotype.Component;
import ru.spobridge.routes.flow.FlowRuns;
import ru.spobridge.routes.store.SyncRuns;

/** What a staff intake adds to its run: counts of what was read, accepted and refused, and the refusals it closed. */
@Component
public class StaffRunSteps {

    private final FlowRuns runs;
    private final SyncRuns store;

    public StaffRunSteps(FlowRuns runs, SyncRuns store) {
        this.runs = runs;
        this.store = store;
    }

    public void intakeDone(StaffIntake.Summary summary, long runId) {
        runs.readFinished(runId, false, summary.read(), 0, summary.accepted(), summary.rejected());
        store.addClosedRejections(runId, summary.closed());
    }

    /** What a pull read in the source's own terms; nothing recorded when the read left no counts. */
    public void sourceCounts(long runId, java.util.Map<String, Integer> read) {
        if (read != null && !read.isEmpty()) {
            store.sourceCounts(runId, read);
        }
    }
}
