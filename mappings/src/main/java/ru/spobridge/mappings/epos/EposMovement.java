package ru.spobridge.mappings.epos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An item of ЭПОС.СПО {@code POST /integration/v1/movements}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EposMovement(
        @JsonProperty("external_id") String externalId,
        @JsonProperty("student_external_id") String studentExternalId,
        @JsonProperty("kind") String kind,
        @JsonProperty("order_no") String orderNo,
        @JsonProperty("order_date") String orderDate,
        @JsonProperty("effective_date") String effectiveDate,
        @JsonProperty("to_group_external_id") String toGroupExternalId) {
}
