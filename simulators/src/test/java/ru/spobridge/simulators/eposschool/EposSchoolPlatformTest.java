package ru.spobridge.simulators.eposschool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.simulators.platform.Item;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.platform.PlatformTestClient;
import ru.spobridge.simulators.platform.ResourceKind;

/** ИАС «ЭПОС» for schools: class units instead of groups, school marks, lesson topics and homework. */
class EposSchoolPlatformTest extends PlatformTestClient {

    @Override
    protected PlatformSimulator simulator() {
        return school;
    }

    @Test
    void a_batch_of_classes_students_lessons_marks_and_absences_is_accepted_and_listed() {
        assertThat(write(ResourceKind.GROUPS, classUnit("cls-7b", "7Б", 7, "Б"), classUnit("cls-1a", "1А", 1, "А"))
                .statusCode()).isEqualTo(200);
        assertThat(write(ResourceKind.STUDENTS, pupil("stu-1", "cls-7b"), pupil("stu-2", "cls-7b").without("email")
                .without("phone"), pupil("stu-3", "cls-1a")).statusCode()).isEqualTo(200);
        assertThat(write(ResourceKind.STAFF, Item.staff("stf-1")).statusCode()).isEqualTo(200);
        assertThat(write(ResourceKind.SCHEDULE, lesson("les-1", "cls-7b")).statusCode()).isEqualTo(200);
        assertThat(write(ResourceKind.LESSONS, lessonRecord("les-1", "cls-7b", "Сложение и вычитание дробей",
                "№ 245, 247")).statusCode()).isEqualTo(200);
        assertThat(write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "5"), mark("mrk-2", "stu-2", "4/3"))
                .statusCode()).isEqualTo(200);
        assertThat(write(ResourceKind.ATTENDANCE, Item.of("abs-1")
                .with("studentExternalId", "stu-3").with("lessonKey", "les-1").with("reasonCode", "УП"))
                .statusCode()).isEqualTo(200);

        assertThat(school.classUnits(CLIENT).get("cls-7b")).containsEntry("name", "7Б").containsEntry("parallel", 7)
                .containsEntry("letter", "Б");
        assertThat(school.students(CLIENT).get("stu-1")).containsEntry("class_unit_external_id", "cls-7b");
        assertThat(school.lessonRecords(CLIENT).get("les-1")).containsEntry("topic", "Сложение и вычитание дробей")
                .containsEntry("homework", "№ 245, 247").containsEntry("lesson_no", 12);
        assertThat(school.marks(CLIENT)).containsOnlyKeys("mrk-1", "mrk-2");
        HttpResponse<String> listed = list(ResourceKind.GROUPS, "?page=1&pageSize=10");
        assertThat(listed.headers().firstValue("X-Total-Count")).hasValue("2");
        assertThat(json(listed).findValuesAsText("name")).containsExactlyInAnyOrder("7Б", "1А");
        JsonNode lessons = json(list(ResourceKind.LESSONS, ""));
        assertThat(lessons.get(0).get("external_id").asText()).isEqualTo("les-1");
        assertThat(lessons.get(0).get("topic").asText()).isEqualTo("Сложение и вычитание дробей");
    }

    @ParameterizedTest(name = "{0} {1}{2} is rejected on {3}")
    @CsvSource({"7 Б, 7, Б, name", "7б, 7, б, letter", "12А, 12, А, parallel", "8Б, 7, Б, name"})
    void a_class_unit_named_otherwise_than_its_parallel_and_letter_is_rejected(String name, int parallel,
                                                                                String letter, String field) {
        HttpResponse<String> response = write(ResourceKind.GROUPS, classUnit("cls-x", name, parallel, letter));

        assertThat(response.statusCode()).isEqualTo(422);
        assertError(json(response), 0, field, "INVALID_VALUE");
        assertThat(school.classUnits(CLIENT)).isEmpty();
    }

    @Test
    void a_student_of_an_unknown_class_is_rejected_on_the_class_unit_field() {
        HttpResponse<String> response = write(ResourceKind.STUDENTS, pupil("stu-1", "cls-9z"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertWireError(json(response), 0, "class_unit_external_id", "UNKNOWN_CLASS_UNIT");
    }

    @Test
    void college_attestation_codes_and_three_marks_in_a_cell_are_not_school_marks() {
        write(ResourceKind.GROUPS, classUnit("cls-7b", "7Б", 7, "Б"));
        write(ResourceKind.STUDENTS, pupil("stu-1", "cls-7b"));
        write(ResourceKind.SCHEDULE, lesson("les-1", "cls-7b"));

        HttpResponse<String> response = write(ResourceKind.MARKS, mark("mrk-1", "stu-1", "зач"),
                mark("mrk-2", "stu-1", "5/4/3"), mark("mrk-3", "stu-1", "5"));

        assertThat(response.statusCode()).isEqualTo(207);
        assertError(json(response), 0, "value", "INVALID_VALUE");
        assertError(json(response), 1, "value", "INVALID_VALUE");
        assertThat(school.marks(CLIENT)).containsOnlyKeys("mrk-3");
    }

    @Test
    void a_withdrawn_lesson_record_is_deleted() {
        write(ResourceKind.GROUPS, classUnit("cls-7b", "7Б", 7, "Б"));
        write(ResourceKind.SCHEDULE, lesson("les-1", "cls-7b"));
        assertThat(write(ResourceKind.LESSONS, lessonRecord("les-1", "cls-7b", "Дроби", null)).statusCode()).isEqualTo(200);

        HttpResponse<String> response = delete(ResourceKind.LESSONS, "les-1", "", "del-les-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(school.lessonRecords(CLIENT)).isEmpty();
    }

    private static Item classUnit(String externalId, String name, int parallel, String letter) {
        return Item.of(externalId).with("name", name).with("parallel", parallel)
                .with("letter", letter);
    }

    private static Item pupil(String externalId, String classUnit) {
        return Item.student(externalId, classUnit).without("studyForm").without("individualPlan")
                .with("birthDate", "2013-05-20");
    }

    private static Item lesson(String key, String classUnit) {
        return Item.of(key).with("date", "2026-09-07").with("groupExternalId", classUnit)
                .with("teacherExternalIds", List.of("stf-1")).with("bellNo", 2).with("start", "9:00")
                .with("end", "9:45").with("subjectCode", "MATH").with("status", "planned");
    }

    private static Item lessonRecord(String key, String classUnit, String topic, String homework) {
        return Item.of(key).with("lessonKey", key).with("date", "2026-09-07").with("groupExternalId", classUnit)
                .with("subjectCode", "MATH").with("teacherExternalId", "stf-1").with("lessonNo", 12)
                .with("topic", topic).with("homework", homework).with("recordedAt", "2026-09-07T05:05:00Z");
    }

    private static Item mark(String externalId, String student, String value) {
        return Item.of(externalId).with("studentExternalId", student).with("lessonKey", "les-1")
                .with("workType", "current").with("value", value).with("controlForm", "текущая");
    }
}
