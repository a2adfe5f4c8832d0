package ru.spobridge.mappings;

import java.util.List;
import ru.spobridge.model.RecordError;

/** The result of mapping one record: the canonical value, or every reason it could not be made. */
public record Mapped<T>(T value, List<RecordError> errors) {

    public Mapped {
        errors = List.copyOf(errors);
        if ((value == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a mapped record has either a value or errors");
        }
    }

    public static <T> Mapped<T> ok(T value) {
        return new Mapped<>(value, List.of());
    }

    public static <T> Mapped<T> failed(List<RecordError> errors) {
        return new Mapped<>(null, errors);
    }

    public boolean isValid() {
        return value != null;
    }
}
