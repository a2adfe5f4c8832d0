package ru.spobridge.model.schedule;

import java.time.LocalDate;

/**
 * Замена, отмена или перенос of one lesson, which aSc exports do not carry (they come as CSV or through the API).
 * Names the lesson by what it is: date, bell, group, subgroup, discipline.
 */
public record LessonChange(String collegeId, String changeId, Kind kind, LocalDate date, int bellNo, String groupCode,
                           String subgroupCode, String disciplineCode, String substituteTeacherId, String roomCode,
                           LocalDate newDate, Integer newBellNo) {

    public enum Kind { REPLACEMENT, CANCELLATION, MOVE }

    public String lessonKey() {
        return Lesson.key(date, bellNo, groupCode, subgroupCode, disciplineCode);
    }
}
