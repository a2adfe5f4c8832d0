package ru.spobridge.simulators.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.faults.FaultInjector;

/**
 * In-memory integration API of one journal platform: one tenant per client id (one college), items stored as
 * received, student movements applied through a state machine. The platform itself is a {@link PlatformDescription};
 * subclasses only name it. Thread-safe.
 */
public class PlatformSimulator {

    private final PlatformDescription description;
    private final Map<String, PlatformTenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, RecordError> rejections = new ConcurrentHashMap<>();
    private final Clock clock;
    private final FaultInjector faults;
    private final TokenRegistry tokens;
    private final SimulatorProperties.Platform settings;
    private final ClientRateLimit rateLimit = new ClientRateLimit();
    private final AtomicInteger replayed = new AtomicInteger();
    private final PlatformApplications applications = new PlatformApplications();
    private volatile int rateLimitPerSecond;

    protected PlatformSimulator(PlatformDescription description, Clock clock, FaultInjector faults,
                                TokenRegistry tokens, SimulatorProperties.Platform settings) {
        this.description = description;
        this.clock = clock;
        this.faults = faults;
        this.tokens = tokens;
        this.settings = settings;
        this.rateLimitPerSecond = settings.rateLimitPerSecond();
    }

    public PlatformDescription description() {
        return description;
    }

    /** Forgets every tenant, clears faults, counters, forced rejections and the rate-limit override; tokens stay. */
    public void reset() {
        tenants.clear();
        rejections.clear();
        faults.clear();
        faults.resetCounters();
        replayed.set(0);
        applications.clear();
        rateLimit.clear();
        rateLimitPerSecond = settings.rateLimitPerSecond();
    }

    /** Stored student profiles of a client by externalId, fields as received (group moved by movements). */
    public Map<String, Map<String, Object>> students(String clientId) {
        return tenant(clientId).items(ResourceKind.STUDENTS);
    }

    /** Stored groups of a client by externalId, fields as received. */
    public Map<String, Map<String, Object>> groups(String clientId) {
        return tenant(clientId).items(ResourceKind.GROUPS);
    }

    /** Stored guardians of a client by externalId, fields as received. */
    public Map<String, Map<String, Object>> guardians(String clientId) {
        return tenant(clientId).items(ResourceKind.GUARDIANS);
    }

    /** Staff accounts of a client by externalId, fields as received; a deleted account is gone until re-posted. */
    public Map<String, Map<String, Object>> staff(String clientId) {
        return items(clientId, ResourceKind.STAFF);
    }

    /** Substitutions of a client by externalId, fields as received; revoked ones are gone. */
    public Map<String, Map<String, Object>> substitutions(String clientId) {
        return items(clientId, ResourceKind.SUBSTITUTIONS);
    }

    /** Reference items of a client (buildings, rooms, specialties, …) by externalId, fields as received. */
    public Map<String, Map<String, Object>> reference(String clientId) {
        return items(clientId, ResourceKind.REFERENCE);
    }

    /** Schedule items of a client by lesson key (externalId), the last posted state, fields as received. */
    public Map<String, Map<String, Object>> lessons(String clientId) {
        return items(clientId, ResourceKind.SCHEDULE);
    }

    /**
     * Accepted, non-replayed schedule posts (distinct idempotency keys) that carried this lesson, whether it was
     * created, updated or unchanged; proves a re-import sends only the lessons that changed.
     */
    public int lessonPosts(String clientId, String externalId) {
        return tenant(clientId).deliveries(ResourceKind.SCHEDULE, externalId);
    }

    /** As if a teacher put a mark or an absence on this lesson: from now on it cannot be cancelled. */
    public void recordMark(String clientId, String lessonExternalId) {
        tenant(clientId).mark(lessonExternalId);
    }

    /** Marks of a client by externalId, fields as received in the platform's encoding; withdrawn ones are gone. */
    public Map<String, Map<String, Object>> marks(String clientId) {
        return items(clientId, ResourceKind.MARKS);
    }

    /** Absences of a client by externalId, fields as received; withdrawn ones are gone. */
    public Map<String, Map<String, Object>> attendance(String clientId) {
        return items(clientId, ResourceKind.ATTENDANCE);
    }

    /** Lesson topics and homework of a client by lesson key (externalId), fields as received; withdrawn ones are gone. */
    public Map<String, Map<String, Object>> lessonTopics(String clientId) {
        return items(clientId, ResourceKind.LESSONS);
    }

    /** Accepted, non-replayed mark posts (distinct idempotency keys) that carried this mark. */
    public int markPosts(String clientId, String externalId) {
        return tenant(clientId).deliveries(ResourceKind.MARKS, externalId);
    }

    /** Accepted, non-replayed attendance posts (distinct idempotency keys) that carried this absence. */
    public int attendancePosts(String clientId, String externalId) {
        return tenant(clientId).deliveries(ResourceKind.ATTENDANCE, externalId);
    }

    /** Attestation events (exams, state final attestation) of a client by externalId, fields as received. */
    public Map<String, Map<String, Object>> attestationEvents(String clientId) {
        return items(clientId, ResourceKind.ATTESTATION_EVENTS);
    }

    /**
     * Whether a stored substitution grants this teacher the journal of this group and discipline. Dates are not
     * checked: the platform trusts the hub to grant and revoke on the right days.
     */
    public boolean hasAccess(String clientId, String teacherExternalId, String groupExternalId,
                             String disciplineCode) {
        String substitute = description.wire("substituteTeacherExternalId");
        String group = description.wire("groupExternalId");
        String discipline = description.wire("disciplineCode");
        return substitutions(clientId).values().stream()
                .filter(s -> teacherExternalId.equals(s.get(substitute)))
                .flatMap(s -> s.get(description.wire("scope")) instanceof List<?> scope ? scope.stream()
                        : Stream.empty())
                .anyMatch(part -> part instanceof Map<?, ?> cell && groupExternalId.equals(cell.get(group))
                        && disciplineCode.equals(cell.get(discipline)));
    }

    /** Movements applied to one student, in the order applied, fields as received. */
    public List<Map<String, Object>> movements(String clientId, String studentExternalId) {
        return tenant(clientId).movementsOf(studentExternalId);
    }

    /** {@code active}, {@code academic_leave} or {@code expelled}; null for a student the client never sent. */
    public String studentStatus(String clientId, String studentExternalId) {
        return tenant(clientId).studentStatus(studentExternalId);
    }

    /**
     * Accepted, non-replayed write requests (distinct idempotency keys) whose items carried this externalId
     * as created, updated or unchanged.
     */
    public int deliveries(String clientId, String externalId) {
        return tenant(clientId).deliveries(externalId);
    }

    /** Accepted, non-replayed DELETE requests of this externalId (staff, substitutions, marks, absences). */
    public int deletions(String clientId, String externalId) {
        return tenant(clientId).deletions(externalId);
    }

    /** Requests answered from the idempotency store, all clients. */
    public int replayedRequests() {
        return replayed.get();
    }

    /** How many times each version of each record was applied, counted here at the platform. */
    /** Records of every client last created or updated at or after {@code since} (control API, for benchmarks). */
    public List<Map<String, Object>> acceptedSince(Instant since) {
        List<Map<String, Object>> found = new ArrayList<>();
        tenants.values().forEach(tenant -> found.addAll(tenant.acceptedSince(since)));
        return found;
    }

    public PlatformApplications applications() {
        return applications;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Every issued token is rejected from now on (401 TOKEN_EXPIRED). */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** Overrides the configured rate limit until {@link #reset()}; 0 switches the limit off. */
    public void rateLimitPerSecond(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate limit must be zero or positive");
        }
        rateLimitPerSecond = perSecond;
    }

    public int batchLimit() {
        return settings.batchLimit();
    }

    /** Until {@link #reset()} or {@link #clearRejections()}, items with these ids are rejected with field and code. */
    public void rejectRecords(String field, String code, String... externalIds) {
        RecordError error = new RecordError(field, code, "Запись отклонена платформой");
        for (String externalId : externalIds) {
            rejections.put(externalId, error);
        }
    }

    public void clearRejections() {
        rejections.clear();
    }

    /**
     * Everything the clients stored, per client id, as plain maps and lists (for the demo's state file); request
     * counters, idempotency answers and faults are not part of it.
     */
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new java.util.TreeMap<>();
        tenants.forEach((clientId, tenant) -> state.put(clientId, PlatformState.snapshot(tenant)));
        return state;
    }

    /** Puts back what {@link #snapshot()} took, into a simulator that has stored nothing yet. */
    @SuppressWarnings("unchecked")
    public void restore(Map<String, Object> state) {
        if (!tenants.isEmpty()) {
            throw new IllegalStateException(description.id() + " simulator already holds data");
        }
        state.forEach((clientId, tenantState) ->
                PlatformState.restore(tenant(clientId), (Map<String, Object>) tenantState, description));
    }

    /** Stored items of one resource of a client by externalId, fields as received. */
    protected Map<String, Map<String, Object>> items(String clientId, ResourceKind kind) {
        return tenant(clientId).items(kind);
    }

    Optional<RecordError> forcedRejection(String externalId) {
        return externalId == null ? Optional.empty() : Optional.ofNullable(rejections.get(externalId));
    }

    PlatformTenant tenant(String clientId) {
        return tenants.computeIfAbsent(clientId, PlatformTenant::new);
    }

    TokenRegistry tokens() {
        return tokens;
    }

    Clock clock() {
        return clock;
    }

    boolean tryAcquire(String clientId) {
        return rateLimit.tryAcquire(clientId, rateLimitPerSecond, clock.millis());
    }

    void countReplay() {
        replayed.incrementAndGet();
    }
}
