package ru.spobridge.model;

/** The identity a record has in its source system; the hub never invents identity. */
public record SourceKey(String sourceSystem, String sourceId) {

    public SourceKey {
        if (sourceSystem == null || sourceSystem.isBlank()) {
            throw new IllegalArgumentException("sourceSystem is required");
        }
        if (sourceId == null || sourceId.isBlank()) {
            throw new InvalidValueException("externalId", "REQUIRED", "Не указан идентификатор записи в источнике");
        }
        if (sourceId.length() > 128) {
            throw new InvalidValueException("externalId", "TOO_LONG", "Идентификатор записи длиннее 128 символов");
        }
    }

    @Override
    public String toString() {
        return sourceSystem + ":" + sourceId;
    }
}
