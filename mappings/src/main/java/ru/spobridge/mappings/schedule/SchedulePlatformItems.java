package ru.spobridge.mappings.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.schedule.AttestationEvent;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.schedule.LessonStatus;

/** Reference, schedule and attestation items of the three platforms (schedule per shared/contracts; the rest our extension). */
public final class SchedulePlatformItems {

    private SchedulePlatformItems() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EposReference(@JsonProperty("external_id") String externalId, @JsonProperty("kind") String kind,
                                @JsonProperty("code") String code, @JsonProperty("name") String name,
                                @JsonProperty("attributes") Map<String, String> attributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(String externalId, String kind, String code, String name, Map<String, String> attributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EposScheduleItem(@JsonProperty("external_id") String externalId, @JsonProperty("date") String date,
                                   @JsonProperty("bell_no") int bellNo, @JsonProperty("start") String start, @JsonProperty("end") String end,
                                   @JsonProperty("group_external_id") String groupExternalId, @JsonProperty("subgroup") String subgroup,
                                   @JsonProperty("subject_code") String subjectCode,
                                   @JsonProperty("teacher_external_ids") List<String> teacherExternalIds, @JsonProperty("room") String room,
                                   @JsonProperty("status") String status,
                                   @JsonProperty("substitute_teacher_external_id") String substituteTeacherExternalId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SgoScheduleItem(String externalId, String date, int pairNo, String start, String end, String groupExternalId,
                                  String subgroup, String subjectCode, List<String> teacherExternalIds, String room, String kind,
                                  String substituteTeacherExternalId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AisEpoScheduleItem(String externalId, String date, int pairNo, String start, String end, String groupExternalId,
                                     Integer subgroupNo, String disciplineCode, List<String> teacherExternalIds, String room,
                                     String status, String substituteTeacherExternalId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EposAttestationEvent(@JsonProperty("external_id") String externalId, @JsonProperty("kind") String kind,
                                       @JsonProperty("date") String date, @JsonProperty("start") String start,
                                       @JsonProperty("group_external_id") String groupExternalId,
                                       @JsonProperty("discipline_code") String disciplineCode, @JsonProperty("control_form") String controlForm,
                                       @JsonProperty("room") String room, @JsonProperty("examiner_external_ids") List<String> examinerExternalIds) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttestationItem(String externalId, String kind, String date, String start, String groupExternalId,
                                  String disciplineCode, String controlForm, String room, List<String> examinerExternalIds) {
    }

    public static EposReference toEposReference(ReferenceItem item) {
        return new EposReference(item.key(), item.kind().code(), item.code(), item.name(), item.attributes());
    }

    public static Reference toReference(ReferenceItem item) {
        return new Reference(item.key(), item.kind().code(), item.code(), item.name(), item.attributes());
    }

    public static EposScheduleItem toEpos(Lesson lesson) {
        return new EposScheduleItem(lesson.key(), lesson.date().toString(), lesson.bellNo(), time(lesson.start()), time(lesson.end()),
                lesson.groupCode(), lesson.subgroupCode(), lesson.disciplineCode(), lesson.teacherIds(), lesson.roomCode(),
                lesson.status().code(), lesson.substituteTeacherId());
    }

    public static SgoScheduleItem toSgo(Lesson lesson) {
        String kind = switch (lesson.status()) {
            case PLANNED -> "lesson";
            case REPLACED -> "replacement";
            case CANCELLED -> "cancellation";
        };
        return new SgoScheduleItem(lesson.key(), lesson.date().toString(), lesson.bellNo(), time(lesson.start()), time(lesson.end()),
                lesson.groupCode(), lesson.subgroupCode(), lesson.disciplineCode(), lesson.teacherIds(), lesson.roomCode(), kind,
                lesson.substituteTeacherId());
    }

    public static AisEpoScheduleItem toAisEpo(Lesson lesson) {
        Integer subgroup = lesson.subgroupCode() == null || lesson.subgroupCode().replaceAll("\\D", "").isEmpty() ? null
                : Integer.valueOf(lesson.subgroupCode().replaceAll("\\D", ""));
        return new AisEpoScheduleItem(lesson.key(), lesson.date().toString(), lesson.bellNo(), time(lesson.start()), time(lesson.end()),
                lesson.groupCode(), subgroup, lesson.disciplineCode(), lesson.teacherIds(), lesson.roomCode(), lesson.status().code(),
                lesson.substituteTeacherId());
    }

    public static EposAttestationEvent toEposAttestation(AttestationEvent event) {
        return new EposAttestationEvent(event.eventId(), kind(event), event.date().toString(), time(event.start()), event.groupCode(),
                event.disciplineCode(), event.controlFormCode(), event.roomCode(), event.examinerIds());
    }

    public static AttestationItem toAttestation(AttestationEvent event) {
        return new AttestationItem(event.eventId(), kind(event), event.date().toString(), time(event.start()), event.groupCode(),
                event.disciplineCode(), event.controlFormCode(), event.roomCode(), event.examinerIds());
    }

    public static boolean cancels(Lesson lesson) {
        return lesson.status() == LessonStatus.CANCELLED;
    }

    private static String kind(AttestationEvent event) {
        return event.kind() == AttestationEvent.Kind.STATE_FINAL ? "stateFinal" : "intermediate";
    }

    private static String time(java.time.LocalTime time) {
        return time == null ? null : time.toString();
    }
}
