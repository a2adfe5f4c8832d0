package ru.spobridge.routes.store;

/** A canonical record that a target does not have in its current version yet; sortKey places it in delivery order. */
public record PendingRecord(String entityKey, String contentHash, String payload, String maskedLabel, String deliveredHash, String sortKey) {

    @Override
    public String toString() {
        return "PendingRecord[" + entityKey + "]";
    }
}
