package ru.spobridge.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.spobridge.model.College;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;

/**
 * The colleges this hub serves: those of {@code spo.colleges} (static, always active) and those managed as data in
 * the store, published here whole after every change. Flows read settings only through this view.
 */
@Component
public class Colleges {

    /** ACTIVE runs; NOT_READY lacks a secret or a setting; DISABLED and REMOVED keep their history and settings. */
    public enum Status { ACTIVE, NOT_READY, DISABLED, REMOVED }

    /** A store-managed college as last resolved. */
    public record Entry(CollegeSettings settings, Status status) {
    }

    private final HubProperties properties;
    private volatile Map<String, Entry> managed = Map.of();

    public Colleges(HubProperties properties) {
        this.properties = properties;
    }

    /** The colleges that run: schedules, inboxes and commands. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(properties.colleges().keySet());
        managed.forEach((id, entry) -> {
            if (entry.status() == Status.ACTIVE && !ids.contains(id)) {
                ids.add(id);
            }
        });
        return List.copyOf(ids);
    }

    /** Every known college, static first, whatever its status. */
    public List<String> all() {
        List<String> ids = new ArrayList<>(properties.colleges().keySet());
        managed.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return List.copyOf(ids);
    }

    /** Any college the hub has settings for, whatever its status: history, in-flight deliveries and replays need it. */
    public boolean known(String id) {
        return properties.colleges().containsKey(id) || managed.containsKey(id);
    }

    public Status status(String id) {
        if (properties.colleges().containsKey(id)) {
            return Status.ACTIVE;
        }
        Entry entry = managed.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("Колледж не настроен: " + id);
        }
        return entry.status();
    }

    public College college(String id) {
        CollegeSettings settings = settings(id);
        return new College(id, settings.name(), settings.region(), settings.ogrn(), settings.zone());
    }

    /** Settings of a known college, also of a disabled or removed one (its last settings). */
    public CollegeSettings settings(String id) {
        Entry entry = managed.get(id);
        if (entry != null && !properties.colleges().containsKey(id)) {
            if (entry.settings() == null) {
                throw new IllegalStateException("Колледж " + id + " не готов: его настройки не разрешены (см. /api/admin/colleges/" + id + ")");
            }
            return entry.settings();
        }
        return properties.college(id);
    }

    /** Names of the targets enabled for a college. */
    public List<String> enabledTargets(String id) {
        return settings(id).targets().entrySet().stream()
                .filter(target -> target.getValue().enabled())
                .map(java.util.Map.Entry::getKey)
                .toList();
    }

    /** Replaces the store-managed colleges at once (readers see the old set or the new one, never a mix). */
    public void publish(Map<String, Entry> colleges) {
        this.managed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(colleges));
    }
}
