package ru.spobridge.routes.flow;

/** A run asked for while its flow is paused or blacked out, without the operator's confirmation. */
public class GateClosedException extends RuntimeException {

    private final RunGate.Decision decision;

    public GateClosedException(RunGate.Decision decision) {
        super(decision.reason());
        this.decision = decision;
    }

    public RunGate.Decision decision() {
        return decision;
    }
}
