package ru.spobridge.model.marks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import ru.spobridge.model.InvalidValueException;

/** What a mark was given for: current work, a written, practical or test work, intermediate attestation. */
public enum WorkType {
    CURRENT("current"),
    WRITTEN("written"),
    PRACTICAL("practical"),
    TEST("test"),
    ATTESTATION("attestation");

    private final String code;

    WorkType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public boolean isWork() {
        return this == WRITTEN || this == PRACTICAL || this == TEST;
    }

    @JsonCreator
    public static WorkType fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equalsIgnoreCase(code == null ? "current" : code.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("workType", "INVALID_VALUE", "Вид работы: current, written, practical, test или attestation"));
    }
}
