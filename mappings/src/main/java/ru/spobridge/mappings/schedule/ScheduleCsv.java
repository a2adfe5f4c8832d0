package ru.spobridge.mappings.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.mappings.csv.CsvLayout;
import ru.spobridge.mappings.csv.CsvLayouts;
import ru.spobridge.mappings.csv.CsvReader;
import ru.spobridge.mappings.csv.CsvTable;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.reference.ReferenceKind;
import ru.spobridge.model.schedule.AttestationEvent;
import ru.spobridge.model.schedule.LessonChange;

/**
 * Reference data, lesson changes (замены, отмены, переносы) and attestation schedules in CSV (semicolon, header row):
 * each row mapped to its canonical record or refused with the row and field named; the other rows go through.
 */
public final class ScheduleCsv {

    public static final List<String> REFERENCE = CsvLayout.REFERENCE.columns();
    public static final List<String> CHANGES = CsvLayout.LESSON_CHANGES.columns();
    public static final List<String> ATTESTATION = CsvLayout.ATTESTATION.columns();

    private ScheduleCsv() {
    }

    /**
     * @param rows    data rows of the file, broken ones included; none when it is refused as a whole
     * @param refusal why the whole file is refused (also the only error then), or null
     */
    public record Rows<T>(List<T> records, List<RecordError> errors, int rows, RecordError refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /** {@code attributes} as {@code key=value|key=value}, e.g. {@code building=1|capacity=30}. */
    public static Rows<ReferenceItem> reference(String collegeId, String fileName, String text) {
        return rows(fileName, text, CsvLayout.REFERENCE, (key, row) -> {
            // keyed by the entry when it can be named, so that its fix in a later file closes the refusal
            FieldCollector fields = new FieldCollector(referenceKey(key, row));
            ReferenceKind kind = fields.field(() -> ReferenceKind.fromCode(row.get("kind")));
            Map<String, String> attributes = new LinkedHashMap<>();
            String raw = row.get("attributes");
            if (raw != null) {
                for (String pair : raw.split("\\|")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        attributes.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                    } else if (!pair.isBlank()) {
                        fields.reject("attributes", "INVALID_FORMAT", "Атрибуты записываются как ключ=значение через «|»");
                    }
                }
            }
            if (fields.hasErrors()) {
                return Mapped.failed(fields.errors());
            }
            ReferenceItem item = fields.field(() -> new ReferenceItem(collegeId, kind, row.get("code"), row.get("name"), attributes));
            if (item != null) {
                checkAttributes(item, fields);
            }
            return fields.hasErrors() ? Mapped.failed(fields.errors()) : Mapped.ok(item);
        });
    }

    public static Rows<LessonChange> changes(String collegeId, String fileName, String text) {
        return rows(fileName, text, CsvLayout.LESSON_CHANGES, (key, row) -> {
            FieldCollector fields = new FieldCollector(row.get("change_id") == null ? key : row.get("change_id"));
            LessonChange.Kind kind = fields.field(() -> changeKind(row.get("kind")));
            LocalDate date = fields.field(() -> FieldCollector.isoDate(row.get("date"), "date", "дата занятия"));
            Integer bell = fields.field(() -> FieldCollector.integer(row.get("bell"), "bell", "номер пары"));
            for (String required : List.of("change_id", "group", "discipline")) {
                if (row.get(required) == null) {
                    fields.reject(required, "REQUIRED", "Не заполнено поле " + required);
                }
            }
            if (kind == LessonChange.Kind.REPLACEMENT && row.get("substitute_teacher") == null && row.get("room") == null) {
                fields.reject("substitute_teacher", "REQUIRED", "Для замены нужен замещающий преподаватель или другая аудитория");
            }
            LocalDate newDate = kind == LessonChange.Kind.MOVE ? fields.field(() -> FieldCollector.isoDate(row.get("new_date"), "new_date", "новая дата")) : null;
            Integer newBell = kind == LessonChange.Kind.MOVE ? fields.field(() -> FieldCollector.integer(row.get("new_bell"), "new_bell", "новый номер пары")) : null;
            if (fields.hasErrors()) {
                return Mapped.failed(fields.errors());
            }
            return Mapped.ok(new LessonChange(collegeId, row.get("change_id"), kind, date, bell, row.get("group"), row.get("subgroup"),
                    row.get("discipline"), row.get("substitute_teacher"), row.get("room"), newDate, newBell));
        });
    }

    public static Rows<AttestationEvent> attestation(String collegeId, String fileName, String text) {
        return rows(fileName, text, CsvLayout.ATTESTATION, (key, row) -> {
            FieldCollector fields = new FieldCollector(row.get("event_id") == null ? key : row.get("event_id"));
            AttestationEvent.Kind kind = fields.field(() -> switch (String.valueOf(row.get("kind")).toLowerCase(java.util.Locale.ROOT)) {
                case "intermediate", "промежуточная" -> AttestationEvent.Kind.INTERMEDIATE;
                case "statefinal", "state_final", "гиа" -> AttestationEvent.Kind.STATE_FINAL;
                default -> throw new InvalidValueException("kind", "INVALID_VALUE", "Вид аттестации: intermediate (промежуточная) или stateFinal (ГИА)");
            });
            LocalDate date = fields.field(() -> FieldCollector.isoDate(row.get("date"), "date", "дата"));
            LocalTime start = fields.field(() -> time(row.get("start"), "start"));
            for (String required : List.of("event_id", "group", "discipline", "control_form")) {
                if (row.get(required) == null) {
                    fields.reject(required, "REQUIRED", "Не заполнено поле " + required);
                }
            }
            if (fields.hasErrors()) {
                return Mapped.failed(fields.errors());
            }
            List<String> examiners = row.get("examiners") == null ? List.of() : List.of(row.get("examiners").split("\\s*,\\s*"));
            return Mapped.ok(new AttestationEvent(collegeId, row.get("event_id"), kind, date, start, row.get("group"), row.get("discipline"),
                    row.get("control_form"), row.get("room"), examiners));
        });
    }

    public static LocalTime time(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(field, "REQUIRED", "Не указано время");
        }
        try {
            String value = raw.strip();
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "INVALID_FORMAT", "Время записывается как Ч:ММ");
        }
    }

    private static void checkAttributes(ReferenceItem item, FieldCollector fields) {
        switch (item.kind()) {
            case BELL -> {
                LocalTime start = fields.field(() -> time(item.attributes().get("start"), "start"));
                LocalTime end = fields.field(() -> time(item.attributes().get("end"), "end"));
                if (start != null && end != null && !start.isBefore(end)) {
                    fields.reject("end", "INVALID_VALUE", "Пара должна заканчиваться позже, чем начинается");
                }
            }
            case ATTESTATION_PERIOD -> {
                LocalDate from = fields.field(() -> FieldCollector.isoDate(item.attributes().get("from"), "from", "дата начала периода"));
                LocalDate to = fields.field(() -> FieldCollector.isoDate(item.attributes().get("to"), "to", "дата окончания периода"));
                if (from != null && to != null && to.isBefore(from)) {
                    fields.reject("to", "INVALID_VALUE", "Период не может закончиться раньше, чем начнётся");
                }
            }
            case DISCIPLINE -> fields.field(() -> ru.spobridge.model.staff.DisciplineKind.fromLabel(item.attributes().get("disciplineKind")));
            default -> {
            }
        }
    }

    private static LessonChange.Kind changeKind(String raw) {
        return switch (String.valueOf(raw).strip().toLowerCase(java.util.Locale.ROOT)) {
            case "replacement", "замена" -> LessonChange.Kind.REPLACEMENT;
            case "cancellation", "отмена" -> LessonChange.Kind.CANCELLATION;
            case "move", "перенос" -> LessonChange.Kind.MOVE;
            default -> throw new InvalidValueException("kind", "INVALID_VALUE", "Вид изменения: замена, отмена или перенос");
        };
    }

    /** The entry's own key (kind:code, as {@link ReferenceItem#key()}) when kind and code are readable, else file:line. */
    private static String referenceKey(String lineKey, CsvTable.Row row) {
        try {
            return row.get("code") == null ? lineKey : ReferenceKind.fromCode(row.get("kind")).code() + ":" + row.get("code");
        } catch (InvalidValueException unknownKind) {
            return lineKey;
        }
    }

    private static <T> Rows<T> rows(String fileName, String text, CsvLayout layout, BiFunction<String, CsvTable.Row, Mapped<T>> map) {
        List<T> records = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        CsvTable table = CsvReader.read(text);
        CsvLayouts.Check check = CsvLayouts.check(fileName, table, List.of(layout));
        if (check.refused()) {
            return new Rows<>(records, List.of(check.refusal()), 0, check.refusal());
        }
        for (CsvTable.Row row : table.rows()) {
            String key = fileName + ":" + row.line();
            if (row.broken()) {
                errors.add(new RecordError(key, "-", "MALFORMED_ROW", "Строка " + row.line() + " не разобрана (непарные кавычки); остальные строки прочитаны"));
            } else if (!row.consistent()) {
                errors.add(new RecordError(key, "-", "MALFORMED_ROW", "В строке " + row.line() + " полей " + row.size() + ", а в заголовке "
                        + row.header().size()));
            } else {
                Mapped<T> mapped = map.apply(key, row);
                if (mapped.isValid()) {
                    records.add(mapped.value());
                } else {
                    errors.addAll(mapped.errors());
                }
            }
        }
        return new Rows<>(records, errors, table.rows().size(), null);
    }
}
