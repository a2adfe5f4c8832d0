package ru.spobridge.routes.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The message on the bus: one batch of changed records of one entity type for one target of one college.
 * The idempotency key is derived from the content, so the same batch re-sent after a crash gets the same key; each
 * item has its own key too ({@link #itemKeys()}), so a record version is recognised in any batch.
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

    /**
     * One key per item, in item order: the record version (college, target, entity type, entity key, the version the
     * target had → this version), whatever batch carries it — a replay, a retry after restart, a smaller batch after
     * a 413 or the batch less waiting items all give a record version the same key. 12 characters (72 bits, the
     * platform also checks the externalId) keep the {@code Idempotency-Keys} header of a 500-item batch under 8 KiB.
     */
    public List<String> itemKeys() {
        return items.stream().map(item -> itemKey(collegeId, target, entityType, item)).toList();
    }

    static String itemKey(String collegeId, String target, String entityType, Item item) {
        String version = collegeId + '|' + target + '|' + entityType + '|' + item.entityKey() + '|'
                + item.previousHash() + '>' + item.contentHash();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(version.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
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
