package ru.spobridge.simulators.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one client (one college) has stored on a platform: items per resource, student states, applied
 * movements, idempotency answers, delivery and deletion counts, marked lessons. Guarded by the tenant's own
 * monitor.
 */
final class PlatformTenant {

    static final Duration KEY_RETENTION = Duration.ofHours(24);

    /** A processed write request, kept to replay it for the same Idempotency-Key. */
    record StoredAnswer(String fingerprint, int status, byte[] body, Instant at) {
    }

    /**
     * The answer given to one accepted item, kept under its per-item key ({@code Idempotency-Keys}, an extension of
     * the contract): which record it was and a digest of the record as it stood right after.
     */
    record ItemAnswer(ResourceKind kind, String externalId, String status, String id, String state, Instant at) {
    }

    /** Result of storing one accepted item. */
    record Stored(String status, String id) {
    }

    /** Where a student stands in the movement state machine. */
    private static final class StudentState {
        String status = MovementKind.StudentStatus.ACTIVE;
        LocalDate lastEffective;
        final List<Map<String, Object>> applied = new ArrayList<>();
    }

    private final Map<ResourceKind, Map<String, Map<String, Object>>> items = new EnumMap<>(ResourceKind.class);
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, StudentState> students = new HashMap<>();
    private final Map<String, StoredAnswer> answers = new HashMap<>();
    private final Map<String, ItemAnswer> itemAnswers = new HashMap<>();
    private Instant itemsPurgedAt = Instant.EPOCH;
    private final Map<ResourceKind, Map<String, Integer>> deliveries = new EnumMap<>(ResourceKind.class);
    private final Map<String, Integer> deletions = new HashMap<>();
    /** Lesson keys a teacher put a mark or an absence on. */
    private final Set<String> marked = new HashSet<>();
    /** When each record was last accepted (created or updated), by resource and externalId: read by benchmarks. */
    private final Map<ResourceKind, Map<String, Instant>> acceptedAt = new EnumMap<>(ResourceKind.class);
    private long nextId = 90_001;
    private final String clientId;

    PlatformTenant(String clientId) {
        this.clientId = clientId;
    }

    String clientId() {
        return clientId;
    }

    /** A copy of the stored items of a resource, by externalId, in the order first stored. */
    synchronized Map<String, Map<String, Object>> items(ResourceKind kind) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        collection(kind).forEach((id, fields) -> copy.put(id, new LinkedHashMap<>(fields)));
        return copy;
    }

    synchronized Map<String, Object> item(ResourceKind kind, String externalId) {
        return collection(kind).get(externalId);
    }

    synchronized boolean has(ResourceKind kind, String externalId) {
        return collection(kind).containsKey(externalId);
    }

    /** Stores the item as received: created, updated, or unchanged when identical to the stored one. */
    synchronized Stored store(ResourceKind kind, String externalId, Map<String, Object> item) {
        Map<String, Object> previous = collection(kind).put(externalId, new LinkedHashMap<>(item));
        if (kind == ResourceKind.STUDENTS) {
            students.computeIfAbsent(externalId, k -> new StudentState());
        }
        String status = previous == null ? "created" : previous.equals(item) ? "unchanged" : "updated";
        return new Stored(status, idOf(kind, externalId));
    }

    /** Removes a stored item and counts the deletion; empty when there was nothing to remove. */
    synchronized Optional<Stored> remove(ResourceKind kind, String externalId) {
        if (collection(kind).remove(externalId) == null) {
            return Optional.empty();
        }
        deletions.merge(externalId, 1, Integer::sum);
        return Optional.of(new Stored("deleted", idOf(kind, externalId)));
    }

    synchronized int deletions(String externalId) {
        return deletions.getOrDefault(externalId, 0);
    }

    synchronized String idOf(ResourceKind kind, String externalId) {
        return ids.computeIfAbsent(kind + ":" + externalId, k -> Long.toString(nextId++));
    }

    /** Status of a stored student ({@code active}, {@code academic_leave}, {@code expelled}); null when unknown. */
    synchronized String studentStatus(String externalId) {
        StudentState state = students.get(externalId);
        return state == null ? null : state.status;
    }

    /** Effective date of the student's last applied movement; null before the first. */
    synchronized LocalDate lastEffective(String studentExternalId) {
        StudentState state = students.get(studentExternalId);
        return state == null ? null : state.lastEffective;
    }

    /**
     * Applies a checked movement: the student's new status, the new group when the kind moves him
     * ({@code groupField} is the platform's name of the student's group field), the log and the stored item.
     */
    synchronized Stored applyMovement(String externalId, Map<String, Object> item, String studentExternalId,
                                      MovementKind kind, LocalDate effective, String toGroup, String groupField) {
        StudentState state = students.get(studentExternalId);
        state.status = kind.result();
        state.lastEffective = effective;
        state.applied.add(new LinkedHashMap<>(item));
        if (toGroup != null && kind.movesToGroup()) {
            collection(ResourceKind.STUDENTS).get(studentExternalId).put(groupField, toGroup);
        }
        return store(ResourceKind.MOVEMENTS, externalId, item);
    }

    synchronized List<Map<String, Object>> movementsOf(String studentExternalId) {
        StudentState state = students.get(studentExternalId);
        return state == null ? List.of() : state.applied.stream().map(m -> (Map<String, Object>) new LinkedHashMap<>(m))
                .toList();
    }

    synchronized void delivered(ResourceKind kind, String externalId) {
        deliveries.computeIfAbsent(kind, k -> new HashMap<>()).merge(externalId, 1, Integer::sum);
    }

    /** Deliveries of this externalId in any resource. */
    synchronized int deliveries(String externalId) {
        return deliveries.values().stream().mapToInt(counts -> counts.getOrDefault(externalId, 0)).sum();
    }

    synchronized int deliveries(ResourceKind kind, String externalId) {
        return deliveries.getOrDefault(kind, Map.of()).getOrDefault(externalId, 0);
    }

    synchronized void accepted(ResourceKind kind, String externalId, Instant at) {
        acceptedAt.computeIfAbsent(kind, k -> new HashMap<>()).put(externalId, at);
    }

    /** The records last accepted at or after {@code since}: resource, externalId and when. */
    synchronized List<Map<String, Object>> acceptedSince(Instant since) {
        List<Map<String, Object>> found = new ArrayList<>();
        acceptedAt.forEach((kind, byId) -> byId.forEach((externalId, at) -> {
            if (!at.isBefore(since)) {
                found.add(Map.of("client", clientId, "resource", kind.name(), "externalId", externalId, "at", at.toString()));
            }
        }));
        return found;
    }

    synchronized void mark(String lessonExternalId) {
        marked.add(lessonExternalId);
    }

    synchronized boolean marked(String lessonExternalId) {
        return marked.contains(lessonExternalId);
    }

    /** Whether a reference item of {@code kind} with this code is stored (kind and code are spelled alike everywhere). */
    synchronized boolean hasReference(String kind, String code) {
        return collection(ResourceKind.REFERENCE).values().stream()
                .anyMatch(item -> kind.equals(item.get("kind")) && code.equals(item.get("code")));
    }

    /** The stored answer for this key if it is younger than 24 hours; older keys are forgotten. */
    synchronized StoredAnswer answer(String key, Instant now) {
        answers.values().removeIf(a -> a.at().plus(KEY_RETENTION).isBefore(now));
        return answers.get(key);
    }

    synchronized void remember(String key, StoredAnswer answer) {
        answers.put(key, answer);
    }

    /** The answer kept for this per-item key if it is younger than 24 hours; older keys are forgotten. */
    synchronized ItemAnswer itemAnswer(String key, Instant now) {
        // expired answers are dropped at most once a second of the platform's clock: a scan on every item made each
        // batch cost as much as every answer kept, and the simulator, not the hub, dominated a regional benchmark
        if (now.isBefore(itemsPurgedAt) || now.isAfter(itemsPurgedAt.plusSeconds(1))) {
            itemAnswers.values().removeIf(a -> a.at().plus(KEY_RETENTION).isBefore(now));
            itemsPurgedAt = now;
        }
        ItemAnswer answer = itemAnswers.get(key);
        return answer == null || answer.at().plus(KEY_RETENTION).isBefore(now) ? null : answer;
    }

    synchronized void rememberItem(String key, ItemAnswer answer) {
        itemAnswers.put(key, answer);
    }

    /** Digest of a stored record as it stands now; null when the platform does not hold it. */
    synchronized String state(ResourceKind kind, String externalId) {
        Map<String, Object> stored = collection(kind).get(externalId);
        return stored == null ? null : PlatformApplications.digest(stored);
    }

    private Map<String, Map<String, Object>> collection(ResourceKind kind) {
        return items.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    }
}
