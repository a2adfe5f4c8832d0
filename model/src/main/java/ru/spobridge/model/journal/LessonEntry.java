package ru.spobridge.model.journal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the teacher wrote in the college journal for one lesson: its number in the calendar-thematic plan (КТП), the
 * topic exactly as planned, the number of a written or practical work, the homework (seed 002 §3.8–3.9). {@code
 * recordedAt} is when the teacher recorded it, which the seeds require on the lesson day (seed 004 §3.5);
 * {@code receivedAt} is when the hub first saw this version. Keyed by the lesson's key, like the marks given at it.
 */
public record LessonEntry(String collegeId, String lessonKey, int version, LocalDate date, int bellNo, String groupCode,
                          String disciplineCode, String teacherId, Integer lessonNo, String topic, Integer workNo, String homework,
                          Instant recordedAt, Instant receivedAt, boolean deleted) {

    /** The canonical store's entity type of lesson entries. */
    public static final String ENTITY_TYPE = "lesson_entry";

    public boolean hasTopic() {
        return topic != null && !topic.isBlank();
    }

    public boolean hasHomework() {
        return homework != null && !homework.isBlank();
    }

    @Override
    public String toString() {
        return "LessonEntry[" + lessonKey + " v" + version + "]";
    }
}
