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

    /**
     * The batch less some items. A smaller batch is different content, so it gets its own key derived from the
     * original one: a retry of the same subset reuses it.
     */
    public DeliveryBatch without(List<Item> removed) {
        if (removed.isEmpty()) {
            return this;
        }
        List<Item> kept = items.stream().filter(item -> !removed.contains(item)).toList();
        StringBuilder identity = new StringBuilder(idempotencyKey);
        kept.forEach(item -> identity.append('|').append(item.entityKey()));
        String key = idempotencyKey.length() > 60 ? idempotencyKey.substring(0, 60) : idempotencyKey;
        return new DeliveryBatch(runId, collegeId, flow, target, entityType,
                key + "-" + ru.spobridge.routes.CanonicalJson.sha256(identity.toString()).substring(0, 16), kept);
    }

    /** The same records under another idempotency key. */
    public DeliveryBatch withKey(String key) {
        return new DeliveryBatch(runId, collegeId, flow, target, entityType, key, items);
    }

    @Override
    public String toString() {
        return "DeliveryBatch[" + collegeId + "/" + target + "/" + entityType + ", " + items.size() + " записей, " + idempotencyKey + "]";
    }
}
