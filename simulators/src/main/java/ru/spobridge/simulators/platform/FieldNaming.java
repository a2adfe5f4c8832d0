package ru.spobridge.simulators.platform;

/** How a platform spells the canonical camelCase field names on the wire. */
public enum FieldNaming {
    SNAKE_CASE,
    CAMEL_CASE;

    /** The wire name of a canonical name: {@code groupExternalId} or {@code group_external_id}. */
    public String wire(String canonical) {
        if (this == CAMEL_CASE) {
            return canonical;
        }
        StringBuilder snake = new StringBuilder(canonical.length() + 4);
        for (char c : canonical.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
