package ru.spobridge.mappings.eposschool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import ru.spobridge.model.Group;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.Movement;
import ru.spobridge.model.SchoolClass;
import ru.spobridge.model.Student;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.schedule.Lesson;

/**
 * Canonical records → ИАС «ЭПОС» for schools (docs/ias-epos-school.md): the ЭПОС.СПО items with a class unit where a
 * college has a group. A school's canonical group is its class: the code (or else the name) «7Б» gives the parallel
 * and the letter. Marks, absences, guardians and staff are the ЭПОС.СПО items unchanged.
 */
public final class EposSchoolItems {

    private EposSchoolItems() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClassUnit(@JsonProperty("external_id") String externalId, @JsonProperty("name") String name,
                            @JsonProperty("parallel") Integer parallel, @JsonProperty("letter") String letter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StudentProfile(@JsonProperty("external_id") String externalId, @JsonProperty("last_name") String lastName,
                                 @JsonProperty("first_name") String firstName, @JsonProperty("middle_name") String middleName,
                                 @JsonProperty("birth_date") String birthDate, @JsonProperty("email") String email,
                                 @JsonProperty("phone") String phone,
                                 @JsonProperty("class_unit_external_id") String classUnitExternalId) {

        @Override
        public String toString() {
            return "StudentProfile[" + externalId + "]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MovementItem(@JsonProperty("external_id") String externalId,
                               @JsonProperty("student_external_id") String studentExternalId, @JsonProperty("kind") String kind,
                               @JsonProperty("order_no") String orderNo, @JsonProperty("order_date") String orderDate,
                               @JsonProperty("effective_date") String effectiveDate,
                               @JsonProperty("to_class_unit_external_id") String toClassUnitExternalId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleItem(@JsonProperty("external_id") String externalId, @JsonProperty("date") String date,
                               @JsonProperty("bell_no") int bellNo, @JsonProperty("start") String start, @JsonProperty("end") String end,
                               @JsonProperty("class_unit_external_id") String classUnitExternalId,
                               @JsonProperty("subgroup") String subgroup, @JsonProperty("subject_code") String subjectCode,
                               @JsonProperty("teacher_external_ids") List<String> teacherExternalIds, @JsonProperty("room") String room,
                               @JsonProperty("status") String status,
                               @JsonProperty("substitute_teacher_external_id") String substituteTeacherExternalId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LessonRecord(@JsonProperty("external_id") String externalId, @JsonProperty("lesson_key") String lessonKey,
                               @JsonProperty("date") String date,
                               @JsonProperty("class_unit_external_id") String classUnitExternalId,
                               @JsonProperty("subject_code") String subjectCode,
                               @JsonProperty("teacher_external_id") String teacherExternalId,
                               @JsonProperty("lesson_no") Integer lessonNo, @JsonProperty("topic") String topic,
                               @JsonProperty("work_no") Integer workNo, @JsonProperty("homework") String homework,
                               @JsonProperty("recorded_at") String recordedAt) {
    }

    /**
     * The class of a school group. A code or name that is not a class («ИС-21») goes without parallel and letter, so
     * the platform refuses that one record naming the field rather than the hub failing the whole batch.
     */
    public static ClassUnit toClassUnit(Group group) {
        SchoolClass unit = schoolClass(group.code());
        if (unit == null) {
            unit = schoolClass(group.name());
        }
        return unit == null ? new ClassUnit(group.code(), group.name(), null, null)
                : new ClassUnit(group.code(), unit.name(), unit.parallel(), unit.letter());
    }

    public static StudentProfile toStudent(Student student) {
        return new StudentProfile(student.key().sourceId(), student.name().lastName(), student.name().firstName(),
                student.name().middleName(), student.birthDate().toString(), student.email() == null ? null : student.email().value(),
                student.phone() == null ? null : student.phone().value(), student.groupCode());
    }

    public static MovementItem toMovement(Movement movement) {
        return new MovementItem(movement.key().sourceId(), movement.studentId(), movement.kind().code(), movement.orderNo(),
                movement.orderDate().toString(), movement.effectiveDate().toString(), movement.toGroup());
    }

    public static ScheduleItem toSchedule(Lesson lesson) {
        return new ScheduleItem(lesson.key(), lesson.date().toString(), lesson.bellNo(), time(lesson.start()), time(lesson.end()),
                lesson.groupCode(), lesson.subgroupCode(), lesson.disciplineCode(), lesson.teacherIds(), lesson.roomCode(),
                lesson.status().code(), lesson.substituteTeacherId());
    }

    /** What the teacher wrote for the lesson: КТП number, topic, work number, homework, when (seed 004 §3.5). */
    public static LessonRecord toLesson(LessonEntry entry) {
        return new LessonRecord(entry.lessonKey(), entry.lessonKey(), entry.date() == null ? null : entry.date().toString(), entry.groupCode(),
                entry.disciplineCode(), entry.teacherId(), entry.lessonNo(), entry.topic(), entry.workNo(), entry.homework(),
                entry.recordedAt() == null ? null : entry.recordedAt().toString());
    }

    private static SchoolClass schoolClass(String text) {
        try {
            return SchoolClass.parse(text);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static String time(java.time.LocalTime time) {
        return time == null ? null : time.toString();
    }
}
