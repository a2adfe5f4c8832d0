package ru.spobridge.mappings.marks;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.replace("\uFEFF", ""))).setFormat(format).get()) {
            List<String> missing = COLUMNS.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
            if (!missing.isEmpty()) {
                errors.add(new RecordError(name, String.join(", ", missing), "MISSING_COLUMN", "В ведомости нет обязательных столбцов"));
            } else {
                var rows = parser.iterator();
                while (true) {
                    CSVRecord row;
                    try {
                        if (!rows.hasNext()) {
                            break;
                        }
                        row = rows.next();
                    } catch (RuntimeException broken) {
                        errors.add(new RecordError(name + ":" + parser.getCurrentLineNumber(), "-", "MALFORMED_ROW", "Строка ведомости не разобрана; дальнейшие строки не прочитаны"));
                        break;
                    }
                    if (!row.isConsistent()) {
                        errors.add(new RecordError(name + ":" + row.getRecordNumber(), "-", "MALFORMED_ROW", "Число полей в строке не совпадает с заголовком"));
                        continue;
                    }
                    String id = "stmt:" + row.get("student_id") + ":" + row.get("date") + ":" + row.get("bell") + ":" + row.get("discipline") + ":" + row.get("work_type");
                    changes.add(new JournalChange(row.getRecordNumber(), "mark", "upsert", id, 1, blank(row.get("student_id")), null,
                            blank(row.get("date")), blank(row.get("bell")), blank(row.get("group")), blank(row.get("discipline")),
                            blank(row.get("teacher_id")), blank(row.get("value")), blank(row.get("work_type")), null, false, blank(row.get("given_at"))));
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new RecordError(name, "-", "MALFORMED_FILE", "Ведомость не разобрана как CSV с разделителем «;»"));
        }
        return new Rows(changes, errors);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
