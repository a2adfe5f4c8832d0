package ru.spobridge.simulators.faults;

/** What the fault filter does with one data request. */
public sealed interface FaultDecision {

    /** Let the request reach the handler. */
    record Pass() implements FaultDecision {
    }

    /** Answer this HTTP status without reaching the handler. */
    record Fail(int status) implements FaultDecision {
    }

    /**
     * Reach the handler only after {@code delay}: the platform applies the request late, after a caller with a shorter
     * timeout has given up — its answer is lost, the change is not.
     */
    record Slow(java.time.Duration delay) implements FaultDecision {
    }

    /** Answer 200 with a truncated, non-well-formed body. */
    record Malformed() implements FaultDecision {
    }
}
