package ru.spobridge.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order rules of движение контингента (seed 000 §3.7, seed 002 §4.2.7): a student is transferred or sent on
 * leave only while studying, returns only from leave, is reinstated only after expulsion. Movements of one
 * student apply in the order of their effective date, then order date and number.
 */
public final class MovementSequence {

    /** The order in which one student's movements take effect. */
    public static final Comparator<Movement> ORDER = Comparator.comparing(Movement::studentId)
            .thenComparing(Movement::effectiveDate)
            .thenComparing(Movement::orderDate)
            .thenComparing(Movement::orderNo)
            .thenComparing(movement -> movement.key().sourceId());

    private MovementSequence() {
    }

    /** The status after a movement, or empty when the movement cannot follow the status. */
    public static Optional<StudentStatus> next(StudentStatus status, MovementKind kind) {
        return Optional.ofNullable(switch (kind) {
            case ENROLMENT -> status == StudentStatus.ACADEMIC_LEAVE ? null : StudentStatus.ACTIVE;
            case TRANSFER -> status == StudentStatus.ACTIVE ? StudentStatus.ACTIVE : null;
            case ACADEMIC_LEAVE -> status == StudentStatus.ACTIVE ? StudentStatus.ACADEMIC_LEAVE : null;
            case RETURN_FROM_LEAVE -> status == StudentStatus.ACADEMIC_LEAVE ? StudentStatus.ACTIVE : null;
            case EXPULSION -> status == StudentStatus.EXPELLED ? null : StudentStatus.EXPELLED;
            case REINSTATEMENT -> status == StudentStatus.EXPELLED ? StudentStatus.ACTIVE : null;
        });
    }

    /**
     * Checks one student's movements, in {@link #ORDER}, from an active student on: the first movement that
     * cannot follow the ones before it, or empty when the whole history holds.
     */
    public static Optional<Movement> firstOutOfOrder(List<Movement> history) {
        StudentStatus status = StudentStatus.ACTIVE;
        for (Movement movement : history.stream().sorted(ORDER).toList()) {
            Optional<StudentStatus> after = next(status, movement.kind());
            if (after.isEmpty()) {
                return Optional.of(movement);
            }
            status = after.get();
        }
        return Optional.empty();
    }

    public static boolean removesFromStudy(MovementKind kind) {
        return kind == MovementKind.EXPULSION || kind == MovementKind.ACADEMIC_LEAVE;
    }
}
