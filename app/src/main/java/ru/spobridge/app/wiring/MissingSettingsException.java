package ru.spobridge.app.wiring;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The start stops here: settings refer to variables nobody set. The message names every one of them. */
public class MissingSettingsException extends IllegalStateException {

    private final transient Map<String, List<String>> missing;

    public MissingSettingsException(Map<String, List<String>> missing) {
        super(describe(missing));
        this.missing = Map.copyOf(missing);
    }

    /** Each missing variable with the settings that refer to it. */
    public Map<String, List<String>> missing() {
        return missing;
    }

    static String describe(Map<String, List<String>> missing) {
        return "Не заданы переменные окружения, на которые ссылаются настройки узла (" + missing.size() + "):\n"
                + missing.entrySet().stream()
                .map(entry -> "  " + entry.getKey() + " — для " + String.join(", ", entry.getValue()))
                .collect(Collectors.joining("\n"));
    }
}
