package ru.spobridge.model.staff;

import ru.spobridge.model.SourceKey;

/** Педагогическая нагрузка: which teacher teaches which discipline to which group or subgroup (seed 000 §3.3, §3.6). */
public record Workload(String collegeId, SourceKey key, String teacherId, String disciplineCode, DisciplineKind disciplineKind,
                       String groupCode, String subgroupCode, int hours) {
}
