package ru.spobridge.model;

import java.time.ZoneId;

/** A college: the tenant every record belongs to. */
public record College(String id, String name, String region, String ogrn, ZoneId zone) {

    public College {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("college id must be lower-case latin letters, digits and dashes");
        }
    }
}
