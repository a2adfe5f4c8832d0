package ru.spobridge.routes.contingent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.contingent.ContingentRead;
import ru.spobridge.connectors.contingent.ContingentReadException;
import ru.spobridge.connectors.contingent.ContingentSoapClient;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.SourceCursors;
import ru.spobridge.routes.store.SyncRuns;

/** The steps of one contingent run that {@link ContingentSyncRoute} calls in order. */
@Component
public class ContingentSync {

    public static final String COLLEGE = "spoCollegeId";
    public static final String RUN = "spoRunId";
    public static final String TRIGGER = "spoTrigger";
    public static final String MODE = "spoMode";
    public static final String HELD = "spoHeld";
    public static final String MODE_FULL = "full";

    private static final Logger log = LoggerFactory.getLogger(ContingentSync.class);

    private final Colleges colleges;
    private final ContingentSources sources;
    private final ContingentIntake intake;
    private final HoldPolicy holdPolicy;
    private final SyncRuns runs;
    private final HeldRuns heldRuns;
    private final SourceCursors cursors;
    private final CanonicalJson json;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** The fullest partial read of a run still retrying: a later attempt may fail earlier and read less. */
    private final Map<Long, ContingentSnapshot> partialReads = new ConcurrentHashMap<>();

    public ContingentSync(Colleges colleges, ContingentSources sources, ContingentIntake intake, HoldPolicy holdPolicy,
                          SyncRuns runs, HeldRuns heldRuns, SourceCursors cursors, CanonicalJson json) {
        this.colleges = colleges;
        this.sources = sources;
        this.intake = intake;
        this.holdPolicy = holdPolicy;
        this.runs = runs;
        this.heldRuns = heldRuns;
        this.cursors = cursors;
        this.json = json;
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
    public ContingentSnapshot read(@Header(COLLEGE) String collegeId, @Header(MODE) String mode, @Header(RUN) Long runId) {
        ContingentSoapClient client = sources.client(collegeId);
        String ogrn = colleges.settings(collegeId).ogrn();
        Instant since = MODE_FULL.equals(mode) ? null : cursors.get(collegeId, ContingentIntake.FLOW);
        List<ContingentGroupRecord> groups = client.fetchGroups(ogrn);
        try {
            ContingentRead students = client.readStudents(ogrn, since);
            return new ContingentSnapshot(collegeId, groups, students);
        } catch (ContingentReadException e) {
            if (e.partial() == null) {
                throw e;
            }
            ContingentSnapshot partial = new ContingentSnapshot(collegeId, groups, e.partial());
            if (runId != null) {
                partialReads.merge(runId, partial, (kept, fresh) ->
                        fresh.students().students().size() > kept.students().students().size() ? fresh : kept);
            }
            throw new IncompleteReadException(e, partial);
        }
    }

    /** Holds a read that is not safe to apply unattended; true when held. */
    public boolean holdIfUnsafe(ContingentSnapshot snapshot, @Header(RUN) long runId) {
        Optional<HoldPolicy.Hold> hold = holdPolicy.evaluate(snapshot);
        hold.ifPresent(reason -> hold(snapshot, runId, reason));
        return hold.isPresent();
    }

    public IntakeSummary intake(ContingentSnapshot snapshot, @Header(RUN) long runId) {
        IntakeSummary summary = intake.accept(snapshot, runId);
        runs.readFinished(runId, snapshot.students().full(), summary.read(), summary.unchanged(), summary.changed(), summary.rejected());
        if (snapshot.students().complete()) {
            // the cursor moves only after the read is safely stored: a crash before this re-reads, never skips
            cursors.put(snapshot.collegeId(), ContingentIntake.FLOW, snapshot.students().asOf());
        }
        log.info("Контингент {}: запуск {} прочитано {}, изменено {}, без изменений {}, отклонено {}",
                snapshot.collegeId(), runId, summary.read(), summary.changed(), summary.unchanged(), summary.rejected());
        return summary;
    }

    public void finish(@Header(COLLEGE) String collegeId, @Header(RUN) Long runId) {
        running.remove(collegeId);
        if (runId != null) {
            partialReads.remove(runId);
        }
    }

    /** The read could not be done after its retries: held when some pages came, failed otherwise; nothing is sent. */
    public void failed(Exchange exchange) {
        String collegeId = exchange.getIn().getHeader(COLLEGE, String.class);
        Long runId = exchange.getIn().getHeader(RUN, Long.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "неизвестная ошибка" : cause.getMessage();
        ContingentSnapshot partial = runId == null ? null : partialReads.remove(runId);
        if (partial != null) {
            hold(partial, runId, new HoldPolicy.Hold(HoldPolicy.READ_INCOMPLETE, "Чтение ИС «Контингент» прервалось ("
                    + partial.students().students().size() + " из " + partial.students().totalCount() + " записей): " + reason));
        } else if (runId != null) {
            runs.failed(runId, reason);
            log.error("Контингент {}: запуск {} не выполнен: {}", collegeId, runId, reason);
        }
        if (collegeId != null) {
            running.remove(collegeId);
        }
    }

    private void hold(ContingentSnapshot snapshot, long runId, HoldPolicy.Hold hold) {
        heldRuns.hold(runId, snapshot.collegeId(), ContingentIntake.FLOW, hold.code(), hold.reason(), json.write(snapshot));
        runs.held(runId, hold.reason());
        log.warn("Контингент {}: запуск {} задержан до решения оператора: {}", snapshot.collegeId(), runId, hold.reason());
    }
}
