package ru.spobridge.simulators.platform;

/** How a platform spells the canonical camelCase field names on the wire. */
public enum FieldNaming {
    SNAKE_CASE,
    CAMEL_CASE,
    /** ИАС «ЭПОС» for schools: snake_case, and a class unit where a college platform has a group. */
    SCHOOL_SNAKE_CASE;

    /**
     * The wire name of a canonical name: {@code groupExternalId}, {@code group_external_id} or, for a school,
     * {@code class_unit_external_id}.
     */
    public String wire(String canonical) {
        if (this == CAMEL_CASE) {
            return canonical;
        }
        // a group as a word of the name (groupExternalId, toGroupExternalId), not inside another word (subgroup)
        String name = this == SCHOOL_SNAKE_CASE ? canonical.replaceAll("^group", "classUnit").replace("Group", "ClassUnit")
                : canonical;
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
