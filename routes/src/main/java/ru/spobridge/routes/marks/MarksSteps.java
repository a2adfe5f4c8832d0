package ru.spobridge.routes.marks;

import ru.spobridge.routes.flow.FlowHeaders;

import java.util.List;
import org.apache.camel.Header;
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

    public void intake(@Header(FlowHeaders.COLLEGE) String collegeId, List<JournalChange> changes, @Header(FlowHeaders.RUN) long runId) {
        MarksIntake.Summary summary = intake.accept(collegeId, changes, runId);
        runs.readFinished(runId, false, summary.read(), summary.unchanged(), summary.accepted(), summary.rejected());
        log.info("Отметки {}: запуск {} прочитано {}, принято {}, без изменений {}, отклонено {}", collegeId, runId, summary.read(),
                summary.accepted(), summary.unchanged(), summary.rejected());
    }
}
