package ru.spobridge.routes.config.region;

import java.util.Map;

/**
 * What every college of a region shares: a tree in the shape of a college block (zone, contingent, staff, marks,
 * targets, hold, blackouts …) with references and {@code {id}}/{@code {ENV}} tokens kept as written.
 */
public record RegionProfile(String id, String name, Map<String, Object> defaults) {

    public RegionProfile {
        defaults = defaults == null ? Map.of() : SettingsTree.copy(defaults);
    }
}
