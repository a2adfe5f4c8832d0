package ru.spobridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Движение контингента by director's order (seed 000 §3.7, seed 002 §4.2.7). */
public enum MovementKind {
    ENROLMENT("enrolment"),
    TRANSFER("transfer"),
    ACADEMIC_LEAVE("academicLeave"),
    RETURN_FROM_LEAVE("returnFromLeave"),
    EXPULSION("expulsion"),
    REINSTATEMENT("reinstatement");

    private final String code;

    MovementKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static MovementKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(kind -> kind.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("kind", "INVALID_VALUE", "Неизвестный вид движения контингента"));
    }
}
