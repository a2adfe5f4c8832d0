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

    /**
     * Takes in a journal pull chunk by chunk as the source hands the chunks over, so a long pull never sits in memory
     * whole and storing overlaps reading; the run's counts are written once, at the end. A failed read retried by the
     * kernel starts again from the uncommitted cursor and finds the chunks already stored unchanged.
     *
     * @param pull reads the journal, giving each chunk to the consumer it is handed
     */
    public void takeIn(String collegeId, long runId, java.util.function.Consumer<java.util.function.Consumer<List<JournalChange>>> pull) {
        MarksIntake.Context context = intake.context(collegeId);
        int[] totals = new int[5];
        pull.accept(chunk -> {
            MarksIntake.Summary summary = intake.accept(context, chunk, runId);
            totals[0] += summary.read();
            totals[1] += summary.accepted();
            totals[2] += summary.unchanged();
            totals[3] += summary.rejected();
            totals[4] += summary.closed();
        });
        finish(collegeId, runId, new MarksIntake.Summary(totals[0], totals[1], totals[2], totals[3], totals[4]), 0);
    }

    /** What a pull read in the journal's own terms; nothing recorded when the read left no counts. */
    public void sourceCounts(long runId, java.util.Map<String, Integer> read) {
        if (read != null && !read.isEmpty()) {
            runs.sourceCounts(runId, read);
        }
    }

    /** @param brokenRows rows of a file refused before the intake, counted with the run's refusals */
    public void intake(String collegeId, List<JournalChange> changes, long runId, int brokenRows) {
        finish(collegeId, runId, intake.accept(collegeId, changes, runId), brokenRows);
    }

    private void finish(String collegeId, long runId, MarksIntake.Summary summary, int brokenRows) {
        runs.readFinished(runId, false, summary.read() + brokenRows, summary.unchanged(), summary.accepted(), summary.rejected() + brokenRows);
        runs.addClosedRejections(runId, summary.closed());
        log.info("Отметки {}: запуск {} прочитано {}, принято {}, без изменений {}, отклонено {}, закрыто прежних отклонений {}", collegeId, runId,
                summary.read() + brokenRows, summary.accepted(), summary.unchanged(), summary.rejected() + brokenRows, summary.closed());
    }
}
