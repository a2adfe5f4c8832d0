package ru.spobridge.mappings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** The JSON field names a platform item is written with: its {@code @JsonProperty} names, else its component names. */
public final class WireNames {

    private WireNames() {
    }

    public static List<String> of(Class<? extends Record> item) {
        return Arrays.stream(item.getRecordComponents()).map(WireNames::name).toList();
    }

    private static String name(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null ? component.getName() : property.value();
    }
}
