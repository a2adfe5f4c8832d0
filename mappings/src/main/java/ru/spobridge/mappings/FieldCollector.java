package ru.spobridge.mappings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.RecordError;

/** Parses the fields of one record and keeps every failure, so an operator sees all problems of a record at once. */
public final class FieldCollector {

    private final String recordKey;
    private final List<RecordError> errors = new ArrayList<>();

    public FieldCollector(String recordKey) {
        this.recordKey = recordKey;
    }

    /** Runs a parser; a failure is recorded against the field it names and null is returned. */
    public <T> T field(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValueException e) {
            errors.add(RecordError.of(recordKey, e));
            return null;
        }
    }

    /** Like {@link #field} but an absent (blank) raw value is allowed and gives null. */
    public <T> T optional(String raw, Supplier<T> parser) {
        return raw == null || raw.isBlank() ? null : field(parser);
    }

    public void reject(String field, String code, String message) {
        errors.add(new RecordError(recordKey, field, code, message));
    }

    public void addAll(List<RecordError> more) {
        errors.addAll(more);
    }

    /** Records the rules a value object would refuse, except on fields already reported (a bad date is not also a missing one). */
    public void check(List<InvalidValueException> problems) {
        for (InvalidValueException problem : problems) {
            if (errors.stream().noneMatch(error -> error.field().equals(problem.field()))) {
                errors.add(RecordError.of(recordKey, problem));
            }
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<RecordError> errors() {
        return List.copyOf(errors);
    }

    public static LocalDate isoDate(String raw, String field, String what) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(field, "REQUIRED", "Не указана " + what);
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "INVALID_DATE", "Неверная " + what + " (ожидается существующая дата ГГГГ-ММ-ДД)");
        }
    }

    public static int integer(String raw, String field, String what) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(field, "REQUIRED", "Не указан " + what);
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "INVALID_FORMAT", "Поле «" + what + "» должно быть целым числом");
        }
    }
}
