package ru.spobridge.routes.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The report of a run an operator acts on: the run's figures, what it read in the source's own terms, its
 * rejections grouped by cause with a few examples each, and what it closed. The log has the same briefly (one line
 * per cause, by {@link SyncRuns}); each record's detail is in the store, and in the log at debug level only.
 */
@Component
public class RunReports {

    static final int EXAMPLES = 3;

    private final SyncRuns runs;
    private final RejectedRecords rejected;

    public RunReports(SyncRuns runs, RejectedRecords rejected) {
        this.runs = runs;
        this.rejected = rejected;
    }

    public record Report(SyncRuns.Run run, Map<String, Integer> sourceCounts, int refusedFiles, int closedRejections,
                         int rejectedRecords, List<RejectedRecords.Cause> causes) {
    }

    public Optional<Report> report(long runId) {
        return runs.get(runId).map(run -> {
            List<RejectedRecords.Cause> causes = rejected.causes(runId, EXAMPLES);
            return new Report(run, run.sourceCounts(), run.refusedFiles(), run.closedRejections(),
                    causes.stream().mapToInt(RejectedRecords.Cause::records).sum(), causes);
        });
    }
}
