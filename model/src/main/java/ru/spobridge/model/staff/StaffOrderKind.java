package ru.spobridge.model.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import ru.spobridge.model.InvalidValueException;

/** Кадровый приказ: приём, перевод, увольнение. */
public enum StaffOrderKind {
    HIRE("hire"),
    TRANSFER("transfer"),
    DISMISSAL("dismissal");

    private final String code;

    StaffOrderKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static StaffOrderKind fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("kind", "INVALID_VALUE", "Неизвестный вид кадрового приказа (ожидается hire, transfer или dismissal)"));
    }
}
