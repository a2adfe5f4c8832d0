package ru.spobridge.model.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import ru.spobridge.model.InvalidValueException;

/** Вид дисциплины: учебная дисциплина, междисциплинарный курс, профессиональный модуль, практика. */
public enum DisciplineKind {
    DISCIPLINE("УД"),
    INTERDISCIPLINARY_COURSE("МДК"),
    PROFESSIONAL_MODULE("ПМ"),
    PRACTICE("практика");

    private final String label;

    DisciplineKind(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static DisciplineKind fromLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equalsIgnoreCase(label == null ? "" : label.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("disciplineKind", "INVALID_VALUE", "Вид дисциплины: УД, МДК, ПМ или практика"));
    }
}
