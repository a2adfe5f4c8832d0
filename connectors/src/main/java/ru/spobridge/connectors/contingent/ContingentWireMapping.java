package ru.spobridge.connectors.contingent;

import java.util.List;
import ru.spobridge.connectors.contingent.wsdl.Group;
import ru.spobridge.connectors.contingent.wsdl.Guardian;
import ru.spobridge.connectors.contingent.wsdl.Movement;
import ru.spobridge.connectors.contingent.wsdl.Student;
import ru.spobridge.connectors.contingent.wsdl.Study;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.mappings.contingent.ContingentGuardianRecord;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;

/** Unwraps the generated JAXB classes into the format records of mappings/: a field copy, no rules. */
final class ContingentWireMapping {

    private ContingentWireMapping() {
    }

    static ContingentStudentRecord student(Student s) {
        Study study = s.getStudy() == null ? new Study() : s.getStudy();
        List<ContingentGuardianRecord> guardians = s.getGuardian().stream().map(ContingentWireMapping::guardian).toList();
        return new ContingentStudentRecord(s.getExternalId(), s.getRegionalId(), s.getLastName(), s.getFirstName(),
                s.getMiddleName(), s.getGender(), s.getBirthDate(), s.getSnils(), s.getEmail(), s.getPhone(),
                study.getSpecialty(), study.getForm(), study.getCourse(), study.getGroup(), study.getSubgroup(),
                study.getIndividualPlan(), guardians);
    }

    static ContingentGuardianRecord guardian(Guardian g) {
        return new ContingentGuardianRecord(g.getExternalId(), g.getRelation(), g.getLastName(), g.getFirstName(),
                g.getMiddleName(), g.getPhone(), g.getEmail());
    }

    static ContingentMovementRecord movement(Movement m) {
        return new ContingentMovementRecord(m.getExternalId(), m.getStudentExternalId(), m.getKind(), m.getOrderNo(),
                m.getOrderDate(), m.getEffectiveDate(), m.getFromGroup(), m.getToGroup(), m.getReason());
    }

    static ContingentGroupRecord group(Group g) {
        return new ContingentGroupRecord(g.getCode(), g.getName(), g.getSpecialty(), g.getCourse(), g.getForm(),
                g.getSubgroup().stream().map(sub -> new ContingentGroupRecord.Subgroup(sub.getCode(), sub.getName())).toList());
    }
}
