package ru.spobridge.simulators.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a platform simulator has stored, as plain maps and lists (JSON-ready), and back: items per resource, the
 * movements applied to each student in order (their replay rebuilds the state machine), and the lessons with marks.
 * Idempotency answers and request counters are not kept: they are a day's and a test's business.
 */
final class PlatformState {

    private static final String ITEMS = "items";
    private static final String MOVEMENTS = "movements";
    private static final String MARKED = "marked";

    private PlatformState() {
    }

    static Map<String, Object> snapshot(PlatformTenant tenant) {
        Map<String, Object> items = new LinkedHashMap<>();
        for (ResourceKind kind : ResourceKind.values()) {
            Map<String, Map<String, Object>> stored = tenant.items(kind);
            if (kind != ResourceKind.MOVEMENTS && !stored.isEmpty()) {
                items.put(kind.name(), stored);
            }
        }
        Map<String, Object> movements = new LinkedHashMap<>();
        for (String student : tenant.items(ResourceKind.STUDENTS).keySet()) {
            List<Map<String, Object>> applied = tenant.movementsOf(student);
            if (!applied.isEmpty()) {
                movements.put(student, applied);
            }
        }
        List<String> marked = new ArrayList<>();
        for (String lesson : tenant.items(ResourceKind.SCHEDULE).keySet()) {
            if (tenant.marked(lesson)) {
                marked.add(lesson);
            }
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(ITEMS, items);
        state.put(MOVEMENTS, movements);
        state.put(MARKED, marked);
        return state;
    }

    @SuppressWarnings("unchecked")
    static void restore(PlatformTenant tenant, Map<String, Object> state, PlatformDescription description) {
        Map<String, Object> items = (Map<String, Object>) state.getOrDefault(ITEMS, Map.of());
        items.forEach((kind, stored) -> ((Map<String, Map<String, Object>>) stored)
                .forEach((externalId, fields) -> tenant.store(ResourceKind.valueOf(kind), externalId, fields)));
        Map<String, Object> movements = (Map<String, Object>) state.getOrDefault(MOVEMENTS, Map.of());
        String groupField = description.wire("groupExternalId");
        movements.forEach((student, applied) -> {
            for (Map<String, Object> movement : (List<Map<String, Object>>) applied) {
                // the stored student already has the group the movement moved him to
                tenant.applyMovement(text(movement, description, "externalId"), movement, student,
                        MovementKind.of(text(movement, description, "kind")),
                        LocalDate.parse(text(movement, description, "effectiveDate")), null, groupField);
            }
        });
        for (Object lesson : (List<Object>) state.getOrDefault(MARKED, List.of())) {
            tenant.mark(lesson.toString());
        }
    }

    private static String text(Map<String, Object> item, PlatformDescription description, String canonical) {
        Object value = item.get(description.wire(canonical));
        if (value == null) {
            throw new IllegalArgumentException("stored movement without " + description.wire(canonical));
        }
        return value.toString();
    }
}
