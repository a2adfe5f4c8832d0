package ru.spobridge.model;

/**
 * Why one record was refused: which record, which field, a stable code and an operator message in Russian.
 * Never carries the offending value (152-ФЗ).
 */
public record RecordError(String recordKey, String field, String code, String message) {

    public static RecordError of(String recordKey, InvalidValueException cause) {
        return new RecordError(recordKey, cause.field(), cause.code(), cause.getMessage());
    }
}
