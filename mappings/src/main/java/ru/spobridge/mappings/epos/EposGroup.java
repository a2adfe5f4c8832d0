package ru.spobridge.mappings.epos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An item of ЭПОС.СПО {@code POST /integration/v1/groups}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EposGroup(
        @JsonProperty("external_id") String externalId,
        @JsonProperty("name") String name,
        @JsonProperty("course") int course,
        @JsonProperty("specialty_code") String specialtyCode,
        @JsonProperty("form") String form,
        @JsonProperty("subgroups") List<EposSubgroup> subgroups) {

    public record EposSubgroup(@JsonProperty("code") String code, @JsonProperty("name") String name) {
    }
}
