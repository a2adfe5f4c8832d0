package ru.spobridge.routes.contingent;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
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

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private final CanonicalRecords canonical;
    private final Colleges colleges;

    public HoldPolicy(CanonicalRecords canonical, Colleges colleges) {
        this.canonical = canonical;
        this.colleges = colleges;
    }

    public Optional<Holds.Hold> evaluate(ContingentSnapshot snapshot) {
        var read = snapshot.students();
        if (!read.complete()) {
            return Optional.of(new Holds.Hold(READ_INCOMPLETE, "Чтение ИС «Контингент» прервалось: получено " + read.students().size()
                    + " из " + read.totalCount() + " записей"));
        }
        if (read.truncated()) {
            return Optional.of(new Holds.Hold(TRUNCATED_READ, "ИС «Контингент» сообщила о " + read.totalCount()
                    + " обучающихся, а передала " + read.students().size()));
        }
        String college = snapshot.collegeId();
        Set<String> known = canonical.hashes(college, ContingentIntake.STUDENT).keySet();
        Set<String> knownMovements = canonical.hashes(college, ContingentIntake.MOVEMENT).keySet();
        Set<String> leaving = new HashSet<>();
        for (ContingentMovementRecord movement : read.movements()) {
            if (!knownMovements.contains(movement.externalId()) && leavesStudy(movement.kind()) && movement.studentExternalId() != null) {
                leaving.add(movement.studentExternalId());
            }
        }
        int disappeared = 0;
        if (read.full()) {
            Set<String> present = new HashSet<>();
            for (ContingentStudentRecord student : read.students()) {
                present.add(student.externalId() == null ? "" : student.externalId().strip());
            }
            for (String key : known) {
                if (!present.contains(key) && !leaving.contains(key)) {
                    disappeared++;
                }
            }
        }
        int base = Math.max(1, Math.max(known.size(), read.full() ? read.students().size() : 0));
        double share = (double) (leaving.size() + disappeared) / base;
        double limit = colleges.settings(college).hold().maxRemovalShare();
        if (Holds.removesTooMany(leaving.size() + disappeared, base, limit)) {
            return Optional.of(new Holds.Hold(MASS_REMOVAL, String.format(RUSSIAN,
                    "Запуск затронул бы %.1f %% обучающихся (порог %.1f %%): отчисление или академический отпуск — %d, "
                            + "исчезли из ИС «Контингент» — %d, всего обучающихся — %d", share * 100, limit * 100,
                    leaving.size(), disappeared, base)));
        }
        return Optional.empty();
    }

    private static boolean leavesStudy(String kind) {
        try {
            return MovementSequence.removesFromStudy(MovementKind.fromCode(kind));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
