package ru.spobridge.routes.contingent;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.contingent.ContingentRead;
import ru.spobridge.connectors.contingent.ContingentSoapClient;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.store.SourceCursors;
import ru.spobridge.routes.store.SyncRuns;

/** The steps of one contingent run that {@link ContingentSyncRoute} calls in order. */
@Component
public class ContingentSync {

    public static final String COLLEGE = "spoCollegeId";
    public static final String RUN = "spoRunId";
    public static final String TRIGGER = "spoTrigger";
    public static final String MODE = "spoMode";
    public static final String MODE_FULL = "full";

    private static final Logger log = LoggerFactory.getLogger(ContingentSync.class);

    private final Colleges colleges;
    private final ContingentSources sources;
    private final ContingentIntake intake;
    private final SyncRuns runs;
    private final SourceCursors cursors;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public ContingentSync(Colleges colleges, ContingentSources sources, ContingentIntake intake, SyncRuns runs, SourceCursors cursors) {
        this.colleges = colleges;
        this.sources = sources;
        this.intake = intake;
        this.runs = runs;
        this.cursors = cursors;
    }

    /** Opens a run; null when the previous run of this college is still reading (an overlapping schedule). */
    public Long start(@Header(COLLEGE) String collegeId, @Header(TRIGGER) String trigger) {
        colleges.settings(collegeId);
        if (!running.add(collegeId)) {
            log.warn("Контингент {}: предыдущий запуск ещё читает источник, этот пропущен", collegeId);
            return null;
        }
        return runs.start(collegeId, ContingentIntake.FLOW, trigger == null ? "manual" : trigger);
    }

    /** Reads groups and students: all of them on a first or full run, the changes since the cursor otherwise. */
    public ContingentSnapshot read(@Header(COLLEGE) String collegeId, @Header(MODE) String mode) {
        ContingentSoapClient client = sources.client(collegeId);
        String ogrn = colleges.settings(collegeId).ogrn();
        Instant since = MODE_FULL.equals(mode) ? null : cursors.get(collegeId, ContingentIntake.FLOW);
        var groups = client.fetchGroups(ogrn);
        ContingentRead students = client.readStudents(ogrn, since);
        return new ContingentSnapshot(collegeId, groups, students);
    }

    public IntakeSummary intake(ContingentSnapshot snapshot, @Header(RUN) long runId) {
        IntakeSummary summary = intake.accept(snapshot, runId);
        runs.readFinished(runId, snapshot.students().full(), summary.read(), summary.unchanged(), summary.changed(), summary.rejected());
        // the cursor moves only after the read is safely stored: a crash before this re-reads, never skips
        cursors.put(snapshot.collegeId(), ContingentIntake.FLOW, snapshot.students().asOf());
        log.info("Контингент {}: запуск {} прочитано {}, изменено {}, без изменений {}, отклонено {}",
                snapshot.collegeId(), runId, summary.read(), summary.changed(), summary.unchanged(), summary.rejected());
        return summary;
    }

    public void finish(@Header(COLLEGE) String collegeId) {
        running.remove(collegeId);
    }

    /** The read could not be done after its retries: the run is failed, nothing is sent or removed. */
    public void failed(Exchange exchange) {
        String collegeId = exchange.getIn().getHeader(COLLEGE, String.class);
        Long runId = exchange.getIn().getHeader(RUN, Long.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "неизвестная ошибка" : cause.getMessage();
        if (runId != null) {
            runs.failed(runId, reason);
        }
        if (collegeId != null) {
            running.remove(collegeId);
        }
        log.error("Контингент {}: запуск {} не выполнен: {}", collegeId, runId, reason);
    }
}
