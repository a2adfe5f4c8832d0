package ru.spobridge.routes.contingent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.contingent.ContingentRead;
import ru.spobridge.connectors.contingent.ContingentReadException;
import ru.spobridge.connectors.contingent.ContingentSoapClient;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.flow.Holds;
import ru.spobridge.routes.store.SourceCursors;
import ru.spobridge.routes.store.SyncRuns;

/** The steps of one contingent run that {@link ContingentSyncRoute} calls in order. */
@Component
public class ContingentSync {

    private static final Logger log = LoggerFactory.getLogger(ContingentSync.class);

    private final Colleges colleges;
    private final ContingentSources sources;
    private final ContingentIntake intake;
    private final HoldPolicy holdPolicy;
    private final SyncRuns runs;
    private final Holds holds;
    private final SourceCursors cursors;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** The fullest partial read of a run still retrying: a later attempt may fail earlier and read less. */
    private final Map<Long, ContingentSnapshot> partialReads = new ConcurrentHashMap<>();
    /** Student keys the store had when a run began reading, until its hold is decided: its pages are stored meanwhile. */
    private final Map<Long, Set<String>> studentsBefore = new ConcurrentHashMap<>();

    public ContingentSync(Colleges colleges, ContingentSources sources, ContingentIntake intake, HoldPolicy holdPolicy,
                          SyncRuns runs, Holds holds, SourceCursors cursors) {
        this.colleges = colleges;
        this.sources = sources;
        this.intake = intake;
        this.holdPolicy = holdPolicy;
        this.runs = runs;
        this.holds = holds;
        this.cursors = cursors;
    }

    /** Opens a run; null when the previous run of this college is still reading (an overlapping schedule). */
    public Long start(String collegeId, String trigger) {
        colleges.settings(collegeId);
        if (!running.add(collegeId)) {
            log.warn("Контингент {}: предыдущий запуск ещё читает источник, этот пропущен", collegeId);
            return null;
        }
        return runs.start(collegeId, ContingentIntake.FLOW, trigger);
    }

    /**
     * Reads groups and students — all of them on a first or full run, the changes since the cursor otherwise — and
     * stores them page by page while the read goes on. The movement orders and the hold wait for the last page.
     */
    public ContingentSnapshot read(String collegeId, boolean full, long runId) {
        ContingentSoapClient client = sources.client(collegeId);
        String ogrn = colleges.settings(collegeId).ogrn();
        Instant since = full ? null : cursors.get(collegeId, ContingentIntake.FLOW);
        List<ContingentGroupRecord> groups = client.fetchGroups(ogrn);
        // taken once per run: a retried read finds its earlier attempt's pages in the store
        Set<String> before = studentsBefore.computeIfAbsent(runId, id -> intake.studentKeys(collegeId));
        StudentPages pages = intake.begin(collegeId, runId, groups, before, since != null);
        try {
            ContingentRead students = client.readStudents(ogrn, since, pages::accept);
            return new ContingentSnapshot(collegeId, groups, students, pages.finish());
        } catch (ContingentReadException e) {
            if (e.partial() == null) {
                throw e;
            }
            ContingentSnapshot partial = new ContingentSnapshot(collegeId, groups, e.partial(), pages.finish());
            partialReads.merge(runId, partial, (kept, fresh) ->
                    fresh.students().studentCount() > kept.students().studentCount() ? fresh : kept);
            throw new IncompleteReadException(e, partial);
        }
    }

    /** Reads groups and students whole, storing nothing: for a preview, which applies them in a transaction it rolls back. */
    public ContingentSnapshot readWhole(String collegeId, boolean full) {
        ContingentSoapClient client = sources.client(collegeId);
        String ogrn = colleges.settings(collegeId).ogrn();
        Instant since = full ? null : cursors.get(collegeId, ContingentIntake.FLOW);
        List<ContingentGroupRecord> groups = client.fetchGroups(ogrn);
        try {
            return new ContingentSnapshot(collegeId, groups, client.readStudents(ogrn, since));
        } catch (ContingentReadException e) {
            if (e.partial() == null) {
                throw e;
            }
            throw new IncompleteReadException(e, new ContingentSnapshot(collegeId, groups, e.partial()));
        }
    }

    /** Holds a read that is not safe to apply unattended; true when held. */
    public boolean holdIfUnsafe(ContingentSnapshot snapshot, long runId) {
        // the students this read stored are not counted among those the college had: the share is of the store before it
        Optional<Holds.Hold> hold = holdPolicy.evaluate(snapshot, studentsBefore.get(runId));
        hold.ifPresent(reason -> holds.hold(runId, snapshot.collegeId(), ContingentIntake.FLOW, reason, snapshot));
        return hold.isPresent();
    }

    public IntakeSummary intake(ContingentSnapshot snapshot, long runId) {
        IntakeSummary summary = snapshot.stored() == null ? intake.accept(snapshot, runId)
                : snapshot.stored().plus(intake.acceptMovements(snapshot.collegeId(), snapshot.students().movements(), runId));
        runs.readFinished(runId, snapshot.students().full(), summary.read(), summary.unchanged(), summary.changed(), summary.rejected());
        java.util.Map<String, Integer> source = new java.util.LinkedHashMap<>();
        source.put("групп", snapshot.groups().size());
        source.put("обучающихся", snapshot.students().studentCount());
        source.put("приказов", snapshot.students().movements().size());
        runs.sourceCounts(runId, source);
        runs.addClosedRejections(runId, summary.closedRejections());
        if (snapshot.students().complete()) {
            // the cursor moves only after the read is safely stored: a crash before this re-reads, never skips
            cursors.put(snapshot.collegeId(), ContingentIntake.FLOW, snapshot.students().asOf());
        }
        log.info("Контингент {}: запуск {} прочитано {}, изменено {}, без изменений {}, отклонено {}, закрыто прежних отклонений {}",
                snapshot.collegeId(), runId, summary.read(), summary.changed(), summary.unchanged(), summary.rejected(),
                summary.closedRejections());
        return summary;
    }

    /** The read of this college is over (done, held or failed): the next run may start. */
    public void finish(String collegeId, Long runId) {
        if (collegeId != null) {
            running.remove(collegeId);
        }
        if (runId != null) {
            partialReads.remove(runId);
            studentsBefore.remove(runId);
        }
    }

    /** A read that failed after some pages came is held with what it got; true when held. */
    public boolean holdPartialRead(long runId, Exception cause) {
        ContingentSnapshot partial = partialReads.remove(runId);
        if (partial == null) {
            return false;
        }
        String reason = cause == null ? "неизвестная ошибка" : cause.getMessage();
        holds.hold(runId, partial.collegeId(), ContingentIntake.FLOW, new Holds.Hold(HoldPolicy.READ_INCOMPLETE, "Чтение ИС «Контингент» прервалось ("
                + partial.students().studentCount() + " из " + partial.students().totalCount() + " записей): " + reason), partial);
        return true;
    }
}
