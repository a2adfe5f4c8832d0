package ru.spobridge.mappings.staff;

import java.time.LocalDate;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.SourceKey;
import ru.spobridge.model.staff.DisciplineKind;
import ru.spobridge.model.staff.Substitution;
import ru.spobridge.model.staff.Workload;

/** Workload and substitution rows → canonical records. */
public final class StaffAssignmentMapping {

    private StaffAssignmentMapping() {
    }

    public static Mapped<Workload> toWorkload(String collegeId, WorkloadRecord record) {
        FieldCollector fields = new FieldCollector(record.workloadId() == null ? "(нагрузка без идентификатора)" : record.workloadId());
        SourceKey key = fields.field(() -> new SourceKey(StaffOrderMapping.SOURCE, record.workloadId()));
        DisciplineKind kind = fields.field(() -> DisciplineKind.fromLabel(record.disciplineKind()));
        Integer hours = fields.field(() -> FieldCollector.integer(record.hours(), "hours", "объём часов"));
        if (hours != null && hours <= 0) {
            fields.reject("hours", "INVALID_VALUE", "Объём часов должен быть больше нуля");
        }
        for (String[] required : new String[][] {{record.teacherId(), "teacher", "Не указан преподаватель"},
                {record.disciplineCode(), "discipline", "Не указана дисциплина"}, {record.group(), "group", "Не указана группа"}}) {
            if (required[0] == null || required[0].isBlank()) {
                fields.reject(required[1], "REQUIRED", required[2]);
            }
        }
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        return Mapped.ok(new Workload(collegeId, key, record.teacherId().strip(), record.disciplineCode().strip(), kind,
                record.group().strip(), record.subgroup() == null ? null : record.subgroup().strip(), hours));
    }

    public static Mapped<Substitution> toSubstitution(String collegeId, SubstitutionRecord record) {
        FieldCollector fields = new FieldCollector(record.substitutionId() == null ? "(замещение без идентификатора)" : record.substitutionId());
        SourceKey key = fields.field(() -> new SourceKey(StaffOrderMapping.SOURCE, record.substitutionId()));
        LocalDate from = fields.field(() -> FieldCollector.isoDate(record.dateFrom(), "dateFrom", "дата начала замещения"));
        LocalDate to = fields.field(() -> FieldCollector.isoDate(record.dateTo(), "dateTo", "дата окончания замещения"));
        if (fields.hasErrors()) {
            return Mapped.failed(fields.errors());
        }
        Substitution substitution = fields.field(() -> new Substitution(collegeId, key, record.absentTeacherId(), record.substituteId(),
                from, to, "true".equalsIgnoreCase(record.cancelled()) || "да".equalsIgnoreCase(record.cancelled())));
        return substitution == null ? Mapped.failed(fields.errors()) : Mapped.ok(substitution);
    }
}
