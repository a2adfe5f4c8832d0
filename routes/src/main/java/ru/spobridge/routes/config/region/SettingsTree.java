package ru.spobridge.routes.config.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings as plain trees (maps, lists, scalars) as YAML gives them: a deep merge where maps merge and lists and
 * scalars are replaced, token expansion, and flattening to the property names Spring's binder reads.
 */
public final class SettingsTree {

    private SettingsTree() {
    }

    /** A deep, mutable, insertion-ordered copy. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Map<String, ?> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((key, value) -> copy.put(String.valueOf(key), copyValue(value)));
        return copy;
    }

    /** {@code base} with {@code over} laid on top: maps merged key by key, anything else replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, ?> base, Map<String, ?> over) {
        Map<String, Object> merged = copy(base);
        over.forEach((key, value) -> {
            Object current = merged.get(key);
            if (current instanceof Map<?, ?> currentMap && value instanceof Map<?, ?> valueMap) {
                merged.put(key, merge((Map<String, ?>) currentMap, (Map<String, ?>) valueMap));
            } else {
                merged.put(key, copyValue(value));
            }
        });
        return merged;
    }

    /** Every string with each token replaced (e.g. {@code {id}} → perm-002, {@code {ENV}} → PERM_002). */
    @SuppressWarnings("unchecked")
    public static Object expand(Object value, Map<String, String> tokens) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> expanded = new LinkedHashMap<>();
            map.forEach((key, item) -> expanded.put(String.valueOf(key), expand(item, tokens)));
            return expanded;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(item -> expand(item, tokens)).toList());
        }
        if (value instanceof String text) {
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                text = text.replace(token.getKey(), token.getValue());
            }
            return text;
        }
        return value;
    }

    /** Property names under {@code prefix}: keys outside [a-z0-9-] (Cyrillic scale keys) are written as [key]. */
    public static Map<String, Object> flatten(String prefix, Map<String, ?> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten(prefix, tree, flat);
        return flat;
    }

    /** The value at a dotted path ({@code contingent.schedule}), or null. */
    public static Object at(Map<String, ?> tree, String path) {
        Object node = tree;
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    /** Sets the value at a dotted path whose parents exist; nothing when a parent is missing. */
    @SuppressWarnings("unchecked")
    public static void put(Map<String, Object> tree, String path, Object value) {
        int dot = path.lastIndexOf('.');
        Object parent = dot < 0 ? tree : at(tree, path.substring(0, dot));
        if (parent instanceof Map<?, ?> map) {
            String key = path.substring(dot + 1);
            if (value == null) {
                map.remove(key);
            } else {
                ((Map<String, Object>) map).put(key, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String name, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> flatten(name + key(String.valueOf(key)), item, flat));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(name + "[" + i + "]", list.get(i), flat);
            }
        } else if (value != null) {
            flat.put(name, String.valueOf(value));
        }
    }

    private static String key(String key) {
        String bare = key.startsWith("[") && key.endsWith("]") ? key.substring(1, key.length() - 1) : key;
        return bare.matches("[a-z0-9-]+") ? "." + bare : "[" + bare + "]";
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copy((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(SettingsTree::copyValue).toList());
        }
        return value;
    }
}
