package ru.spobridge.model.marks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import ru.spobridge.model.InvalidValueException;

/** Причина пропуска (seed 000 §4.7): «Н» — unknown, «УП» — valid, «НУ» — no valid reason. */
public enum AbsenceReason {
    UNKNOWN("Н"),
    VALID("УП"),
    NOT_VALID("НУ");

    private final String code;

    AbsenceReason(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static AbsenceReason fromCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("reason", "INVALID_VALUE", "Причина пропуска: Н, УП или НУ"));
    }
}
