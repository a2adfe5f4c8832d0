package ru.spobridge.model.marks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An absence of one student at one lesson with its reason. Withdrawn when the teacher removed it, when the student
 * came late (a late arrival removes the absence, seed 000 §4.7) or was present after a parent's notice (seed 001 §3.3):
 * then the absence must be removed on every platform that received it.
 */
public record Attendance(String collegeId, String id, int version, String studentId, String lessonKey, LocalDate date, String groupCode,
                         String disciplineCode, String teacherId, AbsenceReason reason, boolean late, Instant givenAt, Instant receivedAt,
                         boolean withdrawn) {

    /** Whether an absence should stand at the platforms. */
    public boolean standing() {
        return !withdrawn && !late;
    }

    @Override
    public String toString() {
        return "Attendance[" + id + " v" + version + "]";
    }
}
