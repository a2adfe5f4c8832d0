package ru.spobridge.routes.schedule;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.files.TextDecoding;
import ru.spobridge.mappings.asc.AscMatching;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.flow.Holds;
import ru.spobridge.routes.store.AscUnmatched;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.mappings.schedule.ScheduleCsv;

/** The steps of the reference and schedule flows that {@link ScheduleRoutes} calls in order. */
@Component
public class ScheduleSteps {

    public static final String EMPTY_EXPORT = "EMPTY_EXPORT";
    public static final String MASS_REMOVAL = Holds.MASS_REMOVAL;

    private static final Logger log = LoggerFactory.getLogger(ScheduleSteps.class);

    private final ScheduleState state;
    private final ReferenceIntake reference;
    private final RejectedRecords rejected;
    private final SyncRuns runs;
    private final Holds holds;
    private final Colleges colleges;
    private final AscUnmatched unmatched;

    public ScheduleSteps(ScheduleState state, ReferenceIntake reference, RejectedRecords rejected, SyncRuns runs, Holds holds,
                         Colleges colleges, AscUnmatched unmatched) {
        this.state = state;
        this.reference = reference;
        this.rejected = rejected;
        this.runs = runs;
        this.holds = holds;
        this.colleges = colleges;
        this.unmatched = unmatched;
    }

    /**
     * An export that would empty a period or remove more than the college's share of its planned lessons is held
     * like a mass removal: an empty or cut file must never wipe a schedule.
     */
    public boolean holdIfUnsafe(ScheduleSnapshot snapshot, long runId) {
        java.util.Set<String> planned = state.planned(snapshot.collegeId(), snapshot.from(), snapshot.to()).keySet();
        java.util.Set<String> incoming = new java.util.HashSet<>();
        snapshot.lessons().forEach(lesson -> incoming.add(lesson.key()));
        long removed = planned.stream().filter(key -> !incoming.contains(key)).count();
        double limit = colleges.settings(snapshot.collegeId()).hold().maxRemovalShare();
        Holds.Hold hold = null;
        if (snapshot.lessons().isEmpty()) {
            hold = new Holds.Hold(EMPTY_EXPORT, "Расписание из файла " + snapshot.fileName() + " не содержит ни одного занятия на "
                    + snapshot.from() + "–" + snapshot.to()
                    + (snapshot.cards() <= 10 && snapshot.cards() > 0 ? " (не больше 10 карточек — похоже на ограничение незарегистрированной aSc)" : ""));
        } else if (!planned.isEmpty() && Holds.removesTooMany(removed, planned.size(), limit)) {
            hold = new Holds.Hold(Holds.MASS_REMOVAL, String.format(Locale.forLanguageTag("ru-RU"),
                    "Импорт убрал бы %d из %d занятий периода (%.1f %%, порог %.1f %%)",
                    removed, planned.size(), 100.0 * removed / planned.size(), limit * 100));
        }
        if (hold == null) {
            return false;
        }
        holds.hold(runId, snapshot.collegeId(), ScheduleState.FLOW, hold, snapshot);
        return true;
    }

    public void applyImport(ScheduleSnapshot snapshot, long runId) {
        reject(snapshot.collegeId(), "card", snapshot.errors(), runId);
        trackUnmatched(snapshot, runId);
        int[] planned = state.replacePlanned(snapshot.collegeId(), snapshot.from(), snapshot.to(), snapshot.lessons());
        int changed = state.compose(snapshot.collegeId());
        runs.readFinished(runId, false, snapshot.lessons().size() + snapshot.errors().size(), snapshot.lessons().size() - planned[0],
                changed, snapshot.errors().size());
        log.info("Расписание {}: файл {} — занятий {}, изменилось {}, убрано {}, отклонено {}", snapshot.collegeId(), snapshot.fileName(),
                snapshot.lessons().size(), planned[0], planned[1], snapshot.errors().size());
    }

    public void applyChanges(String college, String fileName, byte[] content, long runId) {
        var rows = ScheduleCsv.changes(college, fileName, TextDecoding.decode(content).text());
        reject(college, ScheduleState.CHANGE, rows.errors(), runId);
        state.saveChanges(college, rows.records());
        int changed = state.compose(college);
        runs.readFinished(runId, false, rows.records().size() + rows.errors().size(), 0, changed, rows.errors().size());
    }

    public void applyAttestation(String college, String fileName, byte[] content, long runId) {
        var rows = ScheduleCsv.attestation(college, fileName, TextDecoding.decode(content).text());
        reject(college, ScheduleState.ATTESTATION, rows.errors(), runId);
        int changed = state.saveAttestation(college, rows.records());
        runs.readFinished(runId, false, rows.records().size() + rows.errors().size(), rows.records().size() - changed, changed, rows.errors().size());
    }

    public void applyReference(String college, String fileName, byte[] content, long runId) {
        var rows = ScheduleCsv.reference(college, fileName, TextDecoding.decode(content).text());
        ReferenceIntake.Summary summary = reference.accept(college, rows.records(), rows.errors(), runId);
        runs.readFinished(runId, false, summary.read(), 0, summary.accepted(), summary.rejected());
    }

    /**
     * Keeps the elements this import left unmatched for the operator, and closes those an earlier import left open
     * that this one did not (a mapping was added, or the element is gone), with their «не найдена» rejection.
     */
    private void trackUnmatched(ScheduleSnapshot snapshot, long runId) {
        String college = snapshot.collegeId();
        java.util.Set<AscMatching.Unmatched> still = new java.util.HashSet<>();
        for (AscMatching.Unmatched element : snapshot.unmatched()) {
            unmatched.record(college, runId, element.kind().name(), element.ascId(), element.shortName(), element.name());
            still.add(new AscMatching.Unmatched(element.kind(), "", element.shortName(), element.name()));
        }
        for (AscUnmatched.Element open : unmatched.open(college)) {
            AscMatching.Kind kind = AscMatching.Kind.valueOf(open.kind());
            if (!still.contains(new AscMatching.Unmatched(kind, "", open.shortName(), open.name()))) {
                unmatched.resolve(open.id());
                rejected.resolve(college, "card", List.of(new AscMatching.Unmatched(kind, open.ascId(), null, null).recordKey()),
                        RejectedRecords.INTAKE);
            }
        }
    }

    private void reject(String college, String entityType, List<RecordError> errors, long runId) {
        rejected.rejectEach(college, ScheduleState.FLOW, entityType, errors, runId);
        errors.forEach(error -> log.debug("Расписание {}: {} {} отклонено: {}/{}", college, entityType, error.recordKey(), error.field(),
                error.code()));
    }
}
