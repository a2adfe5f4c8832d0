package ru.spobridge.mappings.marks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.mappings.WireNames;
import ru.spobridge.model.marks.AbsenceReason;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.marks.MarkValue;
import ru.spobridge.model.marks.WorkType;

/** Marks and absences in each platform's encoding: README «Code values», epos.md, sgo.md, ruobr-aisepo.md. */
class MarksPlatformItemsTest {

    private static Mark mark(String value, String workType) {
        return new Mark("perm", "mrk-1", 1, "stu-1", "les-1", LocalDate.of(2026, 3, 2), "ИСП-21", "МДК.01.01", "tch-1",
                MarkValue.parse(value), WorkType.fromCode(workType), Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T08:01:00Z"), false);
    }

    private static Attendance absence(String reason, boolean late, boolean withdrawn) {
        return new Attendance("perm", "abs-1", 1, "stu-1", "les-1", LocalDate.of(2026, 3, 2), "ИСП-21", "МДК.01.01", "tch-1",
                AbsenceReason.fromCode(reason), late, Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T08:01:00Z"), withdrawn);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // source | workType    | ЭПОС value | ЭПОС control_form | СГО value | СГО JSON type | АИС ЭПО marks | АИС ЭПО attestation
            "5        | current     | 5          | текущая           | 5         | number        | 5             | -",
            "4        | written     | 4          | текущая           | 4         | number        | 4             | -",
            "3        | practical   | 3          | текущая           | 3         | number        | 3             | -",
            "2        | test        | 2          | текущая           | 2         | number        | 2             | -",
            "5/4      | current     | 5/4        | текущая           | [5, 4]    | list          | 5;4           | -",
            "3/2      | written     | 3/2        | текущая           | [3, 2]    | list          | 3;2           | -",
            "5        | attestation | 5          | промежуточная     | 5         | number        | 5             | -",
            "зач      | attestation | зач        | промежуточная     | зач       | text          | -             | зачтено",
            "зачёт    | attestation | зач        | промежуточная     | зач       | text          | -             | зачтено",
            "а/з      | attestation | а/з        | промежуточная     | а/з       | text          | -             | академическая задолженность",
            "н/а      | attestation | н/а        | промежуточная     | н/а       | text          | -             | не аттестован",
            "НПА      | attestation | НПА        | промежуточная     | НПА       | text          | -             | не прошёл по уважительной причине"})
    void each_mark_value_is_written_in_each_platforms_encoding(String source, String workType, String eposValue, String eposControlForm,
                                                               String sgoValue, String sgoType, String aisMarks, String aisAttestation) {
        Mark mark = mark(source, workType);

        MarksPlatformItems.EposMark epos = MarksPlatformItems.toEpos(mark);
        assertThat(epos.value()).isEqualTo(eposValue);
        assertThat(epos.controlForm()).isEqualTo(eposControlForm);
        assertThat(epos.workType()).isEqualTo(workType);

        MarksPlatformItems.SgoMark sgo = MarksPlatformItems.toSgo(mark);
        assertThat(String.valueOf(sgo.value())).isEqualTo(sgoValue);
        Class<?> expectedType = switch (sgoType) {
            case "number" -> Integer.class;
            case "list" -> List.class;
            default -> String.class;
        };
        assertThat(sgo.value()).isInstanceOf(expectedType);
        assertThat(sgo.workType()).isEqualTo(workType);

        // АИС ЭПО takes attestation results in words (the simulator's schema); ruobr-aisepo.md lists the short codes
        MarksPlatformItems.AisEpoMark ais = MarksPlatformItems.toAisEpo(mark);
        assertThat(ais.marks()).isEqualTo(aisMarks == null ? null : Arrays.asList(aisMarks.split(";")));
        assertThat(ais.attestation()).isEqualTo(aisAttestation);
        assertThat(ais.workType()).isEqualTo(workType);
    }

    @Test
    void every_platform_item_names_the_mark_student_and_lesson() {
        Mark mark = mark("4", "current");

        assertThat(MarksPlatformItems.toEpos(mark)).isEqualTo(new MarksPlatformItems.EposMark("mrk-1", "stu-1", "les-1", "4", "текущая", "current"));
        assertThat(MarksPlatformItems.toSgo(mark)).isEqualTo(new MarksPlatformItems.SgoMark("mrk-1", "stu-1", "les-1", 4, "current"));
        assertThat(MarksPlatformItems.toAisEpo(mark)).isEqualTo(new MarksPlatformItems.AisEpoMark("mrk-1", "stu-1", "les-1", List.of("4"), null, "current"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                              | reason | late  | withdrawn | ЭПОС reason_code | СГО and АИС ЭПО code | what the platforms get
            "reason unknown                      | Н      | false | false     | Н                | Н                    | upsert",
            "valid reason                        | УП     | false | false     | УП               | УП                   | upsert",
            "no valid reason                     | НУ     | false | false     | НУ               | НУ                   | upsert",
            "late arrival clears the absence     | Н      | true  | false     | Н                | Н                    | delete",
            "withdrawn by the teacher            | УП     | false | true      | УП               | УП                   | delete",
            "late and withdrawn                  | НУ     | true  | true      | НУ               | НУ                   | delete"})
    void each_absence_reason_is_written_with_its_code_and_a_cleared_absence_is_deleted(String title, String reason, boolean late,
                                                                                      boolean withdrawn, String eposCode,
                                                                                      String code, String operation) {
        Attendance attendance = absence(reason, late, withdrawn);

        assertThat(MarksPlatformItems.toEpos(attendance)).isEqualTo(new MarksPlatformItems.EposAttendance("abs-1", "stu-1", "les-1", eposCode));
        assertThat(MarksPlatformItems.toAttendance(attendance)).isEqualTo(new MarksPlatformItems.AttendanceItem("abs-1", "stu-1", "les-1", code));
        // README: a withdrawn absence is a DELETE of that record; ruobr-aisepo.md: delete when a late arrival clears it
        assertThat(attendance.standing() ? "upsert" : "delete").isEqualTo(operation);
    }

    @Test
    void items_carry_the_field_names_each_platform_takes() {
        assertThat(WireNames.of(MarksPlatformItems.EposMark.class))
                .containsExactly("external_id", "student_external_id", "lesson_key", "value", "control_form", "work_type");
        assertThat(WireNames.of(MarksPlatformItems.EposAttendance.class))
                .containsExactly("external_id", "student_external_id", "lesson_key", "reason_code");
        assertThat(WireNames.of(MarksPlatformItems.SgoMark.class))
                .containsExactly("externalId", "studentExternalId", "lessonKey", "value", "workType");
        assertThat(WireNames.of(MarksPlatformItems.AttendanceItem.class))
                .containsExactly("externalId", "studentExternalId", "lessonKey", "code");
        assertThat(WireNames.of(MarksPlatformItems.AisEpoMark.class))
                .containsExactly("externalId", "studentExternalId", "lessonKey", "marks", "attestation", "workType");
    }
}
