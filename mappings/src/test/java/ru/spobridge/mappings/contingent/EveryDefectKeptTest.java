package ru.spobridge.mappings.contingent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.Group;
import ru.spobridge.model.Movement;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.Student;
import ru.spobridge.model.StudyForm;

/** A student listed twice or a record with several defects keeps every defect, not only the first (issue 11). */
class EveryDefectKeptTest {

    private static final Map<String, Group> GROUPS = Map.of("ТМ-21", new Group("perm", "ТМ-21", "ТМ-21", "15.02.16", 2,
            StudyForm.FULL_TIME, List.of()));
    private static final String TOO_LONG = "Щ".repeat(101);

    private static ContingentStudentRecord student(String id, String lastName, String firstName, String email, String group) {
        return new ContingentStudentRecord(id, null, lastName, firstName, null, "F", "2008-03-14", null, email, "+79120000001",
                "15.02.16", "очная", "2", group, null, "false", List.of());
    }

    @Test
    void a_student_with_both_name_parts_too_long_and_a_bad_email_reports_all_three() {
        Mapped<Student> mapped = ContingentStudentMapping.toStudent("perm", student("stu-1", TOO_LONG, TOO_LONG, "no-at-sign", "ТМ-21"), GROUPS);

        assertThat(mapped.errors()).extracting(RecordError::recordKey, RecordError::field, RecordError::code).containsExactlyInAnyOrder(
                tuple("stu-1", "lastName", "TOO_LONG"),
                tuple("stu-1", "firstName", "TOO_LONG"),
                tuple("stu-1", "email", "INVALID_FORMAT"));
    }

    @Test
    void a_student_without_last_name_and_with_a_too_long_first_name_reports_both() {
        Mapped<Student> mapped = ContingentStudentMapping.toStudent("perm", student("stu-1", " ", TOO_LONG, "a@example.org", "ТМ-21"), GROUPS);

        assertThat(mapped.errors()).extracting(RecordError::field, RecordError::code).containsExactlyInAnyOrder(
                tuple("lastName", "REQUIRED"), tuple("firstName", "TOO_LONG"));
    }

    @Test
    void a_movement_with_a_bad_date_and_no_student_and_no_order_number_reports_all_three() {
        Mapped<Movement> mapped = ContingentMovementMapping.toMovement("perm",
                new ContingentMovementRecord("mov-1", " ", "transfer", null, "2025-13-01", "2025-10-03", "ТМ-21", null, null));

        assertThat(mapped.errors()).extracting(RecordError::recordKey, RecordError::field, RecordError::code).containsExactlyInAnyOrder(
                tuple("mov-1", "orderDate", "INVALID_DATE"),
                tuple("mov-1", "studentExternalId", "REQUIRED"),
                tuple("mov-1", "orderNo", "REQUIRED"),
                tuple("mov-1", "toGroup", "REQUIRED"));
    }

    @Test
    void a_group_with_no_code_no_name_and_course_twelve_reports_all_three() {
        // 12 is neither a college course (1–6, checked by the college platforms) nor a school parallel (1–11)
        Mapped<Group> mapped = ContingentGroupMapping.toGroup("perm", new ContingentGroupRecord(null, null, "15.02.16", "12", "очная", List.of()));

        assertThat(mapped.errors()).extracting(RecordError::field, RecordError::code).containsExactlyInAnyOrder(
                tuple("code", "REQUIRED"), tuple("name", "REQUIRED"), tuple("course", "INVALID_VALUE"));
    }

    @Test
    void a_student_listed_twice_with_different_content_reports_the_duplicate_for_each_occurrence_and_keeps_their_defects() {
        List<ContingentStudentRecord> read = List.of(
                student("stu-2", "Тестова", "Анна", "a@example.org", "ТМ-21"),
                student("stu-4", "Тестова", "Анна", "no-at-sign", "ТМ-21"),
                student("stu-4", "Тестова", TOO_LONG, "a@example.org", "ZZ-99"));

        List<ContingentStudentMapping.ReadStudent> students = ContingentStudentMapping.toStudents("perm", read, GROUPS);

        assertThat(students).extracting(student -> student.record().externalId(), ContingentStudentMapping.ReadStudent::occurrences)
                .containsExactly(tuple("stu-2", 1), tuple("stu-4", 2));
        assertThat(students.get(0).mapped().isValid()).isTrue();
        Mapped<Student> duplicate = students.get(1).mapped();
        assertThat(duplicate.isValid()).isFalse();
        assertThat(duplicate.errors()).extracting(RecordError::recordKey, RecordError::field, RecordError::code).containsExactly(
                tuple("stu-4", "externalId", "DUPLICATE_ID"),
                tuple("stu-4", "email", "INVALID_FORMAT"),
                tuple("stu-4", "externalId", "DUPLICATE_ID"),
                tuple("stu-4", "firstName", "TOO_LONG"),
                tuple("stu-4", "group", "UNKNOWN_GROUP"));
        assertThat(duplicate.errors()).extracting(RecordError::message)
                .allSatisfy(message -> assertThat(message).containsPattern("вхождение [12] из 2").doesNotContain("Тестова", "no-at-sign"));
    }

    @Test
    void the_same_record_sent_twice_is_one_student() {
        ContingentStudentRecord record = student("stu-5", "Тестова", "Анна", "a@example.org", "ТМ-21");

        List<ContingentStudentMapping.ReadStudent> students = ContingentStudentMapping.toStudents("perm", List.of(record, record), GROUPS);

        assertThat(students).singleElement().satisfies(student -> {
            assertThat(student.occurrences()).isEqualTo(2);
            assertThat(student.mapped().value().key().sourceId()).isEqualTo("stu-5");
        });
    }

    @Test
    void records_without_an_id_are_never_taken_for_duplicates_of_each_other() {
        List<ContingentStudentRecord> read = List.of(student(null, "Тестова", "Анна", "a@example.org", "ТМ-21"),
                student(" ", "Тестов", "Иван", "b@example.org", "ТМ-21"));

        List<ContingentStudentMapping.ReadStudent> students = ContingentStudentMapping.toStudents("perm", read, GROUPS);

        assertThat(students).hasSize(2).allSatisfy(student -> assertThat(student.mapped().errors())
                .extracting(RecordError::field, RecordError::code).containsExactly(tuple("externalId", "REQUIRED")));
    }
}
