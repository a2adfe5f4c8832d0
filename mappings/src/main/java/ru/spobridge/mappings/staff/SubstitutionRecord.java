package ru.spobridge.mappings.staff;

/** A substitution row as a file or the admin API gives it. */
public record SubstitutionRecord(String substitutionId, String absentTeacherId, String substituteId, String dateFrom,
                                 String dateTo, String cancelled) {
}
