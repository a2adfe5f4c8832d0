package ru.spobridge.mappings.marks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.marks.MarkValue;
import ru.spobridge.model.marks.WorkType;

/** Marks and absences in each platform's own encoding (shared/contracts: ЭПОС text, СГО numbers, АИС ЭПО lists). */
public final class MarksPlatformItems {

    private MarksPlatformItems() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EposMark(@JsonProperty("external_id") String externalId, @JsonProperty("student_external_id") String studentExternalId,
                           @JsonProperty("lesson_key") String lessonKey, @JsonProperty("value") String value,
                           @JsonProperty("control_form") String controlForm, @JsonProperty("work_type") String workType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EposAttendance(@JsonProperty("external_id") String externalId, @JsonProperty("student_external_id") String studentExternalId,
                                 @JsonProperty("lesson_key") String lessonKey, @JsonProperty("reason_code") String reasonCode) {
    }

    /** СГО: 5 as a number, two marks as [5, 4], attestation as text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SgoMark(String externalId, String studentExternalId, String lessonKey, Object value, String workType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttendanceItem(String externalId, String studentExternalId, String lessonKey, String code) {
    }

    /** АИС ЭПО: marks as a list of strings, attestation in words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AisEpoMark(String externalId, String studentExternalId, String lessonKey, List<String> marks, String attestation,
                             String workType) {
    }

    public static EposMark toEpos(Mark mark) {
        return new EposMark(mark.id(), mark.studentId(), mark.lessonKey(), mark.value() == null ? null : mark.value().text(),
                mark.workType() == WorkType.ATTESTATION ? "промежуточная" : "текущая", mark.workType().code());
    }

    public static SgoMark toSgo(Mark mark) {
        Object value = null;
        if (mark.value() != null) {
            value = mark.value().isAttestation() ? mark.value().text()
                    : mark.value().grades().size() == 1 ? mark.value().grades().get(0) : mark.value().grades();
        }
        return new SgoMark(mark.id(), mark.studentId(), mark.lessonKey(), value, mark.workType().code());
    }

    public static AisEpoMark toAisEpo(Mark mark) {
        MarkValue value = mark.value();
        if (value == null) {
            return new AisEpoMark(mark.id(), mark.studentId(), mark.lessonKey(), null, null, mark.workType().code());
        }
        String attestation = value.attestation() == null ? null : switch (value.attestation()) {
            case PASSED -> "зачтено";
            case ACADEMIC_DEBT -> "академическая задолженность";
            case NOT_CERTIFIED -> "не аттестован";
            case VALID_REASON -> "не прошёл по уважительной причине";
        };
        return new AisEpoMark(mark.id(), mark.studentId(), mark.lessonKey(),
                value.isAttestation() ? null : value.grades().stream().map(String::valueOf).toList(), attestation, mark.workType().code());
    }

    public static EposAttendance toEpos(Attendance attendance) {
        return new EposAttendance(attendance.id(), attendance.studentId(), attendance.lessonKey(),
                attendance.reason() == null ? null : attendance.reason().code());
    }

    public static AttendanceItem toAttendance(Attendance attendance) {
        return new AttendanceItem(attendance.id(), attendance.studentId(), attendance.lessonKey(),
                attendance.reason() == null ? null : attendance.reason().code());
    }
}
