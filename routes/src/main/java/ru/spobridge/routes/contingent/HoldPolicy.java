package ru.spobridge.routes.contingent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.MovementSequence;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.flow.Holds;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * Decides whether a read is safe to apply unattended. Held: a read the source cut short, and a read that would
 * expel or send on leave — or, for a full read, lose from the registry — more than the college's share of its
 * students (default 10 %). Such things happen when a source breaks, and are cheaper to confirm than to undo.
 */
@Component
public class HoldPolicy {

    public static final String MASS_REMOVAL = Holds.MASS_REMOVAL;
    public static final String TRUNCATED_READ = "TRUNCATED_READ";
    public static final String READ_INCOMPLETE = "READ_INCOMPLETE";

    /** What a held read would do to a student, as the console shows it. */
    public static final String EXPEL = "отчислить";
    public static final String LEAVE = "академ. отпуск";
    public static final String TRANSFER = "перевести";
    public static final String DISAPPEARS = "исчез из ИС «Контингент»";

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private final CanonicalRecords canonical;
    private final Colleges colleges;

    public HoldPolicy(CanonicalRecords canonical, Colleges colleges) {
        this.canonical = canonical;
        this.colleges = colleges;
    }

    public Optional<Holds.Hold> evaluate(ContingentSnapshot snapshot) {
        return evaluate(snapshot, null);
    }

    /**
     * @param knownBefore the college's student keys before the read stored its pages; null: as the store has them now
     *                    (a read not stored yet)
     */
    public Optional<Holds.Hold> evaluate(ContingentSnapshot snapshot, Set<String> knownBefore) {
        var read = snapshot.students();
        if (!read.complete()) {
            return Optional.of(new Holds.Hold(READ_INCOMPLETE, "Чтение ИС «Контингент» прервалось: получено " + read.studentCount()
                    + " из " + read.totalCount() + " записей"));
        }
        if (read.truncated()) {
            return Optional.of(new Holds.Hold(TRUNCATED_READ, "ИС «Контингент» сообщила о " + read.totalCount()
                    + " обучающихся, а передала " + read.studentCount()));
        }
        String college = snapshot.collegeId();
        // the store's student keys, read once: the changes and the base of the share both need them
        Set<String> known = knownBefore != null ? knownBefore : canonical.keys(college, ContingentIntake.STUDENT);
        List<Change> changes = changes(snapshot, known);
        long leaving = changes.stream().filter(change -> change.removes() && !DISAPPEARS.equals(change.action())).count();
        long disappeared = changes.stream().filter(change -> DISAPPEARS.equals(change.action())).count();
        int base = Math.max(1, Math.max(known.size(), read.full() ? read.studentCount() : 0));
        double share = (double) (leaving + disappeared) / base;
        double limit = colleges.settings(college).hold().maxRemovalShare();
        if (Holds.removesTooMany(leaving + disappeared, base, limit)) {
            return Optional.of(new Holds.Hold(MASS_REMOVAL, String.format(RUSSIAN,
                    "Запуск затронул бы %.1f %% обучающихся (порог %.1f %%): отчисление или академический отпуск — %d, "
                            + "исчезли из ИС «Контингент» — %d, всего обучающихся — %d", share * 100, limit * 100,
                    leaving, disappeared, base)));
        }
        return Optional.empty();
    }

    /**
     * One student a read would move or take out of study: the student's key, the action in Russian, and whether it
     * removes (counted against the hold threshold). Labels are added by the caller from masked labels.
     */
    public record Change(String entityType, String key, String action, boolean removes, String orderNo) {
    }

    /**
     * What a read would remove or move, as the hold decides it: new orders that expel or send on leave, new transfers,
     * and for a full read the known students it no longer has. A student both leaving and gone counts once, as leaving.
     * The students a held read stored are among those it has, so the store as it is now gives the same list.
     */
    public List<Change> changes(ContingentSnapshot snapshot) {
        return changes(snapshot, snapshot.students().full()
                ? canonical.keys(snapshot.collegeId(), ContingentIntake.STUDENT) : Set.of());
    }

    private List<Change> changes(ContingentSnapshot snapshot, Set<String> knownStudents) {
        var read = snapshot.students();
        String college = snapshot.collegeId();
        Set<String> knownMovements = canonical.hashes(college, ContingentIntake.MOVEMENT).keySet();
        List<Change> changes = new ArrayList<>();
        Set<String> leaving = new HashSet<>();
        for (ContingentMovementRecord movement : read.movements()) {
            if (knownMovements.contains(movement.externalId()) || movement.studentExternalId() == null) {
                continue;
            }
            MovementKind kind = kind(movement.kind());
            if (kind != null && MovementSequence.removesFromStudy(kind) && leaving.add(movement.studentExternalId())) {
                changes.add(new Change(ContingentIntake.STUDENT, movement.studentExternalId(),
                        kind == MovementKind.EXPULSION ? EXPEL : LEAVE, true, movement.orderNo()));
            } else if (kind == MovementKind.TRANSFER) {
                changes.add(new Change(ContingentIntake.STUDENT, movement.studentExternalId(), TRANSFER, false, movement.orderNo()));
            }
        }
        if (read.full()) {
            Set<String> present = new HashSet<>(read.present());
            knownStudents.stream()
                    .filter(key -> !present.contains(key) && !leaving.contains(key)).sorted()
                    .forEach(key -> changes.add(new Change(ContingentIntake.STUDENT, key, DISAPPEARS, true, null)));
        }
        return changes;
    }

    private static MovementKind kind(String kind) {
        try {
            return MovementKind.fromCode(kind);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
