package ru.spobridge.mappings.epos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An item of ЭПОС.СПО {@code POST /integration/v1/guardians} (our extension of the contract: a parent account linked to students). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EposGuardian(
        @JsonProperty("external_id") String externalId,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("middle_name") String middleName,
        @JsonProperty("email") String email,
        @JsonProperty("phone") String phone,
        @JsonProperty("relation") String relation,
        @JsonProperty("student_external_ids") List<String> studentExternalIds) {

    @Override
    public String toString() {
        return "EposGuardian[" + externalId + "]";
    }
}
