package ru.spobridge.mappings.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import ru.spobridge.mappings.Parsed;
import ru.spobridge.mappings.csv.CsvLayout;
import ru.spobridge.mappings.csv.CsvLayouts;
import ru.spobridge.mappings.csv.CsvReader;
import ru.spobridge.mappings.csv.CsvTable;
import ru.spobridge.model.RecordError;

/**
 * HR files in CSV, as exported from Excel in Russia: semicolon-separated, a header row naming the columns.
 * A row that cannot be read is reported with its line; the other rows still go through.
 */
public final class StaffCsv {

    public static final List<String> ORDER_COLUMNS = CsvLayout.STAFF_ORDERS.columns();
    public static final List<String> WORKLOAD_COLUMNS = CsvLayout.WORKLOAD.columns();
    public static final List<String> SUBSTITUTION_COLUMNS = CsvLayout.SUBSTITUTIONS.columns();
    /** The layouts a staff inbox takes. */
    public static final List<CsvLayout> LAYOUTS = List.of(CsvLayout.STAFF_ORDERS, CsvLayout.WORKLOAD, CsvLayout.SUBSTITUTIONS);

    private StaffCsv() {
    }

    /**
     * A staff CSV file read once: which layout it is (or why it is refused as a whole) and its table; the rows are
     * taken by {@link #orders}, {@link #workload} or {@link #substitutions} after the layout.
     */
    public record File(String fileName, CsvTable table, CsvLayouts.Check check) {

        /** Data rows the file has, broken ones included; none when the file is refused as a whole. */
        public int rows() {
            return check.refused() ? 0 : table.rows().size();
        }
    }

    public static File read(String fileName, String text) {
        CsvTable table = CsvReader.read(text);
        return new File(fileName, table, CsvLayouts.check(fileName, table, LAYOUTS));
    }

    public static Parsed<StaffOrderRecord> orders(String fileName, String text) {
        return orders(read(fileName, text));
    }

    public static Parsed<WorkloadRecord> workload(String fileName, String text) {
        return workload(read(fileName, text));
    }

    public static Parsed<SubstitutionRecord> substitutions(String fileName, String text) {
        return substitutions(read(fileName, text));
    }

    public static Parsed<StaffOrderRecord> orders(File file) {
        return parse(file, CsvLayout.STAFF_ORDERS, row -> new StaffOrderRecord(row.get("order_id"), row.get("kind"),
                row.get("order_no"), row.get("order_date"), row.get("effective_date"), row.get("person_id"), row.get("last_name"),
                row.get("first_name"), row.get("middle_name"), row.get("email"), row.get("phone"), row.get("position_code")));
    }

    public static Parsed<WorkloadRecord> workload(File file) {
        return parse(file, CsvLayout.WORKLOAD, row -> new WorkloadRecord(row.get("workload_id"), row.get("teacher_id"),
                row.get("discipline_code"), row.get("discipline_kind"), row.get("group"), row.get("subgroup"), row.get("hours")));
    }

    public static Parsed<SubstitutionRecord> substitutions(File file) {
        return parse(file, CsvLayout.SUBSTITUTIONS, row -> new SubstitutionRecord(row.get("substitution_id"),
                row.get("absent_teacher_id"), row.get("substitute_id"), row.get("date_from"), row.get("date_to"), row.get("cancelled")));
    }

    private static <T> Parsed<T> parse(File file, CsvLayout layout, Function<CsvTable.Row, T> toRecord) {
        List<Parsed.Line<T>> records = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        if (file.check().refused()) {
            errors.add(file.check().refusal());
            return new Parsed<>(records, errors);
        }
        if (file.check().layout() != layout) {
            // asked for another layout than the header announces: its columns are missing
            CsvLayouts.Check asked = CsvLayouts.check(file.fileName(), file.table(), List.of(layout));
            errors.add(asked.refused() ? asked.refusal() : new RecordError(file.fileName(), "header", CsvLayouts.UNKNOWN_FILE,
                    "Файл не узнан как «" + layout.name() + "»"));
            return new Parsed<>(records, errors);
        }
        String fileName = file.fileName();
        for (CsvTable.Row row : file.table().rows()) {
            if (row.broken()) {
                errors.add(new RecordError(fileName + ":" + row.line(), "-", "MALFORMED_ROW",
                        "Строка " + row.line() + " не разобрана (непарные кавычки); остальные строки прочитаны"));
            } else if (!row.consistent()) {
                errors.add(new RecordError(fileName + ":" + row.line(), "-", "MALFORMED_ROW",
                        "В строке " + row.line() + " полей " + row.size() + ", а в заголовке " + row.header().size()
                                + " (лишний «;» в значении — заключите значение в кавычки)"));
            } else {
                records.add(new Parsed.Line<>(row.line(), toRecord.apply(row)));
            }
        }
        return new Parsed<>(records, errors);
    }
}
