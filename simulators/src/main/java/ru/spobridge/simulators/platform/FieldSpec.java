package ru.spobridge.simulators.platform;

import java.util.List;

/**
 * One item field by its canonical camelCase name, its JSON type, whether a record needs it and, for a closed
 * list, the values it may take (empty = any value the field's own rules allow).
 */
public record FieldSpec(String name, Type type, boolean required, List<String> values) {

    /** JSON types an item field may have; anything else is a 400 MALFORMED envelope. */
    public enum Type {
        TEXT,
        INTEGER,
        BOOLEAN,
        TEXT_LIST,
        SUBGROUPS,
        /** Substitution scope: objects with groupExternalId and disciplineCode. */
        SCOPE,
        /** An object whose every value is text, such as the attributes of a reference item. */
        TEXT_MAP,
        /** A mark cell as СГО writes it: a whole number, a list of whole numbers, or text. */
        MARK_CELL
    }

    public FieldSpec {
        values = List.copyOf(values);
    }

    public FieldSpec(String name, Type type, boolean required) {
        this(name, type, required, List.of());
    }

    public static FieldSpec required(String name) {
        return new FieldSpec(name, Type.TEXT, true);
    }

    public static FieldSpec optional(String name) {
        return new FieldSpec(name, Type.TEXT, false);
    }

    public static FieldSpec optional(String name, Type type) {
        return new FieldSpec(name, type, false);
    }

    public static FieldSpec required(String name, Type type) {
        return new FieldSpec(name, type, true);
    }

    /** A required text field that takes one of {@code values}, else INVALID_VALUE. */
    public static FieldSpec oneOf(String name, String... values) {
        return new FieldSpec(name, Type.TEXT, true, List.of(values));
    }
}
