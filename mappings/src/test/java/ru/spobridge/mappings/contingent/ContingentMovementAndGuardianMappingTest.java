package ru.spobridge.mappings.contingent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.RecordError;

class ContingentMovementAndGuardianMappingTest {

    @Test
    void movement_order_becomes_a_canonical_movement() {
        Mapped<Movement> mapped = ContingentMovementMapping.toMovement("perm",
                new ContingentMovementRecord("mov-1", "stu-1", "transfer", "118-к", "2025-10-01", "2025-10-03", "ИСП-21", "ИСП-22", null));

        assertThat(mapped.value().kind()).isEqualTo(MovementKind.TRANSFER);
        assertThat(mapped.value().effectiveDate()).isEqualTo(LocalDate.of(2025, 10, 3));
        assertThat(mapped.value().toGroup()).isEqualTo("ИСП-22");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown kind            | graduation | 2025-10-01 | 2025-10-03 | ИСП-22 | kind          | INVALID_VALUE",
            "bad order date          | transfer   | 2025-13-01 | 2025-10-03 | ИСП-22 | orderDate     | INVALID_DATE",
            "effective before order  | expulsion  | 2025-10-05 | 2025-10-03 |        | effectiveDate | INVALID_VALUE",
            "transfer without group  | transfer   | 2025-10-01 | 2025-10-03 |        | toGroup       | REQUIRED"})
    void broken_movement_is_refused_by_field(String title, String kind, String orderDate, String effective, String toGroup,
                                             String field, String code) {
        Mapped<Movement> mapped = ContingentMovementMapping.toMovement("perm",
                new ContingentMovementRecord("mov-1", "stu-1", kind, "118-к", orderDate, effective, null, toGroup, null));

        assertThat(mapped.errors()).extracting(RecordError::field, RecordError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
    }

    @Test
    void a_guardian_of_two_siblings_is_one_person_and_one_without_email_is_refused() {
        ContingentGuardianRecord mother = new ContingentGuardianRecord("gdn-1", "мать", "Тестова", "Ольга", null, "+79120000001", "o@example.org");
        ContingentGuardianRecord father = new ContingentGuardianRecord("gdn-2", "отец", "Тестов", "Олег", null, "+79120000002", null);
        List<Mapped<GuardianLinks>> guardians = ContingentGuardianMapping.toGuardians(List.of(
                student("stu-2", List.of(mother, father)), student("stu-1", List.of(mother))));

        assertThat(guardians).hasSize(2);
        assertThat(guardians.get(0).value().studentIds()).containsExactly("stu-1", "stu-2");
        assertThat(guardians.get(1).errors()).extracting(RecordError::recordKey, RecordError::field, RecordError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gdn-2", "email", "REQUIRED"));
    }

    private static ContingentStudentRecord student(String id, List<ContingentGuardianRecord> guardians) {
        return new ContingentStudentRecord(id, null, "Тестов", "Иван", null, "M", "2008-01-01", null, "i@example.org",
                "+79120000000", "09.02.07", "очная", "1", "ИСП-21", null, "false", guardians);
    }
}
