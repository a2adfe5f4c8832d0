package ru.spobridge.simulators.epos;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one client (one college) has stored in the ЭПОС.СПО simulator. Guarded by the tenant's own monitor. */
final class EposTenant {

    static final Duration KEY_RETENTION = Duration.ofHours(24);

    /** A processed write request, kept to replay it for the same Idempotency-Key. */
    record StoredAnswer(String fingerprint, int status, byte[] body, Instant at) {
    }

    /** Result of storing one accepted item. */
    record Stored(String status, String id) {
    }

    private final Map<EposCollection, Map<String, Map<String, Object>>> items = new HashMap<>();
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, StoredAnswer> answers = new HashMap<>();
    private final Map<String, Integer> deliveries = new HashMap<>();
    private long nextId = 90_001;

    synchronized Map<String, Map<String, Object>> items(EposCollection collection) {
        return new LinkedHashMap<>(collection(collection));
    }

    synchronized boolean has(EposCollection collection, String externalId) {
        return collection(collection).containsKey(externalId);
    }

    /** Stores the item as received: created, updated, or unchanged when identical to the stored one. */
    synchronized Stored store(EposCollection collection, String externalId, Map<String, Object> item) {
        Map<String, Object> previous = collection(collection).put(externalId, item);
        String id = ids.computeIfAbsent(collection.path() + ":" + externalId, k -> Long.toString(nextId++));
        String status = previous == null ? "created" : previous.equals(item) ? "unchanged" : "updated";
        return new Stored(status, id);
    }

    synchronized String idOf(EposCollection collection, String externalId) {
        return ids.get(collection.path() + ":" + externalId);
    }

    synchronized void delivered(String externalId) {
        deliveries.merge(externalId, 1, Integer::sum);
    }

    synchronized int deliveries(String externalId) {
        return deliveries.getOrDefault(externalId, 0);
    }

    /** The stored answer for this key if it is younger than 24 hours; older keys are forgotten. */
    synchronized StoredAnswer answer(String key, Instant now) {
        answers.values().removeIf(a -> a.at().plus(KEY_RETENTION).isBefore(now));
        return answers.get(key);
    }

    synchronized void remember(String key, StoredAnswer answer) {
        answers.put(key, answer);
    }

    private Map<String, Map<String, Object>> collection(EposCollection collection) {
        return items.computeIfAbsent(collection, k -> new LinkedHashMap<>());
    }
}
