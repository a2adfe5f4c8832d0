package ru.spobridge.mappings.aisepo;

import ru.spobridge.mappings.aisepo.AisEpoItems.AisEpoGroup;
import ru.spobridge.mappings.aisepo.AisEpoItems.AisEpoGuardian;
import ru.spobridge.mappings.aisepo.AisEpoItems.AisEpoMovement;
import ru.spobridge.mappings.aisepo.AisEpoItems.AisEpoStudent;
import ru.spobridge.model.Group;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.Student;

/** Canonical contingent → АИС ЭПО integration items: subgroups as numbers, no СНИЛС. */
public final class AisEpoContingentMapping {

    private AisEpoContingentMapping() {
    }

    public static AisEpoGroup toGroup(Group group) {
        return new AisEpoGroup(group.code(), group.name(), group.course(), group.specialtyCode(), group.form().label(),
                group.subgroups().stream().map(sub -> new AisEpoItems.Subgroup(sub.code(), sub.name())).toList());
    }

    public static AisEpoStudent toStudent(Student student) {
        return new AisEpoStudent(student.key().sourceId(), student.name().lastName(), student.name().firstName(),
                student.name().middleName(), student.birthDate().toString(), student.email().value(), student.phone().value(),
                student.groupCode(), subgroupNumber(student.subgroupCode()), student.form().label(), student.individualPlan());
    }

    public static AisEpoMovement toMovement(Movement movement) {
        return new AisEpoMovement(movement.key().sourceId(), movement.studentId(), movement.kind().code(), movement.orderNo(),
                movement.orderDate().toString(), movement.effectiveDate().toString(), movement.toGroup());
    }

    public static AisEpoGuardian toGuardian(GuardianLinks links) {
        var guardian = links.guardian();
        return new AisEpoGuardian(guardian.key().sourceId(), guardian.name().lastName(), guardian.name().firstName(),
                guardian.name().middleName(), guardian.email().value(), guardian.phone().value(), guardian.relation(), links.studentIds());
    }

    /** "1", "2" → 1, 2; a subgroup the registry names otherwise is not sent as a number. */
    static Integer subgroupNumber(String code) {
        if (code == null) {
            return null;
        }
        String digits = code.replaceAll("\\D", "");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }
}
