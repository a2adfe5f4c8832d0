package ru.spobridge.mappings.contingent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.Group;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.Student;
import ru.spobridge.model.StudyForm;
import ru.spobridge.model.Subgroup;

class ContingentStudentMappingTest {

    private static final Map<String, Group> GROUPS = Map.of("ТМ-21",
            new Group("perm", "ТМ-21", "ТМ-21", "15.02.16", 2, StudyForm.FULL_TIME, List.of(new Subgroup("1", "1"), new Subgroup("2", "2"))));

    private static ContingentStudentRecord student(UnaryOperator<Builder> change) {
        return change.apply(new Builder()).build();
    }

    @Test
    void valid_record_becomes_a_canonical_student_with_normalised_values() {
        Mapped<Student> mapped = ContingentStudentMapping.toStudent("perm", student(b -> b), GROUPS);

        assertThat(mapped.isValid()).isTrue();
        Student s = mapped.value();
        assertThat(s.key().sourceId()).isEqualTo("stu-000101");
        assertThat(s.name().lastName()).isEqualTo("Тестова");
        assertThat(s.name().middleName()).isEqualTo("Сергеевна");
        assertThat(s.birthDate()).isEqualTo(LocalDate.of(2008, 3, 14));
        assertThat(s.phone().value()).isEqualTo("+79123456789");
        assertThat(s.email().value()).isEqualTo("a.testova@example.org");
        assertThat(s.snils().digits()).isEqualTo("11223344595");
        assertThat(s.form()).isEqualTo(StudyForm.FULL_TIME);
        assertThat(s.subgroupCode()).isEqualTo("1");
        assertThat(s.guardians()).singleElement().satisfies(g -> assertThat(g.key().sourceId()).isEqualTo("gdn-1"));
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
            "phone,     phone,     REQUIRED",
            "email,     email,     REQUIRED",
            "badEmail,  email,     INVALID_FORMAT",
            "snils,     snils,     INVALID_SNILS",
            "group,     group,     UNKNOWN_GROUP",
            "subgroup,  subgroup,  UNKNOWN_SUBGROUP",
            "birthDate, birthDate, INVALID_DATE",
            "firstName, firstName, REQUIRED",
            "form,      form,      INVALID_VALUE",
            "id,        externalId, REQUIRED"})
    void each_broken_field_is_reported_by_name_and_code(String defect, String field, String code) {
        ContingentStudentRecord record = student(b -> b.breakField(defect));

        Mapped<Student> mapped = ContingentStudentMapping.toStudent("perm", record, GROUPS);

        assertThat(mapped.isValid()).isFalse();
        assertThat(mapped.errors()).extracting(RecordError::field, RecordError::code).containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
    }

    @Test
    void all_problems_of_one_record_are_reported_at_once_without_values() {
        ContingentStudentRecord record = student(b -> b.breakField("phone").breakField("email").breakField("snils"));

        Mapped<Student> mapped = ContingentStudentMapping.toStudent("perm", record, GROUPS);

        assertThat(mapped.errors()).extracting(RecordError::field).containsExactlyInAnyOrder("phone", "email", "snils");
        assertThat(mapped.errors()).allSatisfy(error -> {
            assertThat(error.recordKey()).isEqualTo("stu-000101");
            assertThat(error.message()).doesNotContain("112-233", "Тестова");
        });
    }

    static final class Builder {
        String id = "stu-000101", last = "Тестова", first = "Анна", middle = "Сергеевна", birth = "2008-03-14";
        String snils = "112-233-445 95", email = "a.testova@Example.org", phone = "8 (912) 345-67-89";
        String form = "очная", group = "ТМ-21", subgroup = "1";

        Builder breakField(String defect) {
            switch (defect) {
                case "phone" -> phone = null;
                case "email" -> email = " ";
                case "badEmail" -> email = "a.testova.example.org";
                case "snils" -> snils = "112-233-445 96";
                case "group" -> group = "ZZ-99";
                case "subgroup" -> subgroup = "3";
                case "birthDate" -> birth = "2007-02-31";
                case "firstName" -> first = "";
                case "form" -> form = "дистанционная";
                case "id" -> id = null;
                default -> throw new IllegalArgumentException(defect);
            }
            return this;
        }

        ContingentStudentRecord build() {
            return new ContingentStudentRecord(id, "5900000101", last, first, middle, "F", birth, snils, email, phone,
                    "15.02.16", form, "2", group, subgroup, "false",
                    List.of(new ContingentGuardianRecord("gdn-1", "мать", "Тестова", "Ольга", null, "+79120000102", "o.t@example.org")));
        }
    }
}
