package ru.spobridge.routes.schedule;

import java.util.List;
import java.util.Locale;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.files.TextDecoding;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.mappings.schedule.ScheduleCsv;

/** The steps of the reference and schedule flows that {@link ScheduleRoutes} calls in order. */
@Component
public class ScheduleSteps {

    public static final String EMPTY_EXPORT = "EMPTY_EXPORT";
    public static final String MASS_REMOVAL = "MASS_REMOVAL";

    private static final Logger log = LoggerFactory.getLogger(ScheduleSteps.class);

    private final ScheduleState state;
    private final ReferenceIntake reference;
    private final RejectedRecords rejected;
    private final SyncRuns runs;
    private final HeldRuns heldRuns;
    private final Colleges colleges;
    private final CanonicalJson json;

    public ScheduleSteps(ScheduleState state, ReferenceIntake reference, RejectedRecords rejected, SyncRuns runs, HeldRuns heldRuns,
                         Colleges colleges, CanonicalJson json) {
        this.state = state;
        this.reference = reference;
        this.rejected = rejected;
        this.runs = runs;
        this.heldRuns = heldRuns;
        this.colleges = colleges;
        this.json = json;
    }

    /**
     * An export that would empty a period or remove more than the college's share of its planned lessons is held
     * like a mass removal: an empty or cut file must never wipe a schedule.
     */
    public boolean holdIfUnsafe(ScheduleSnapshot snapshot, @Header(ContingentSync.RUN) long runId) {
        int before = state.planned(snapshot.collegeId(), snapshot.from(), snapshot.to()).size();
        java.util.Set<String> incoming = new java.util.HashSet<>();
        snapshot.lessons().forEach(lesson -> incoming.add(lesson.key()));
        long removed = state.planned(snapshot.collegeId(), snapshot.from(), snapshot.to()).keySet().stream().filter(key -> !incoming.contains(key)).count();
        double limit = colleges.settings(snapshot.collegeId()).hold().maxRemovalShare();
        String reason = null;
        String code = null;
        if (snapshot.lessons().isEmpty()) {
            code = EMPTY_EXPORT;
            reason = "Расписание из файла " + snapshot.fileName() + " не содержит ни одного занятия на " + snapshot.from() + "–" + snapshot.to()
                    + (snapshot.cards() <= 10 && snapshot.cards() > 0 ? " (не больше 10 карточек — похоже на ограничение незарегистрированной aSc)" : "");
        } else if (before > 0 && (double) removed / before > limit) {
            code = MASS_REMOVAL;
            reason = String.format(Locale.forLanguageTag("ru-RU"), "Импорт убрал бы %d из %d занятий периода (%.1f %%, порог %.1f %%)",
                    removed, before, 100.0 * removed / before, limit * 100);
        }
        if (code == null) {
            return false;
        }
        heldRuns.hold(runId, snapshot.collegeId(), ScheduleState.FLOW, code, reason, json.write(snapshot));
        runs.held(runId, reason);
        log.warn("Расписание {}: запуск {} задержан до решения оператора: {}", snapshot.collegeId(), runId, reason);
        return true;
    }

    public void applyImport(ScheduleSnapshot snapshot, @Header(ContingentSync.RUN) long runId) {
        snapshot.errors().forEach(error -> reject(snapshot.collegeId(), "card", error, runId));
        int[] planned = state.replacePlanned(snapshot.collegeId(), snapshot.from(), snapshot.to(), snapshot.lessons());
        int changed = state.compose(snapshot.collegeId());
        runs.readFinished(runId, false, snapshot.lessons().size() + snapshot.errors().size(), snapshot.lessons().size() - planned[0],
                changed, snapshot.errors().size());
        log.info("Расписание {}: файл {} — занятий {}, изменилось {}, убрано {}, отклонено {}", snapshot.collegeId(), snapshot.fileName(),
                snapshot.lessons().size(), planned[0], planned[1], snapshot.errors().size());
    }

    public void applyChanges(@Header(ContingentSync.COLLEGE) String college, @Header("CamelFileName") String fileName, byte[] content,
                             @Header(ContingentSync.RUN) long runId) {
        var rows = ScheduleCsv.changes(college, fileName, TextDecoding.decode(content).text());
        rows.errors().forEach(error -> reject(college, ScheduleState.CHANGE, error, runId));
        state.saveChanges(college, rows.records());
        int changed = state.compose(college);
        runs.readFinished(runId, false, rows.records().size() + rows.errors().size(), 0, changed, rows.errors().size());
    }

    public void applyAttestation(@Header(ContingentSync.COLLEGE) String college, @Header("CamelFileName") String fileName, byte[] content,
                                 @Header(ContingentSync.RUN) long runId) {
        var rows = ScheduleCsv.attestation(college, fileName, TextDecoding.decode(content).text());
        rows.errors().forEach(error -> reject(college, ScheduleState.ATTESTATION, error, runId));
        int changed = state.saveAttestation(college, rows.records());
        runs.readFinished(runId, false, rows.records().size() + rows.errors().size(), rows.records().size() - changed, changed, rows.errors().size());
    }

    public void applyReference(@Header(ContingentSync.COLLEGE) String college, @Header("CamelFileName") String fileName, byte[] content,
                               @Header(ContingentSync.RUN) long runId) {
        var rows = ScheduleCsv.reference(college, fileName, TextDecoding.decode(content).text());
        ReferenceIntake.Summary summary = reference.accept(college, rows.records(), rows.errors(), runId);
        runs.readFinished(runId, false, summary.read(), 0, summary.accepted(), summary.rejected());
    }

    private void reject(String college, String entityType, RecordError error, long runId) {
        rejected.reject(college, ScheduleState.FLOW, entityType, error.recordKey(), RejectedRecords.INTAKE, List.of(error), null, runId);
        log.warn("Расписание {}: {} {} отклонено: {}/{}", college, entityType, error.recordKey(), error.field(), error.code());
    }
}
