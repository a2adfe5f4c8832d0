package ru.spobridge.mappings.marks;

import java.util.ArrayList;
import java.util.List;
import ru.spobridge.mappings.csv.CsvReader;
import ru.spobridge.mappings.csv.CsvTable;
import ru.spobridge.model.RecordError;

/**
 * A statement (ведомость) in CSV: {@code student_id;date;bell;group;discipline;value;work_type;teacher_id;given_at}.
 * Each row becomes a journal change with a stable id, so re-importing the same statement sends nothing twice;
 * a broken row is refused with its line, the rest goes through.
 */
public final class StatementCsv {

    private static final List<String> COLUMNS = List.of("student_id", "date", "bell", "group", "discipline", "value", "work_type",
            "teacher_id", "given_at");

    private StatementCsv() {
    }

    public record Rows(List<JournalChange> changes, List<RecordError> errors) {
    }

    public static Rows parse(String fileName, String text) {
        List<JournalChange> changes = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        String name = fileName == null ? "(ведомость)" : fileName;
        CsvTable table = CsvReader.read(text);
        List<String> missing = table.missing(COLUMNS);
        if (!missing.isEmpty()) {
            errors.add(new RecordError(name, String.join(", ", missing), "MISSING_COLUMN", "В ведомости нет обязательных столбцов"));
            return new Rows(changes, errors);
        }
        for (CsvTable.Row row : table.rows()) {
            if (row.broken()) {
                errors.add(new RecordError(name + ":" + row.line(), "-", "MALFORMED_ROW", "Строка ведомости не разобрана (непарные кавычки); остальные строки прочитаны"));
            } else if (!row.consistent()) {
                errors.add(new RecordError(name + ":" + row.line(), "-", "MALFORMED_ROW", "Число полей в строке не совпадает с заголовком"));
            } else {
                String id = "stmt:" + idPart(row, "student_id") + ":" + idPart(row, "date") + ":" + idPart(row, "bell") + ":"
                        + idPart(row, "discipline") + ":" + idPart(row, "work_type");
                changes.add(new JournalChange(row.number(), "mark", "upsert", id, 1, row.get("student_id"), null,
                        row.get("date"), row.get("bell"), row.get("group"), row.get("discipline"),
                        row.get("teacher_id"), row.get("value"), row.get("work_type"), null, false, row.get("given_at")));
            }
        }
        return new Rows(changes, errors);
    }

    /** A blank cell is an empty part, as ids of statements imported before were built. */
    private static String idPart(CsvTable.Row row, String column) {
        String value = row.get(column);
        return value == null ? "" : value;
    }
}
