package ru.spobridge.mappings.staff;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ru.spobridge.mappings.Parsed;
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

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setTrim(true).get();

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

    private static <T> Parsed<T> parse(String fileName, String text, List<String> columns, Function<Row, T> toRecord) {
        List<Parsed.Line<T>> records = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        try (Reader reader = new StringReader(text.replace("\uFEFF", ""));
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = columns.stream().filter(column -> !header.containsKey(column)).toList();
            if (!missing.isEmpty()) {
                errors.add(new RecordError(fileName, String.join(", ", missing), "MISSING_COLUMN", "В файле нет обязательных столбцов"));
                return new Parsed<>(records, errors);
            }
            var rows = parser.iterator();
            while (true) {
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (RuntimeException broken) {
                    // a broken quote swallows the rest of the file: report where, keep what was read
                    errors.add(new RecordError(fileName + ":" + (parser.getCurrentLineNumber()), "-", "MALFORMED_ROW",
                            "Строка файла не разобрана (непарные кавычки или обрыв файла); дальнейшие строки не прочитаны"));
                    break;
                }
                if (!row.isConsistent()) {
                    errors.add(new RecordError(fileName + ":" + row.getRecordNumber(), "-", "MALFORMED_ROW",
                            "В строке " + row.size() + " полей, а в заголовке " + header.size()));
                    continue;
                }
                records.add(new Parsed.Line<>(row.getParser().getCurrentLineNumber(), toRecord.apply(new Row(row))));
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new RecordError(fileName, "-", "MALFORMED_FILE", "Файл не разобран как CSV с разделителем «;»"));
        }
        return new Parsed<>(records, errors);
    }

    /** Blank cells read as absent. */
    private record Row(CSVRecord record) {
        String get(String column) {
            String value = record.isMapped(column) ? record.get(column) : null;
            return value == null || value.isBlank() ? null : value;
        }
    }
}
