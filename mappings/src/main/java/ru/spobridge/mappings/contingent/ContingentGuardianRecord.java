package ru.spobridge.mappings.contingent;

/** A guardian (законный представитель) as the registry sends it. */
public record ContingentGuardianRecord(String externalId, String relation, String lastName, String firstName,
                                       String middleName, String phone, String email) {

    @Override
    public String toString() {
        return "ContingentGuardianRecord[" + externalId + "]";
    }
}
