package ru.spobridge.mappings.contingent;

/** A movement order as the registry sends it. */
public record ContingentMovementRecord(String externalId, String studentExternalId, String kind, String orderNo,
                                       String orderDate, String effectiveDate, String fromGroup, String toGroup,
                                       String reason) {
}
