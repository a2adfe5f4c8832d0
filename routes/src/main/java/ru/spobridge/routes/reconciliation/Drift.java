package ru.spobridge.routes.reconciliation;

import java.util.List;

/** One record that differs between the canonical state and a platform: which, how, and in which fields (never values). */
public record Drift(String entityType, String entityKey, String kind, List<String> fields, String maskedLabel) {

    public static final String MISSING = "missing";
    public static final String EXTRA = "extra";
    public static final String DIFFERENT = "different";
}
