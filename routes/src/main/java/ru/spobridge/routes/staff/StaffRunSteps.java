package ru.spobridge.routes.staff;

import org.springframework.stereotype.Component;
import ru.spobridge.routes.flow.FlowRuns;

/** What a staff intake adds to its run: counts of what was read, accepted and refused. */
@Component
public class StaffRunSteps {

    private final FlowRuns runs;

    public StaffRunSteps(FlowRuns runs) {
        this.runs = runs;
    }

    public void intakeDone(StaffIntake.Summary summary, long runId) {
        runs.readFinished(runId, false, summary.read(), 0, summary.accepted(), summary.rejected());
    }
}
