package ru.spobridge.connectors.common;

/** The other side refused the request itself (4xx other than 401/429, or 401 after re-authentication): retrying the same request cannot help. */
public class PermanentTargetException extends RuntimeException {
    private final int status;
    private final String code;

    public PermanentTargetException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
