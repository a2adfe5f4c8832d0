package ru.spobridge.simulators.epos;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.faults.FaultInjector;

/**
 * In-memory ЭПОС.СПО integration API: one tenant per client id (one college), items stored as received.
 * Thread-safe.
 */
public class EposSimulator {

    private final Map<String, EposTenant> tenants = new ConcurrentHashMap<>();
    private final Clock clock;
    private final FaultInjector faults;
    private final TokenRegistry tokens;
    private final SimulatorProperties.Epos settings;
    private final ClientRateLimit rateLimit = new ClientRateLimit();
    private final AtomicInteger replayed = new AtomicInteger();
    private volatile int rateLimitPerSecond;

    public EposSimulator(Clock clock, FaultInjector faults, TokenRegistry tokens, SimulatorProperties.Epos settings) {
        this.clock = clock;
        this.faults = faults;
        this.tokens = tokens;
        this.settings = settings;
        this.rateLimitPerSecond = settings.rateLimitPerSecond();
    }

    /** Forgets every tenant, clears faults, counters and the rate-limit override; issued tokens stay valid. */
    public void reset() {
        tenants.clear();
        faults.clear();
        faults.resetCounters();
        replayed.set(0);
        rateLimit.clear();
        rateLimitPerSecond = settings.rateLimitPerSecond();
    }

    /** Stored student profiles of a client by external_id, fields as received. */
    public Map<String, Map<String, Object>> students(String clientId) {
        return tenant(clientId).items(EposCollection.STUDENT_PROFILES);
    }

    /** Stored groups of a client by external_id, fields as received. */
    public Map<String, Map<String, Object>> groups(String clientId) {
        return tenant(clientId).items(EposCollection.GROUPS);
    }

    /**
     * Accepted, non-replayed write requests (distinct idempotency keys) whose items carried this external_id
     * as created, updated or unchanged.
     */
    public int deliveries(String clientId, String externalId) {
        return tenant(clientId).deliveries(externalId);
    }

    /** Requests answered from the idempotency store, all clients. */
    public int replayedRequests() {
        return replayed.get();
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Every issued token is rejected from now on (401 TOKEN_EXPIRED). */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** Overrides {@code epos.rate-limit-per-second} until {@link #reset()}; 0 switches the limit off. */
    public void rateLimitPerSecond(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rate limit must be zero or positive");
        }
        rateLimitPerSecond = perSecond;
    }

    public int batchLimit() {
        return settings.batchLimit();
    }

    EposTenant tenant(String clientId) {
        return tenants.computeIfAbsent(clientId, k -> new EposTenant());
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
