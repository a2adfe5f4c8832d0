package ru.spobridge.mappings.marks;

import java.util.ArrayList;
import java.util.List;
import ru.spobridge.mappings.csv.CsvLayout;
import ru.spobridge.mappings.csv.CsvLayouts;
import ru.spobridge.mappings.csv.CsvReader;
import ru.spobridge.mappings.csv.CsvTable;
import ru.spobridge.model.RecordError;

/**
 * A statement (ведомость) in CSV: {@code student_id;date;bell;group;discipline;value;work_type;teacher_id;given_at}.
 * Each row becomes a journal change with a stable id, so re-importing the same statement sends nothing twice;
 * a broken row is refused with its line, the rest goes through.
 */
public final class StatementCsv {


    private StatementCsv() {
    }

    /**
     * @param rows    data rows of the file, broken ones included; none when it is refused as a whole
     * @param refusal why the whole file is refused (also the only error then), or null
     */
    public record Rows(List<JournalChange> changes, List<RecordError> errors, int rows, RecordError refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    public static Rows parse(String fileName, String text) {
        List<JournalChange> changes = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        String name = fileName == null ? "(ведомость)" : fileName;
        CsvTable table = CsvReader.read(text);
        CsvLayouts.Check check = CsvLayouts.check(name, table, List.of(CsvLayout.MARKS_STATEMENT));
        if (check.refused()) {
            return new Rows(changes, List.of(check.refusal()), 0, check.refusal());
        }
        for (CsvTable.Row row : table.rows()) {
            if (row.broken()) {
                errors.add(new RecordError(name + ":" + row.line(), "-", "MALFORMED_ROW",
                        "Строка " + row.line() + " ведомости не разобрана (непарные кавычки); остальные строки прочитаны"));
            } else if (!row.consistent()) {
                errors.add(new RecordError(name + ":" + row.line(), "-", "MALFORMED_ROW",
                        "В строке " + row.line() + " полей " + row.size() + ", а в заголовке " + row.header().size()));
            } else {
                String id = "stmt:" + idPart(row, "student_id") + ":" + idPart(row, "date") + ":" + idPart(row, "bell") + ":"
                        + idPart(row, "discipline") + ":" + idPart(row, "work_type");
                changes.add(new JournalChange(row.number(), "mark", "upsert", id, 1, row.get("student_id"), null,
                        row.get("date"), row.get("bell"), row.get("group"), row.get("discipline"),
                        row.get("teacher_id"), row.get("value"), row.get("work_type"), null, false, row.get("given_at")));
            }
        }
        return new Rows(changes, errors, table.rows().size(), null);
    }

    /** A blank cell is an empty part, as ids of statements imported before were built. */
    private static String idPart(CsvTable.Row row, String column) {
        String value = row.get(column);
        return value == null ? "" : value;
    }
}
