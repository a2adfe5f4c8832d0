package ru.spobridge.routes.staff;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.store.SyncRuns;

/** Run bookkeeping of the staff flow: one run per read, file or day change, visible in the console like any other. */
@Component
public class StaffRunSteps {

    private static final Logger log = LoggerFactory.getLogger(StaffRunSteps.class);

    private final SyncRuns runs;

    public StaffRunSteps(SyncRuns runs) {
        this.runs = runs;
    }

    public long start(@Header(ContingentSync.COLLEGE) String collegeId, @Header(ContingentSync.TRIGGER) String trigger,
                      @Header(ContingentSync.RUN) Long existing) {
        return existing != null ? existing : runs.start(collegeId, StaffIntake.FLOW, trigger == null ? "manual" : trigger);
    }

    public void intakeDone(StaffIntake.Summary summary, @Header(ContingentSync.RUN) long runId) {
        runs.readFinished(runId, false, summary.read(), 0, summary.accepted(), summary.rejected());
    }

    public void failed(Exchange exchange) {
        Long runId = exchange.getIn().getHeader(ContingentSync.RUN, Long.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "неизвестная ошибка" : cause.getMessage();
        if (runId != null) {
            runs.failed(runId, reason);
        }
        log.error("Кадры {}: запуск {} не выполнен: {}", exchange.getIn().getHeader(ContingentSync.COLLEGE), runId, reason);
    }
}
