package ru.spobridge.mappings.ktp;

import java.time.LocalDate;

/**
 * One difference between the journal and the calendar-thematic plan: of which kind, in which group and discipline, at
 * which lesson (key and date; for a planned lesson never recorded, the key is null and the date is that of the lesson
 * by which it was due), the plan's lesson number, the planned and the recorded topic, and what an operator reads.
 */
public record TopicFinding(Kind kind, String groupCode, String disciplineCode, String lessonKey, LocalDate date, Integer lessonNo,
                           String plannedTopic, String recordedTopic, String message) {

    public enum Kind {
        /** A planned lesson whose turn has come was never recorded, or a lesson was recorded without a topic. */
        MISSING,
        /** The recorded topic is a shortened form of the planned one (seed 002 §3.9: no shortened words). */
        ABBREVIATED,
        /** Same lesson, other words. */
        DIFFERENT_WORDING,
        /** The recorded topic is the plan's topic of another lesson number. */
        WRONG_ORDER,
        /** A work's number (or being a work at all) differs from the plan (seed 002 §3.9). */
        WORK_NUMBER,
        /** The lesson's number is past the end of the plan. */
        NOT_IN_PLAN
    }
}
