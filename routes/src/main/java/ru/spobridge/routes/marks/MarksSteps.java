package ru.spobridge.routes.marks;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.routes.store.SyncRuns;

/** The marks intake step and what it adds to its run. */
@Component
public class MarksSteps {

    private static final Logger log = LoggerFactory.getLogger(MarksSteps.class);

    private final SyncRuns runs;
    private final MarksIntake intake;

    public MarksSteps(SyncRuns runs, MarksIntake intake) {
        this.runs = runs;
        this.intake = intake;
    }

    public void intake(String collegeId, List<JournalChange> changes, long runId) {
        intake(collegeId, changes, runId, 0);
    }

    /** What a pull read in the journal's own terms; nothing recorded when the read left no counts. */
    public void sourceCounts(long runId, java.util.Map<String, Integer> read) {
        if (read != null && !read.isEmpty()) {
            runs.sourceCounts(runId, read);
        }
    }

    /** @param brokenRows rows of a file refused before the intake, counted with the run's refusals */
    public void intake(String collegeId, List<JournalChange> changes, long runId, int brokenRows) {
        MarksIntake.Summary summary = intake.accept(collegeId, changes, runId);
        runs.readFinished(runId, false, summary.read() + brokenRows, summary.unchanged(), summary.accepted(), summary.rejected() + brokenRows);
        runs.addClosedRejections(runId, summary.closed());
        log.info("Отметки {}: запуск {} прочитано {}, принято {}, без изменений {}, отклонено {}, закрыто прежних отклонений {}", collegeId, runId,
                summary.read() + brokenRows, summary.accepted(), summary.unchanged(), summary.rejected() + brokenRows, summary.closed());
    }
}
