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
    /** Entity type of a rejection filed against a whole schedule file. */
    public static final String FILE = "schedule_file";
    /** Entity type of a rejected aSc element (teacher, class, room, subject, bell…), keyed by kind and short name. */
    public static final String ELEMENT = "asc_element";
    /** Entity type of a rejected aSc card, keyed by lessonid, period and days. */
    public static final String CARD = "card";
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
                    + snapshot.from() + "–" + snapshot.to() + ": прочитано карточек " + snapshot.cards() + ", уроков " + snapshot.lessonDefs()
                    + (snapshot.rejectedCards() > 0 ? ", отклонено карточек " + snapshot.rejectedCards() : "")
                    + (snapshot.skippedCards() > 0 ? ", карточек не на эти недели или семестр " + snapshot.skippedCards() : "")
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
        // the held run shows what was read (cards, refused cards) like any other, not zeros beside its reason
        runs.readFinished(runId, false, snapshot.cards(), 0, 0, snapshot.rejectedCards());
        runs.sourceCounts(runId, sourceCounts(snapshot));
        return true;
    }

    /**
     * A file that cannot be read is refused at once, with the place and kind of damage: never held as «empty»,
     * so an operator does not learn the cause only after pressing «Применить».
     */
    public void refuseFile(ScheduleSnapshot snapshot, long runId) {
        RecordError refusal = snapshot.refusal();
        rejected.reject(snapshot.collegeId(), ScheduleState.FLOW, FILE, refusal.recordKey(), RejectedRecords.INTAKE, List.of(refusal), null, runId);
        runs.fileRefused(runId, refusal.message());
        log.warn("Расписание {}: запуск {} — файл {} отклонён целиком: {}/{}", snapshot.collegeId(), runId, snapshot.fileName(),
                refusal.field(), refusal.code());
    }

    public void applyImport(ScheduleSnapshot snapshot, long runId) {
        List<RecordError> cards = snapshot.errors().stream().filter(error -> error.recordKey().startsWith(CARD + " ")).toList();
        List<RecordError> elements = snapshot.errors().stream().filter(error -> !error.recordKey().startsWith(CARD + " ")).toList();
        reject(snapshot.collegeId(), CARD, cards, runId);
        reject(snapshot.collegeId(), ELEMENT, elements, runId);
        int closed = trackUnmatched(snapshot, runId);
        runs.addClosedRejections(runId, closed);
        int[] planned = state.replacePlanned(snapshot.collegeId(), snapshot.from(), snapshot.to(), snapshot.lessons());
        int changed = state.compose(snapshot.collegeId());
        // the run counts what the file holds — cards, not errors: one card with three defects is one refused card
        runs.readFinished(runId, false, snapshot.cards(), snapshot.lessons().size() - planned[0], changed, snapshot.rejectedCards());
        runs.sourceCounts(runId, sourceCounts(snapshot));
        log.info("Расписание {}: файл {} — карточек {}, уроков {}, отклонено карточек {}, не на эти недели {}, занятий по датам {},"
                        + " изменилось {}, убрано {}", snapshot.collegeId(), snapshot.fileName(), snapshot.cards(), snapshot.lessonDefs(),
                snapshot.rejectedCards(), snapshot.skippedCards(), snapshot.lessons().size(), planned[0], planned[1]);
    }

    /** What the export held in aSc's own terms, in the order an operator reads them. */
    static java.util.LinkedHashMap<String, Integer> sourceCounts(ScheduleSnapshot snapshot) {
        java.util.LinkedHashMap<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("карточек", snapshot.cards());
        counts.put("уроков", snapshot.lessonDefs());
        counts.put("карточек отклонено", snapshot.rejectedCards());
        counts.put("карточек не на эти недели или семестр", snapshot.skippedCards());
        counts.put("занятий по датам", snapshot.lessons().size());
        return counts;
    }

    /** @return false when the file was refused as a whole: nothing taken, nothing to send */
    public boolean applyChanges(String college, String fileName, byte[] content, long runId) {
        var rows = ScheduleCsv.changes(college, fileName, TextDecoding.decode(content).text());
        reject(college, ScheduleState.CHANGE, rows.errors(), runId);
        if (refusedAsAWhole(rows, runId)) {
            return false;
        }
        state.saveChanges(college, rows.records());
        int changed = state.compose(college);
        runs.readFinished(runId, false, rows.records().size() + rows.errors().size(), 0, changed, rows.errors().size());
        runs.rowsRead(runId, rows.rows());
        return true;
    }

    /** @return false when the file was refused as a whole: nothing taken, nothing to send */
    public boolean applyAttestation(String college, String fileName, byte[] content, long runId) {
        var rows = ScheduleCsv.attestation(college, fileName, TextDecoding.decode(content).text());
        reject(college, ScheduleState.ATTESTATION, rows.errors(), runId);
        if (refusedAsAWhole(rows, runId)) {
            return false;
        }
        int changed = state.saveAttestation(college, rows.records());
        runs.readFinished(runId, false, rows.records().size() + rows.errors().size(), rows.records().size() - changed, changed, rows.errors().size());
        runs.rowsRead(runId, rows.rows());
        return true;
    }

    /** A CSV file refused as a whole (empty, unknown layout, missing columns): the run ends «файл отклонён», nothing applied. */
    private boolean refusedAsAWhole(ScheduleCsv.Rows<?> rows, long runId) {
        if (!rows.refused()) {
            return false;
        }
        runs.rowsRead(runId, 0);
        runs.fileRefused(runId, rows.refusal().message());
        return true;
    }

    /** @return false when the file was refused as a whole: nothing taken, nothing to send */
    public boolean applyReference(String college, String fileName, byte[] content, long runId) {
        var rows = ScheduleCsv.reference(college, fileName, TextDecoding.decode(content).text());
        ReferenceIntake.Summary summary = reference.accept(college, rows.records(), rows.errors(), runId);
        runs.readFinished(runId, false, summary.read(), 0, summary.accepted(), summary.rejected());
        return !rows.refused();
    }

    /**
     * Keeps the elements this import left unmatched for the operator, and closes what earlier imports rejected and
     * this one read without a defect (a mapping was added) or no longer has (the element is gone).
     *
     * @return how many earlier rejections this import closed
     */
    private int trackUnmatched(ScheduleSnapshot snapshot, long runId) {
        String college = snapshot.collegeId();
        java.util.Set<AscMatching.Unmatched> still = new java.util.HashSet<>();
        for (AscMatching.Unmatched element : snapshot.unmatched()) {
            unmatched.record(college, runId, element.kind().name(), element.ascId(), element.shortName(), element.name());
            still.add(new AscMatching.Unmatched(element.kind(), "", element.shortName(), element.name()));
        }
        java.util.Set<String> rejectedNow = new java.util.HashSet<>();
        snapshot.errors().forEach(error -> rejectedNow.add(error.recordKey()));
        java.util.Set<String> fixed = new java.util.LinkedHashSet<>(snapshot.matchedKeys());
        for (AscUnmatched.Element open : unmatched.open(college)) {
            AscMatching.Kind kind = AscMatching.Kind.valueOf(open.kind());
            if (!still.contains(new AscMatching.Unmatched(kind, "", open.shortName(), open.name()))) {
                unmatched.resolve(open.id());
                String key = new AscMatching.Unmatched(kind, open.ascId(), open.shortName(), open.name()).recordKey();
                if (!rejectedNow.contains(key)) {
                    fixed.add(key);
                }
            }
        }
        // rejections of elements filed under «card» by id before elements had keys of their own: superseded, not fixed
        List<String> legacy = rejected.openIntakeKeys(college, CARD).stream().filter(key -> !key.startsWith(CARD + " ")).toList();
        if (!legacy.isEmpty()) {
            rejected.resolve(college, CARD, legacy, RejectedRecords.INTAKE);
        }
        return rejected.closeFixed(college, ELEMENT, fixed) + rejected.closeFixed(college, CARD, snapshot.matchedKeys());
    }

    private void reject(String college, String entityType, List<RecordError> errors, long runId) {
        rejected.rejectEach(college, ScheduleState.FLOW, entityType, errors, runId);
        errors.forEach(error -> log.debug("Расписание {}: {} {} отклонено: {}/{}", college, entityType, error.recordKey(), error.field(),
                error.code()));
    }
}
