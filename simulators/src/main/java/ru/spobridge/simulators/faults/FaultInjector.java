package ru.spobridge.simulators.faults;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Faults one simulator injects into its data endpoints (not the token and control endpoints).
 * Thread-safe; one instance per simulator. Precedence: failNext, failAlways, failAfter, malformedNext, errorRate, mixed.
 */
public final class FaultInjector {

    private int failNextCount;
    private int failNextStatus;
    private int failAlwaysStatus;
    private int failAfterAllowance;
    private int failAfterStatus;
    private double errorShare;
    private int errorStatus;
    private Random errorRandom;
    private double mixedShare;
    private Random mixedRandom;
    private Duration burstDelay = Duration.ZERO;
    private int burstLength;
    private int burstLeft;
    private Duration latency = Duration.ZERO;
    private int malformedNext;
    private long requests;
    private long injected;

    /** The next {@code count} data requests answer {@code httpStatus}. */
    public synchronized FaultInjector failNext(int count, int httpStatus) {
        requireCount(count);
        failNextCount = count;
        failNextStatus = requireStatus(httpStatus);
        return this;
    }

    /** Every data request answers {@code httpStatus} until {@link #clear()}. */
    public synchronized FaultInjector failAlways(int httpStatus) {
        failAlwaysStatus = requireStatus(httpStatus);
        return this;
    }

    /** The next {@code okRequests} data requests pass, every later one answers {@code httpStatus} until cleared. */
    public synchronized FaultInjector failAfter(int okRequests, int httpStatus) {
        requireCount(okRequests);
        failAfterAllowance = okRequests;
        failAfterStatus = requireStatus(httpStatus);
        return this;
    }

    /** A random {@code share} (0..1) of data requests answer {@code httpStatus}; the seed makes runs repeatable. */
    public synchronized FaultInjector errorRate(double share, int httpStatus, long seed) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("errorRate share must be within 0..1");
        }
        errorShare = share;
        errorStatus = requireStatus(httpStatus);
        errorRandom = new Random(seed);
        return this;
    }

    /** The kinds of fault a {@linkplain #mixed mixed} share is drawn from, in equal parts. */
    public static final List<Integer> MIXED_STATUSES = List.of(503, 429, 401, 500);

    /**
     * A random {@code share} (0..1) of data requests misbehave, each in one of five ways drawn in equal parts: 503, 429
     * (both with Retry-After), 401 (a token refused although fresh), 500, or a latency burst — this request and the
     * next {@code burstLength - 1} reach the handler only after {@code burstDelay}, so a caller with a shorter timeout
     * loses answers to changes the platform did apply. The seed makes runs repeatable.
     */
    public synchronized FaultInjector mixed(double share, long seed, Duration burstDelay, int burstLength) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("mixed share must be within 0..1");
        }
        if (burstDelay == null || burstDelay.isNegative() || burstLength < 1) {
            throw new IllegalArgumentException("mixed burst needs a delay of zero or more and a length of at least 1");
        }
        mixedShare = share;
        mixedRandom = new Random(seed);
        this.burstDelay = burstDelay;
        this.burstLength = burstLength;
        burstLeft = 0;
        return this;
    }

    /** Every data request waits this long before it is answered. */
    public synchronized FaultInjector latency(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive");
        }
        latency = delay;
        return this;
    }

    /** The next {@code count} data requests answer 200 with a truncated body. */
    public synchronized FaultInjector malformedNext(int count) {
        requireCount(count);
        malformedNext = count;
        return this;
    }

    /** Removes every fault; counters stay (see {@link #resetCounters()}). */
    public synchronized FaultInjector clear() {
        failNextCount = 0;
        failAlwaysStatus = 0;
        failAfterStatus = 0;
        failAfterAllowance = 0;
        errorShare = 0;
        errorRandom = null;
        latency = Duration.ZERO;
        malformedNext = 0;
        mixedShare = 0;
        mixedRandom = null;
        burstLeft = 0;
        return this;
    }

    public synchronized void resetCounters() {
        requests = 0;
        injected = 0;
    }

    /** Data requests seen by the filter. */
    public synchronized long requests() {
        return requests;
    }

    /** Failures and malformed answers injected. */
    public synchronized long injected() {
        return injected;
    }

    public synchronized Duration latency() {
        return latency;
    }

    /** Counts one data request and decides its fate. */
    public synchronized FaultDecision decide() {
        requests++;
        FaultDecision decision = choose();
        if (!(decision instanceof FaultDecision.Pass)) {
            injected++;
        }
        return decision;
    }

    private FaultDecision choose() {
        if (failNextCount > 0) {
            failNextCount--;
            return new FaultDecision.Fail(failNextStatus);
        }
        if (failAlwaysStatus > 0) {
            return new FaultDecision.Fail(failAlwaysStatus);
        }
        if (failAfterStatus > 0) {
            if (failAfterAllowance == 0) {
                return new FaultDecision.Fail(failAfterStatus);
            }
            // within the allowance the remaining rules still apply
            failAfterAllowance--;
        }
        if (malformedNext > 0) {
            malformedNext--;
            return new FaultDecision.Malformed();
        }
        if (errorRandom != null && errorRandom.nextDouble() < errorShare) {
            return new FaultDecision.Fail(errorStatus);
        }
        if (mixedRandom != null) {
            if (burstLeft > 0) {
                burstLeft--;
                return new FaultDecision.Slow(burstDelay);
            }
            if (mixedRandom.nextDouble() < mixedShare) {
                int kind = mixedRandom.nextInt(MIXED_STATUSES.size() + 1);
                if (kind < MIXED_STATUSES.size()) {
                    return new FaultDecision.Fail(MIXED_STATUSES.get(kind));
                }
                burstLeft = burstLength - 1;
                return new FaultDecision.Slow(burstDelay);
            }
        }
        return new FaultDecision.Pass();
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be zero or positive");
        }
    }

    private static int requireStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("injected HTTP status must be 4xx or 5xx");
        }
        return status;
    }
}
