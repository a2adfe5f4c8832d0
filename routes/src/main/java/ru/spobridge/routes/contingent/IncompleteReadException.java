package ru.spobridge.routes.contingent;

import ru.spobridge.connectors.contingent.ContingentReadException;

/** A read that failed after some pages: carries what was read, so that the run is held rather than lost. */
public class IncompleteReadException extends ContingentReadException {

    private final transient ContingentSnapshot snapshot;

    public IncompleteReadException(ContingentReadException cause, ContingentSnapshot snapshot) {
        super(cause.code(), cause.isTransient(), cause.getMessage(), cause, cause.partial());
        this.snapshot = snapshot;
    }

    public ContingentSnapshot snapshot() {
        return snapshot;
    }
}
