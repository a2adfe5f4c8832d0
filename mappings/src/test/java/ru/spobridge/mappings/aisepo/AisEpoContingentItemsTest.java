package ru.spobridge.mappings.aisepo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.mappings.ContingentSamples;
import ru.spobridge.mappings.WireNames;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.StudyForm;

/** Contingent on АИС ЭПО (ruobr-aisepo.md «Write side»): camelCase items, no СНИЛС, the subgroup as a number. */
class AisEpoContingentItemsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FULL_TIME, очная", "PART_TIME, заочная", "MIXED, очно-заочная"})
    void a_group_is_keyed_by_its_code_with_its_form_in_words(StudyForm form, String label) {
        assertThat(AisEpoContingentMapping.toGroup(ContingentSamples.group(form))).isEqualTo(new AisEpoItems.AisEpoGroup("ИСП-21",
                "Информационные системы, 2 курс", 2, "09.02.07", label,
                List.of(new AisEpoItems.Subgroup("1", "Подгруппа 1"), new AisEpoItems.Subgroup("2", "Подгруппа 2"))));
    }

    @ParameterizedTest(name = "subgroup «{0}»")
    @CsvSource(nullValues = "-", value = {"1, 1", "2, 2", "подгруппа 2, 2", "Б, -", "-, -"})
    void a_student_carries_the_subgroup_as_a_number_and_never_the_snils(String subgroup, Integer subgroupNo) {
        assertThat(AisEpoContingentMapping.toStudent(ContingentSamples.student(subgroup, "112-233-445 95", "Ильич"))).isEqualTo(
                new AisEpoItems.AisEpoStudent("stu-1", "Иванов", "Пётр", "Ильич", "2007-01-05", "P.Ivanov@example.org", "+79120000007",
                        "ИСП-21", subgroupNo, "очная", true));
    }

    @Test
    void a_guardian_names_each_student_once_in_a_stable_order() {
        assertThat(AisEpoContingentMapping.toGuardian(ContingentSamples.guardian())).isEqualTo(new AisEpoItems.AisEpoGuardian("gdn-1",
                "Иванова", "Анна", null, "a@example.org", "+79120000008", "мать", List.of("stu-1", "stu-3")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "ENROLMENT,         enrolment,       ИСП-21",
            "TRANSFER,          transfer,        ИСП-22",
            "ACADEMIC_LEAVE,    academicLeave,   -",
            "RETURN_FROM_LEAVE, returnFromLeave, ИСП-21",
            "EXPULSION,         expulsion,       -",
            "REINSTATEMENT,     reinstatement,   ИСП-21"})
    void each_movement_kind_is_sent_with_its_registry_code(MovementKind kind, String code, String toGroup) {
        assertThat(AisEpoContingentMapping.toMovement(ContingentSamples.movement(kind, toGroup))).isEqualTo(
                new AisEpoItems.AisEpoMovement("mov-9", "stu-1", code, "9-к", "2026-01-10", "2026-01-12", toGroup));
    }

    @Test
    void contingent_items_carry_the_field_names_of_the_contract() {
        assertThat(WireNames.of(AisEpoItems.AisEpoStudent.class)).containsExactly("externalId", "lastName", "firstName", "middleName",
                "birthDate", "email", "phone", "groupExternalId", "subgroupNo", "studyForm", "individualPlan");
        assertThat(WireNames.of(AisEpoItems.AisEpoMovement.class)).containsExactly("externalId", "studentExternalId", "kind", "orderNo",
                "orderDate", "effectiveDate", "toGroupExternalId");
    }
}
