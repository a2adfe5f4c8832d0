package ru.spobridge.simulators.faults;

/** What the fault filter does with one data request. */
public sealed interface FaultDecision {

    /** Let the request reach the handler. */
    record Pass() implements FaultDecision {
    }

    /** Answer this HTTP status without reaching the handler. */
    record Fail(int status) implements FaultDecision {
    }

    /** Answer 200 with a truncated, non-well-formed body. */
    record Malformed() implements FaultDecision {
    }
}
