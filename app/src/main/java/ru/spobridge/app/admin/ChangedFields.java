package ru.spobridge.app.admin;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import ru.spobridge.routes.config.region.SettingsTree;

/** The names of the fields a change touched, for the audit log: names only, never values (some are secrets). */
final class ChangedFields {

    private ChangedFields() {
    }

    static String between(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> old = SettingsTree.flatten("", before);
        Map<String, Object> now = SettingsTree.flatten("", after);
        TreeSet<String> names = new TreeSet<>();
        old.keySet().forEach(name -> {
            if (!Objects.equals(old.get(name), now.get(name))) {
                names.add(name.substring(1));
            }
        });
        now.keySet().stream().filter(name -> !old.containsKey(name)).forEach(name -> names.add(name.substring(1)));
        return "поля: " + String.join(", ", names);
    }
}
