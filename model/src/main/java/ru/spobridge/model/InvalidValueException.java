package ru.spobridge.model;

/**
 * A value that cannot exist in the canonical model. Carries the field and a stable code;
 * the message is for an operator, in Russian, and never contains the value itself (152-ФЗ).
 */
public class InvalidValueException extends RuntimeException {
    private final String field;
    private final String code;

    public InvalidValueException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
