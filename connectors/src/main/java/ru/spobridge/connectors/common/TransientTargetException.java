package ru.spobridge.connectors.common;

import java.time.Duration;

/** The other side could not take the request now (5xx, 429, timeout, broken connection): the same request may be retried. */
public class TransientTargetException extends RuntimeException {
    private final int status;
    private final String code;
    private final Duration retryAfter;

    public TransientTargetException(int status, String code, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** What the server asked for in Retry-After, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
