package ru.spobridge.connectors.contingent;

/** The registry could not be read (down, refused, or answered something that is not the contract). */
public class ContingentReadException extends RuntimeException {
    private final String code;
    private final boolean transientFailure;

    public ContingentReadException(String code, boolean transientFailure, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.transientFailure = transientFailure;
    }

    public String code() {
        return code;
    }

    /** True when the same read may succeed later (network, 5xx, malformed answer). */
    public boolean isTransient() {
        return transientFailure;
    }
}
