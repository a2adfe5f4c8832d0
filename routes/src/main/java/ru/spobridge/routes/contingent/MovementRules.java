package ru.spobridge.routes.contingent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.spobridge.model.Movement;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.MovementSequence;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.CanonicalRecords;

/** Checks movement orders against what the hub already knows: the student and group exist, the history holds. */
public final class MovementRules {

    private final CanonicalRecords canonical;
    private final CanonicalJson json;

    MovementRules(CanonicalRecords canonical, CanonicalJson json) {
        this.canonical = canonical;
        this.json = json;
    }

    /** Delivery order of movements: per student, by effective date (a student's orders must not overtake each other). */
    public static String sortKey(Movement movement) {
        return movement.studentId() + "|" + movement.effectiveDate() + "|" + movement.orderDate() + "|" + movement.orderNo()
                + "|" + movement.key().sourceId();
    }

    List<RecordError> references(Movement movement, Set<String> knownStudents, Set<String> knownGroups) {
        String key = movement.key().sourceId();
        List<RecordError> errors = new ArrayList<>();
        if (!knownStudents.contains(movement.studentId())) {
            errors.add(new RecordError(key, "studentExternalId", "UNKNOWN_STUDENT", "Приказ относится к обучающемуся, которого нет среди принятых записей колледжа"));
        }
        boolean needsGroup = movement.kind() == MovementKind.TRANSFER || movement.kind() == MovementKind.REINSTATEMENT;
        if (needsGroup && movement.toGroup() != null && !knownGroups.contains(movement.toGroup())) {
            errors.add(new RecordError(key, "toGroup", "UNKNOWN_GROUP", "Группа назначения не найдена среди групп колледжа"));
        }
        return errors;
    }

    /**
     * The new movements that break a student's history (earlier accepted orders plus the new ones, by effective
     * date). A new order that cannot follow is refused; if it is an accepted order that no longer fits, every new
     * order of that student is refused, since the registry contradicts what was already applied.
     */
    Map<Movement, RecordError> outOfOrder(String collegeId, List<Movement> fresh) {
        Map<String, List<Movement>> history = new HashMap<>();
        Map<String, String> accepted = canonical.payloads(collegeId, ContingentIntake.MOVEMENT);
        Set<String> freshStudents = new HashSet<>();
        fresh.forEach(movement -> freshStudents.add(movement.studentId()));
        for (String payload : accepted.values()) {
            Movement movement = json.read(payload, Movement.class);
            if (freshStudents.contains(movement.studentId())) {
                history.computeIfAbsent(movement.studentId(), id -> new ArrayList<>()).add(movement);
            }
        }
        Set<String> freshKeys = new HashSet<>();
        for (Movement movement : fresh) {
            freshKeys.add(movement.key().sourceId());
            List<Movement> studentHistory = history.computeIfAbsent(movement.studentId(), id -> new ArrayList<>());
            studentHistory.removeIf(old -> old.key().equals(movement.key()));
            studentHistory.add(movement);
        }
        Map<Movement, RecordError> refused = new HashMap<>();
        for (List<Movement> studentHistory : history.values()) {
            List<Movement> remaining = new ArrayList<>(studentHistory);
            Optional<Movement> broken = MovementSequence.firstOutOfOrder(remaining);
            while (broken.isPresent()) {
                Movement culprit = broken.get();
                if (freshKeys.contains(culprit.key().sourceId())) {
                    refused.put(culprit, error(culprit, "Приказ не может следовать за предыдущими приказами этого обучающегося"));
                    remaining.remove(culprit);
                    broken = MovementSequence.firstOutOfOrder(remaining);
                } else {
                    remaining.stream().filter(movement -> freshKeys.contains(movement.key().sourceId()))
                            .forEach(movement -> refused.put(movement, error(movement, "Приказ противоречит ранее принятым приказам этого обучающегося")));
                    broken = Optional.empty();
                }
            }
        }
        return refused;
    }

    private static RecordError error(Movement movement, String message) {
        return new RecordError(movement.key().sourceId(), "kind", "MOVEMENT_OUT_OF_ORDER", message);
    }
}
