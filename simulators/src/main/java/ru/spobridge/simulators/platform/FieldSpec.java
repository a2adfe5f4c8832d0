package ru.spobridge.simulators.platform;

/** One item field by its canonical camelCase name, its JSON type and whether a record needs it. */
public record FieldSpec(String name, Type type, boolean required) {

    /** JSON types an item field may have; anything else is a 400 MALFORMED envelope. */
    public enum Type {
        TEXT,
        INTEGER,
        BOOLEAN,
        TEXT_LIST,
        SUBGROUPS,
        /** Substitution scope: objects with groupExternalId and disciplineCode. */
        SCOPE
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
}
