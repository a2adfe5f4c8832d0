package ru.spobridge.mappings.epos;

import ru.spobridge.model.Group;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.Student;

/** Canonical contingent → ЭПОС.СПО integration items. Groups are keyed by their registry code. */
public final class EposContingentMapping {

    private EposContingentMapping() {
    }

    public static EposStudentProfile toProfile(Student student) {
        return new EposStudentProfile(
                student.key().sourceId(),
                student.name().lastName(),
                student.name().firstName(),
                student.name().middleName(),
                student.birthDate().toString(),
                student.email() == null ? null : student.email().value(),
                student.phone() == null ? null : student.phone().value(),
                student.groupCode(),
                student.form().label(),
                student.individualPlan());
    }

    public static EposGroup toGroup(Group group) {
        return new EposGroup(group.code(), group.name(), group.course(), group.specialtyCode(), group.form().label(),
                group.subgroups().stream().map(subgroup -> new EposGroup.EposSubgroup(subgroup.code(), subgroup.name())).toList());
    }

    public static EposMovement toMovement(Movement movement) {
        return new EposMovement(movement.key().sourceId(), movement.studentId(), movement.kind().code(), movement.orderNo(),
                movement.orderDate().toString(), movement.effectiveDate().toString(), movement.toGroup());
    }

    public static EposGuardian toGuardian(GuardianLinks links) {
        var guardian = links.guardian();
        return new EposGuardian(guardian.key().sourceId(), guardian.name().lastName(), guardian.name().firstName(),
                guardian.name().middleName(), guardian.email().value(), guardian.phone().value(), guardian.relation(), links.studentIds());
    }
}
