package ru.spobridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Форма обучения. */
public enum StudyForm {
    FULL_TIME("очная"),
    PART_TIME("заочная"),
    MIXED("очно-заочная");

    private final String label;

    StudyForm(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static StudyForm fromLabel(String label) {
        String wanted = label == null ? "" : label.strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values())
                .filter(form -> form.label.equals(wanted) || form.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("form", "INVALID_VALUE",
                        "Неизвестная форма обучения (ожидается очная, заочная или очно-заочная)"));
    }
}
