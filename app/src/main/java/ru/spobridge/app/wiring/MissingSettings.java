package ru.spobridge.app.wiring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * Finds every environment variable (or property) that the hub's settings ({@code spo.*}) refer to as
 * {@code ${NAME}} without a default and that nobody set — all of them at once, with the settings that need each.
 */
public final class MissingSettings {

    private static final String PREFIX = "spo.";
    /** A placeholder left as written: nothing resolved it and it has no default. */
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{([^${}:]+)}");

    private MissingSettings() {
    }

    /** Each missing variable with the {@code spo.*} settings that refer to it, in the order the settings are read. */
    public static Map<String, List<String>> in(ConfigurableEnvironment environment) {
        PropertyPlaceholderHelper placeholders = new PropertyPlaceholderHelper("${", "}", ":", '\\', true);
        Map<String, List<String>> missing = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String property : enumerable.getPropertyNames()) {
                // the first source that has a setting is the one that wins, as in the hub's own binding
                if (!property.startsWith(PREFIX) || !seen.add(property)
                        || !(enumerable.getProperty(property) instanceof String raw) || !raw.contains("${")) {
                    continue;
                }
                String resolved = placeholders.replacePlaceholders(raw, name -> raw(environment, name));
                Matcher unresolved = UNRESOLVED.matcher(resolved);
                while (unresolved.find()) {
                    missing.computeIfAbsent(unresolved.group(1).trim(), k -> new ArrayList<>()).add(property);
                }
            }
        }
        return missing;
    }

    /** The value as written in the first source that has it; nested placeholders are left to the helper. */
    private static String raw(ConfigurableEnvironment environment, String name) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            Object value = source.getProperty(name);
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
