package ru.spobridge.routes.marks;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.store.SyncRuns;

/** Run bookkeeping of the marks flow. */
@Component
public class MarksSteps {

    private static final Logger log = LoggerFactory.getLogger(MarksSteps.class);

    private final SyncRuns runs;
    private final MarksIntake intake;

    public MarksSteps(SyncRuns runs, MarksIntake intake) {
        this.runs = runs;
        this.intake = intake;
    }

    public long start(@Header(ContingentSync.COLLEGE) String collegeId, @Header(ContingentSync.TRIGGER) String trigger) {
        return runs.start(collegeId, MarksIntake.FLOW, trigger == null ? "manual" : trigger);
    }

    public void intake(@Header(ContingentSync.COLLEGE) String collegeId, List<JournalChange> changes, @Header(ContingentSync.RUN) long runId) {
        MarksIntake.Summary summary = intake.accept(collegeId, changes, runId);
        runs.readFinished(runId, false, summary.read(), summary.unchanged(), summary.accepted(), summary.rejected());
        log.info("Отметки {}: запуск {} прочитано {}, принято {}, без изменений {}, отклонено {}", collegeId, runId, summary.read(),
                summary.accepted(), summary.unchanged(), summary.rejected());
    }

    public void failed(Exchange exchange) {
        Long runId = exchange.getIn().getHeader(ContingentSync.RUN, Long.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "неизвестная ошибка" : cause.getMessage();
        if (runId != null) {
            runs.failed(runId, reason);
        }
        log.error("Отметки {}: запуск {} не выполнен: {}", exchange.getIn().getHeader(ContingentSync.COLLEGE), runId, reason);
    }
}
