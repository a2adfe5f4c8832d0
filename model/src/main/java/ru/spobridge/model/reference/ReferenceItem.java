package ru.spobridge.model.reference;

import java.util.Map;
import java.util.TreeMap;
import ru.spobridge.model.InvalidValueException;

/**
 * One entry of a college's reference data: a building, a room, a specialty, a curriculum, a discipline with its kind
 * (УД, МДК, ПМ, практика), an attestation period, a form of control or a bell (пара: number, start, end).
 * Its key is {@code kind:code}, unique within the college.
 */
public record ReferenceItem(String collegeId, ReferenceKind kind, String code, String name, Map<String, String> attributes) {

    public ReferenceItem {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("code", "REQUIRED", "Не указан код записи справочника");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "REQUIRED", "Не указано название записи справочника");
        }
        attributes = attributes == null ? Map.of() : new TreeMap<>(attributes);
        for (String attribute : kind.requiredAttributes()) {
            String value = attributes.get(attribute);
            if (value == null || value.isBlank()) {
                throw new InvalidValueException(attribute, "REQUIRED", "Для справочника «" + kind.code() + "» нужно поле " + attribute);
            }
        }
    }

    public String key() {
        return kind.code() + ":" + code;
    }
}
