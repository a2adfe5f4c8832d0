package ru.spobridge.simulators.platform;

/** One per-record rejection reason: the field and a code, with a Russian message that never holds the value. */
public record RecordError(String field, String code, String message) {
}
