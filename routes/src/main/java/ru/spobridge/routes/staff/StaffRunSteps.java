package ru.spobridge.routes.staff;

import ru.spobridge.routes.flow.FlowHeaders;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.store.SyncRuns;

/** What a staff intake adds to its run: counts of what was read, accepted and refused. */
@Component
public class StaffRunSteps {

    private final SyncRuns runs;

    public StaffRunSteps(SyncRuns runs) {
        this.runs = runs;
    }

    public void intakeDone(StaffIntake.Summary summary, @Header(FlowHeaders.RUN) long runId) {
        runs.readFinished(runId, false, summary.read(), 0, summary.accepted(), summary.rejected());
    }
}
