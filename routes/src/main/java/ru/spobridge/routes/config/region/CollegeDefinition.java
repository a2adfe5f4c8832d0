package ru.spobridge.routes.config.region;

import java.util.Locale;
import java.util.Map;

/**
 * A college as an IT person states it: id, name, ОГРН, its region, the prefix of its variables and only the settings
 * that differ from the region. Secrets stay references here; they are resolved in memory only.
 */
public record CollegeDefinition(String id, String regionId, String name, String ogrn, String env, Map<String, Object> overrides) {

    public CollegeDefinition {
        overrides = overrides == null ? Map.of() : SettingsTree.copy(overrides);
    }

    /** The prefix of the college's variables: stated, else the id in upper case with '-' as '_'. */
    public String envOrDefault() {
        return env != null && !env.isBlank() ? env : id.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public CollegeDefinition withRegion(String region) {
        return new CollegeDefinition(id, region, name, ogrn, env, overrides);
    }
}
