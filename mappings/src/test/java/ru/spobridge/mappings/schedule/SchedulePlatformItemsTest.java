package ru.spobridge.mappings.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.mappings.WireNames;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.schedule.LessonStatus;

/** Lessons in each platform's schedule item: epos.md (status), sgo.md (kind), ruobr-aisepo.md (subgroup as a number). */
class SchedulePlatformItemsTest {

    private static Lesson lesson(String subgroup, LessonStatus status, String substitute) {
        return new Lesson("perm", LocalDate.of(2026, 3, 2), 3, LocalTime.of(11, 50), LocalTime.of(13, 20), "ИСП-21", subgroup,
                "МДК.01.01", List.of("tch-1"), "214", status, substitute);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // status   | substitute | ЭПОС status | СГО kind     | АИС ЭПО status | a cancelling change
            "PLANNED    | -          | planned     | lesson       | planned        | false",
            "REPLACED   | tch-9      | replaced    | replacement  | replaced       | false",
            "CANCELLED  | -          | cancelled   | cancellation | cancelled      | true"})
    void each_lesson_state_is_written_in_each_platforms_words(LessonStatus status, String substitute, String eposStatus, String sgoKind,
                                                             String aisStatus, boolean cancels) {
        Lesson lesson = lesson("1", status, substitute);

        assertThat(SchedulePlatformItems.toEpos(lesson).status()).isEqualTo(eposStatus);
        assertThat(SchedulePlatformItems.toSgo(lesson).kind()).isEqualTo(sgoKind);
        assertThat(SchedulePlatformItems.toAisEpo(lesson).status()).isEqualTo(aisStatus);
        assertThat(SchedulePlatformItems.toEpos(lesson).substituteTeacherExternalId()).isEqualTo(substitute);
        assertThat(SchedulePlatformItems.toSgo(lesson).substituteTeacherExternalId()).isEqualTo(substitute);
        // ruobr-aisepo.md: substituteTeacherExternalId grants journal access for the dates
        assertThat(SchedulePlatformItems.toAisEpo(lesson).substituteTeacherExternalId()).isEqualTo(substitute);
        assertThat(SchedulePlatformItems.cancels(lesson)).isEqualTo(cancels);
    }

    @ParameterizedTest(name = "subgroup «{0}»")
    @CsvSource(nullValues = "-", value = {
            "1,        1,  1",
            "2,        2,  2",
            "подгр. 2, подгр. 2, 2",
            "А,        А,  -",
            "-,        -,  -"})
    void a_subgroup_is_text_on_epos_and_sgo_and_a_number_on_ais_epo(String subgroup, String asText, Integer asNumber) {
        Lesson lesson = lesson(subgroup, LessonStatus.PLANNED, null);

        assertThat(SchedulePlatformItems.toEpos(lesson).subgroup()).isEqualTo(asText);
        assertThat(SchedulePlatformItems.toSgo(lesson).subgroup()).isEqualTo(asText);
        assertThat(SchedulePlatformItems.toAisEpo(lesson).subgroupNo()).isEqualTo(asNumber);
    }

    @Test
    void a_lesson_becomes_the_same_dated_item_on_every_platform() {
        Lesson lesson = lesson("1", LessonStatus.PLANNED, null);
        String key = "les-2026-03-02-3-ИСП-21/1-МДК.01.01";

        assertThat(SchedulePlatformItems.toEpos(lesson)).isEqualTo(new SchedulePlatformItems.EposScheduleItem(key, "2026-03-02", 3,
                "11:50", "13:20", "ИСП-21", "1", "МДК.01.01", List.of("tch-1"), "214", "planned", null));
        assertThat(SchedulePlatformItems.toSgo(lesson)).isEqualTo(new SchedulePlatformItems.SgoScheduleItem(key, "2026-03-02", 3,
                "11:50", "13:20", "ИСП-21", "1", "МДК.01.01", List.of("tch-1"), "214", "lesson", null));
        assertThat(SchedulePlatformItems.toAisEpo(lesson)).isEqualTo(new SchedulePlatformItems.AisEpoScheduleItem(key, "2026-03-02", 3,
                "11:50", "13:20", "ИСП-21", 1, "МДК.01.01", List.of("tch-1"), "214", "planned", null));
    }

    @Test
    void schedule_items_carry_the_field_names_each_platform_takes() {
        // the contracts name one teacher_external_id; the platforms take the list of a lesson's teachers
        assertThat(WireNames.of(SchedulePlatformItems.EposScheduleItem.class)).containsExactly("external_id", "date", "bell_no", "start",
                "end", "group_external_id", "subgroup", "subject_code", "teacher_external_ids", "room", "status",
                "substitute_teacher_external_id");
        assertThat(WireNames.of(SchedulePlatformItems.SgoScheduleItem.class)).containsExactly("externalId", "date", "pairNo", "start",
                "end", "groupExternalId", "subgroup", "subjectCode", "teacherExternalIds", "room", "kind", "substituteTeacherExternalId");
        assertThat(WireNames.of(SchedulePlatformItems.AisEpoScheduleItem.class)).containsExactly("externalId", "date", "pairNo", "start",
                "end", "groupExternalId", "subgroupNo", "disciplineCode", "teacherExternalIds", "room", "status",
                "substituteTeacherExternalId");
    }
}
