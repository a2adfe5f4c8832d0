package ru.spobridge.routes.config.region;

import java.util.Optional;

/** Resolves a secret reference of a college's settings; the policy (environment, files, the store) is its owner's. */
@FunctionalInterface
public interface SecretLookup {

    /**
     * The value behind {@code env:NAME}, {@code file:relative/path} or {@code stored}; empty when not found.
     * A value that is not a reference is returned as it is.
     */
    Optional<String> lookup(String collegeId, String field, String reference);

    static boolean isReference(String value) {
        return value != null && (value.startsWith("env:") || value.startsWith("file:") || value.equals("stored"));
    }
}
