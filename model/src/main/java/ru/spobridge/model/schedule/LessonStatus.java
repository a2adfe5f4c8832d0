package ru.spobridge.model.schedule;

import com.fasterxml.jackson.annotation.JsonValue;

/** A lesson as planned, with a replacement (another teacher or room), or cancelled. */
public enum LessonStatus {
    PLANNED("planned"),
    REPLACED("replaced"),
    CANCELLED("cancelled");

    private final String code;

    LessonStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
