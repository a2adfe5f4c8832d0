package ru.spobridge.model.marks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A mark in the college journal for one student at one lesson. {@code deleted} — the teacher removed it, and the
 * removal must reach every platform that got the mark. {@code receivedAt} is when the hub first saw this version.
 */
public record Mark(String collegeId, String id, int version, String studentId, String lessonKey, LocalDate date, String groupCode,
                   String disciplineCode, String teacherId, MarkValue value, WorkType workType, Instant givenAt, Instant receivedAt,
                   boolean deleted) {

    @Override
    public String toString() {
        return "Mark[" + id + " v" + version + "]";
    }
}
