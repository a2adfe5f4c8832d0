package ru.spobridge.model.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import ru.spobridge.model.InvalidValueException;

/**
 * A dated lesson: date, bell (пара), time, group or subgroup, discipline, teachers, room. Its key comes from what
 * the lesson is — date, bell, group, subgroup, discipline — never from a source's ids, which aSc does not keep
 * stable between exports; so a re-import of the same week finds the same lessons. A lesson held in several rooms at
 * once (an aSc card with two classrooms) has the first as {@code roomCode} and the others in {@code otherRoomCodes},
 * which is left out of the stored form when empty, so single-room lessons keep their stored hash.
 */
public record Lesson(String collegeId, LocalDate date, int bellNo, LocalTime start, LocalTime end, String groupCode,
                     String subgroupCode, String disciplineCode, List<String> teacherIds, String roomCode, LessonStatus status,
                     String substituteTeacherId, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> otherRoomCodes) {

    public Lesson {
        if (date == null) {
            throw new InvalidValueException("date", "REQUIRED", "Не указана дата занятия");
        }
        if (groupCode == null || groupCode.isBlank()) {
            throw new InvalidValueException("group", "REQUIRED", "Не указана группа");
        }
        if (disciplineCode == null || disciplineCode.isBlank()) {
            throw new InvalidValueException("subject", "REQUIRED", "Не указана дисциплина");
        }
        teacherIds = teacherIds == null ? List.of() : List.copyOf(teacherIds);
        status = status == null ? LessonStatus.PLANNED : status;
        otherRoomCodes = otherRoomCodes == null ? List.of() : List.copyOf(otherRoomCodes);
    }

    public Lesson(String collegeId, LocalDate date, int bellNo, LocalTime start, LocalTime end, String groupCode, String subgroupCode,
                  String disciplineCode, List<String> teacherIds, String roomCode, LessonStatus status, String substituteTeacherId) {
        this(collegeId, date, bellNo, start, end, groupCode, subgroupCode, disciplineCode, teacherIds, roomCode, status, substituteTeacherId,
                List.of());
    }

    public static String key(LocalDate date, int bellNo, String groupCode, String subgroupCode, String disciplineCode) {
        return "les-" + date + "-" + bellNo + "-" + groupCode + (subgroupCode == null ? "" : "/" + subgroupCode) + "-" + disciplineCode;
    }

    public String key() {
        return key(date, bellNo, groupCode, subgroupCode, disciplineCode);
    }

    public Lesson withStatus(LessonStatus newStatus, String substitute, String room) {
        // a room given by a replacement is the only room of the lesson
        return new Lesson(collegeId, date, bellNo, start, end, groupCode, subgroupCode, disciplineCode, teacherIds,
                room == null ? roomCode : room, newStatus, substitute == null ? substituteTeacherId : substitute,
                room == null ? otherRoomCodes : List.of());
    }
}
