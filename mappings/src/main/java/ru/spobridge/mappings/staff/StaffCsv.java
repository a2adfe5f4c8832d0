package ru.spobridge.mappings.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import ru.spobridge.mappings.Parsed;
import ru.spobridge.mappings.csv.CsvReader;
import ru.spobridge.mappings.csv.CsvTable;
import ru.spobridge.model.RecordError;

/**
 * HR files in CSV, as exported from Excel in Russia: semicolon-separated, a header row naming the columns.
 * A row that cannot be read is reported with its line; the other rows still go through.
 */
public final class StaffCsv {

    public static final List<String> ORDER_COLUMNS = List.of("order_id", "kind", "order_no", "order_date", "effective_date",
            "person_id", "last_name", "first_name", "middle_name", "email", "phone", "position_code");
    public static final List<String> WORKLOAD_COLUMNS = List.of("workload_id", "teacher_id", "discipline_code", "discipline_kind",
            "group", "subgroup", "hours");
    public static final List<String> SUBSTITUTION_COLUMNS = List.of("substitution_id", "absent_teacher_id", "substitute_id",
            "date_from", "date_to", "cancelled");

    private StaffCsv() {
    }

    public static Parsed<StaffOrderRecord> orders(String fileName, String text) {
        return parse(fileName, text, ORDER_COLUMNS, row -> new StaffOrderRecord(row.get("order_id"), row.get("kind"),
                row.get("order_no"), row.get("order_date"), row.get("effective_date"), row.get("person_id"), row.get("last_name"),
                row.get("first_name"), row.get("middle_name"), row.get("email"), row.get("phone"), row.get("position_code")));
    }

    public static Parsed<WorkloadRecord> workload(String fileName, String text) {
        return parse(fileName, text, WORKLOAD_COLUMNS, row -> new WorkloadRecord(row.get("workload_id"), row.get("teacher_id"),
                row.get("discipline_code"), row.get("discipline_kind"), row.get("group"), row.get("subgroup"), row.get("hours")));
    }

    public static Parsed<SubstitutionRecord> substitutions(String fileName, String text) {
        return parse(fileName, text, SUBSTITUTION_COLUMNS, row -> new SubstitutionRecord(row.get("substitution_id"),
                row.get("absent_teacher_id"), row.get("substitute_id"), row.get("date_from"), row.get("date_to"), row.get("cancelled")));
    }

    /** Which kind of CSV a header announces, or null. */
    public static List<String> columnsOf(String text) {
        int end = text.indexOf('\n');
        String header = (end < 0 ? text : text.substring(0, end)).replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT);
        List<String> columns = List.of(header.split("\\s*;\\s*"));
        for (List<String> known : List.of(ORDER_COLUMNS, WORKLOAD_COLUMNS, SUBSTITUTION_COLUMNS)) {
            if (columns.containsAll(known.subList(0, 3))) {
                return known;
            }
        }
        return null;
    }

    private static <T> Parsed<T> parse(String fileName, String text, List<String> columns, Function<CsvTable.Row, T> toRecord) {
        List<Parsed.Line<T>> records = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        CsvTable table = CsvReader.read(text);
        List<String> missing = table.missing(columns);
        if (!missing.isEmpty()) {
            errors.add(new RecordError(fileName, String.join(", ", missing), "MISSING_COLUMN", "В файле нет обязательных столбцов"));
            return new Parsed<>(records, errors);
        }
        for (CsvTable.Row row : table.rows()) {
            if (row.broken()) {
                errors.add(new RecordError(fileName + ":" + row.line(), "-", "MALFORMED_ROW",
                        "Строка файла не разобрана (непарные кавычки); остальные строки прочитаны"));
            } else if (!row.consistent()) {
                errors.add(new RecordError(fileName + ":" + row.line(), "-", "MALFORMED_ROW",
                        "В строке " + row.size() + " полей, а в заголовке " + row.header().size()));
            } else {
                records.add(new Parsed.Line<>(row.line(), toRecord.apply(row)));
            }
        }
        return new Parsed<>(records, errors);
    }
}
