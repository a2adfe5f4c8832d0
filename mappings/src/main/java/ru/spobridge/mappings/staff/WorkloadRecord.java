package ru.spobridge.mappings.staff;

/** A workload row as a file gives it. */
public record WorkloadRecord(String workloadId, String teacherId, String disciplineCode, String disciplineKind, String group,
                             String subgroup, String hours) {
}
