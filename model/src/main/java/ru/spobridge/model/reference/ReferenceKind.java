package ru.spobridge.model.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import ru.spobridge.model.InvalidValueException;

/**
 * Справочники a platform needs before 1 September (seed 001 §3.2), with the attributes each kind must carry.
 */
public enum ReferenceKind {
    BUILDING("building", List.of()),
    ROOM("room", List.of("building")),
    SPECIALTY("specialty", List.of()),
    CURRICULUM("curriculum", List.of("specialty", "form", "startYear")),
    DISCIPLINE("discipline", List.of("disciplineKind")),
    ATTESTATION_PERIOD("attestationPeriod", List.of("from", "to")),
    CONTROL_FORM("controlForm", List.of()),
    BELL("bell", List.of("start", "end"));

    private final String code;
    private final List<String> requiredAttributes;

    ReferenceKind(String code, List<String> requiredAttributes) {
        this.code = code;
        this.requiredAttributes = requiredAttributes;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public List<String> requiredAttributes() {
        return requiredAttributes;
    }

    @JsonCreator
    public static ReferenceKind fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("kind", "INVALID_VALUE", "Неизвестный вид справочника"));
    }
}
