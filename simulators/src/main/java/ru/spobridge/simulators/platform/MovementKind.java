package ru.spobridge.simulators.platform;

import java.util.Arrays;
import java.util.Set;

/** Kinds of student movements and the per-student state machine they drive. */
enum MovementKind {
    ENROLMENT("enrolment", Set.of(StudentStatus.ACTIVE, StudentStatus.EXPELLED), StudentStatus.ACTIVE, true),
    TRANSFER("transfer", Set.of(StudentStatus.ACTIVE), StudentStatus.ACTIVE, true),
    ACADEMIC_LEAVE("academicLeave", Set.of(StudentStatus.ACTIVE), StudentStatus.ACADEMIC_LEAVE, false),
    RETURN_FROM_LEAVE("returnFromLeave", Set.of(StudentStatus.ACADEMIC_LEAVE), StudentStatus.ACTIVE, false),
    EXPULSION("expulsion", Set.of(StudentStatus.ACTIVE, StudentStatus.ACADEMIC_LEAVE), StudentStatus.EXPELLED, false),
    REINSTATEMENT("reinstatement", Set.of(StudentStatus.EXPELLED), StudentStatus.ACTIVE, true);

    /** Wire values of a student's status. */
    static final class StudentStatus {
        static final String ACTIVE = "active";
        static final String ACADEMIC_LEAVE = "academic_leave";
        static final String EXPELLED = "expelled";

        private StudentStatus() {
        }
    }

    private final String wire;
    private final Set<String> allowedFrom;
    private final String result;
    private final boolean movesToGroup;

    MovementKind(String wire, Set<String> allowedFrom, String result, boolean movesToGroup) {
        this.wire = wire;
        this.allowedFrom = allowedFrom;
        this.result = result;
        this.movesToGroup = movesToGroup;
    }

    static boolean known(String wire) {
        return Arrays.stream(values()).anyMatch(k -> k.wire.equals(wire));
    }

    static MovementKind of(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown movement kind"));
    }

    boolean allowedFrom(String status) {
        return allowedFrom.contains(status);
    }

    String result() {
        return result;
    }

    /** Whether a toGroup on this kind becomes the student's group. */
    boolean movesToGroup() {
        return movesToGroup;
    }
}
