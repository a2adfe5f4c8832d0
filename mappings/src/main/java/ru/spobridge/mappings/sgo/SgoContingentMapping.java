package ru.spobridge.mappings.sgo;

import ru.spobridge.mappings.sgo.SgoItems.SgoGroup;
import ru.spobridge.mappings.sgo.SgoItems.SgoGuardian;
import ru.spobridge.mappings.sgo.SgoItems.SgoMovement;
import ru.spobridge.mappings.sgo.SgoItems.SgoStudent;
import ru.spobridge.model.Group;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.Student;

/** Canonical contingent → СГО integration items. СГО also takes the СНИЛС, formatted as people write it. */
public final class SgoContingentMapping {

    private SgoContingentMapping() {
    }

    public static SgoGroup toGroup(Group group) {
        return new SgoGroup(group.code(), group.name(), group.course(), group.specialtyCode(), group.form().label(),
                group.subgroups().stream().map(sub -> new SgoItems.Subgroup(sub.code(), sub.name())).toList());
    }

    public static SgoStudent toStudent(Student student) {
        return new SgoStudent(student.key().sourceId(), student.name().lastName(), student.name().firstName(),
                student.name().middleName(), student.birthDate().toString(),
                student.snils() == null ? null : student.snils().formatted(),
                student.email().value(), student.phone().value(), student.groupCode(), student.subgroupCode(),
                student.form().label(), student.individualPlan());
    }

    public static SgoMovement toMovement(Movement movement) {
        return new SgoMovement(movement.key().sourceId(), movement.studentId(), movement.kind().code(), movement.orderNo(),
                movement.orderDate().toString(), movement.effectiveDate().toString(), movement.toGroup());
    }

    public static SgoGuardian toGuardian(GuardianLinks links) {
        var guardian = links.guardian();
        return new SgoGuardian(guardian.key().sourceId(), guardian.name().lastName(), guardian.name().firstName(),
                guardian.name().middleName(), guardian.email().value(), guardian.phone().value(), guardian.relation(), links.studentIds());
    }
}
