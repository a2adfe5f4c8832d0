package ru.spobridge.routes;

import java.util.List;
import org.springframework.stereotype.Component;
import ru.spobridge.model.College;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;

/** The colleges this hub serves, from config/. */
@Component
public class Colleges {

    private final HubProperties properties;

    public Colleges(HubProperties properties) {
        this.properties = properties;
    }

    public List<String> ids() {
        return List.copyOf(properties.colleges().keySet());
    }

    public College college(String id) {
        CollegeSettings settings = properties.college(id);
        return new College(id, settings.name(), settings.region(), settings.ogrn(), settings.zone());
    }

    public CollegeSettings settings(String id) {
        return properties.college(id);
    }

    /** Names of the targets enabled for a college. */
    public List<String> enabledTargets(String id) {
        return settings(id).targets().entrySet().stream()
                .filter(target -> target.getValue().enabled())
                .map(java.util.Map.Entry::getKey)
                .toList();
    }
}
