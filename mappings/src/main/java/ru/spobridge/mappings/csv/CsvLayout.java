package ru.spobridge.mappings.csv;

import java.util.List;

/**
 * A CSV layout the hub reads: its name and the console section that takes it (both as an operator reads them), the
 * column that identifies it, and all its columns in order. A file whose header has the key column is taken for this
 * layout, so a missing column is named as such instead of the file being «not recognised».
 */
public record CsvLayout(String name, String section, String key, List<String> columns) {

    public static final CsvLayout STAFF_ORDERS = new CsvLayout("приказы по кадрам", "Кадры", "order_id", List.of("order_id", "kind",
            "order_no", "order_date", "effective_date", "person_id", "last_name", "first_name", "middle_name", "email", "phone", "position_code"));
    public static final CsvLayout WORKLOAD = new CsvLayout("педагогическая нагрузка", "Кадры", "workload_id", List.of("workload_id",
            "teacher_id", "discipline_code", "discipline_kind", "group", "subgroup", "hours"));
    public static final CsvLayout SUBSTITUTIONS = new CsvLayout("замещения преподавателей", "Кадры", "substitution_id",
            List.of("substitution_id", "absent_teacher_id", "substitute_id", "date_from", "date_to", "cancelled"));
    public static final CsvLayout MARKS_STATEMENT = new CsvLayout("ведомость отметок", "Отметки", "student_id", List.of("student_id",
            "date", "bell", "group", "discipline", "value", "work_type", "teacher_id", "given_at"));
    public static final CsvLayout REFERENCE = new CsvLayout("справочники", "Справочники", "code", List.of("kind", "code", "name",
            "attributes"));
    public static final CsvLayout LESSON_CHANGES = new CsvLayout("изменения расписания (замены, отмены, переносы)", "Расписание",
            "change_id", List.of("change_id", "kind", "date", "bell", "group", "subgroup", "discipline", "substitute_teacher", "room",
            "new_date", "new_bell"));
    public static final CsvLayout ATTESTATION = new CsvLayout("расписание аттестации", "Расписание", "event_id", List.of("event_id",
            "kind", "date", "start", "group", "discipline", "control_form", "room", "examiners"));

    /** Every layout, for suggesting the closest one to a file nobody expected. */
    public static final List<CsvLayout> ALL = List.of(STAFF_ORDERS, WORKLOAD, SUBSTITUTIONS, MARKS_STATEMENT, REFERENCE, LESSON_CHANGES,
            ATTESTATION);

    public CsvLayout {
        columns = List.copyOf(columns);
    }

    /** «name (c1; c2; …)», as the refusal messages list an expected layout. */
    String described() {
        return "«" + name + "» (" + String.join("; ", columns) + ")";
    }
}
