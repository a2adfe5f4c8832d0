package ru.spobridge.routes.store;

/** A canonical record that a target does not have in its current version yet. */
public record PendingRecord(String entityKey, String contentHash, String payload, String maskedLabel, String deliveredHash) {

    @Override
    public String toString() {
        return "PendingRecord[" + entityKey + "]";
    }
}
