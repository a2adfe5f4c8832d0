package ru.spobridge.connectors.contingent;

/** The registry could not be read (down, refused, or answered something that is not the contract). */
public class ContingentReadException extends RuntimeException {
    private final String code;
    private final boolean transientFailure;

    private final ContingentRead partial;

    public ContingentReadException(String code, boolean transientFailure, String message, Throwable cause) {
        this(code, transientFailure, message, cause, null);
    }

    public ContingentReadException(String code, boolean transientFailure, String message, Throwable cause, ContingentRead partial) {
        super(message, cause);
        this.code = code;
        this.transientFailure = transientFailure;
        this.partial = partial;
    }

    /** The pages read before the failure, or null when nothing was read. */
    public ContingentRead partial() {
        return partial;
    }

    public String code() {
        return code;
    }

    /** True when the same read may succeed later (network, 5xx, malformed answer). */
    public boolean isTransient() {
        return transientFailure;
    }
}
