package ru.spobridge.routes.delivery;

import java.util.List;

/**
 * The message on the bus: one batch of changed records of one entity type for one target of one college.
 * The idempotency key is derived from the content, so the same batch re-sent after a crash gets the same key.
 */
public record DeliveryBatch(long runId, String collegeId, String flow, String target, String entityType,
                            String idempotencyKey, List<Item> items) {

    /** One record: its key, version, the version the target had, the canonical JSON, and a masked label. */
    public record Item(String entityKey, String contentHash, String previousHash, String payload, String maskedLabel) {

        @Override
        public String toString() {
            return "Item[" + entityKey + "]";
        }
    }

    @Override
    public String toString() {
        return "DeliveryBatch[" + collegeId + "/" + target + "/" + entityType + ", " + items.size() + " записей, " + idempotencyKey + "]";
    }
}
