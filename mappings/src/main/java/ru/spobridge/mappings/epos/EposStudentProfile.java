package ru.spobridge.mappings.epos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An item of ЭПОС.СПО {@code POST /integration/v1/student_profiles} (shared/contracts/epos.md), snake_case as the platform. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EposStudentProfile(
        @JsonProperty("external_id") String externalId,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("middle_name") String middleName,
        @JsonProperty("birth_date") String birthDate,
        @JsonProperty("email") String email,
        @JsonProperty("phone") String phone,
        @JsonProperty("group_external_id") String groupExternalId,
        @JsonProperty("study_form") String studyForm,
        @JsonProperty("individual_plan") boolean individualPlan) {

    @Override
    public String toString() {
        return "EposStudentProfile[" + externalId + "]";
    }
}
