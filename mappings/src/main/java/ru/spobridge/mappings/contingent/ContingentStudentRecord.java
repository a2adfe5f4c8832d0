package ru.spobridge.mappings.contingent;

import java.util.List;

/**
 * A student exactly as ИС «Контингент» sends it (shared/contracts/contingent.md): all values still text,
 * so that one malformed value fails one record, not the page.
 */
public record ContingentStudentRecord(String externalId, String regionalId, String lastName, String firstName,
                                      String middleName, String gender, String birthDate, String snils, String email,
                                      String phone, String specialty, String form, String course, String group,
                                      String subgroup, String individualPlan, List<ContingentGuardianRecord> guardians) {

    public ContingentStudentRecord {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
    }

    @Override
    public String toString() {
        return "ContingentStudentRecord[" + externalId + "]";
    }
}
