package ru.spobridge.routes.flow;

import java.util.List;
import ru.spobridge.routes.config.region.SettingError;

/** A change of colleges or regions refused as a whole: nothing was written. */
public class SettingsRefused extends RuntimeException {

    private final List<SettingError> errors;

    public SettingsRefused(String message, List<SettingError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<SettingError> errors() {
        return errors;
    }
}
