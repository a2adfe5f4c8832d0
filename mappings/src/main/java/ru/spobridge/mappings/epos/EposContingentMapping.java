package ru.spobridge.mappings.epos;

import ru.spobridge.model.Group;
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
}
