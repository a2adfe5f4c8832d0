package ru.spobridge.mappings.sgo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.mappings.ContingentSamples;
import ru.spobridge.mappings.WireNames;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.StudyForm;

/** Contingent on СГО (sgo.md «Write side»): camelCase items, the СНИЛС as people write it, the subgroup as its code. */
class SgoContingentItemsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FULL_TIME, очная", "PART_TIME, заочная", "MIXED, очно-заочная"})
    void a_group_is_keyed_by_its_code_with_its_form_in_words(StudyForm form, String label) {
        assertThat(SgoContingentMapping.toGroup(ContingentSamples.group(form))).isEqualTo(new SgoItems.SgoGroup("ИСП-21",
                "Информационные системы, 2 курс", 2, "09.02.07", label,
                List.of(new SgoItems.Subgroup("1", "Подгруппа 1"), new SgoItems.Subgroup("2", "Подгруппа 2"))));
    }

    @ParameterizedTest(name = "СНИЛС «{0}», subgroup «{2}»")
    @CsvSource(nullValues = "-", value = {
            "112-233-445 95, 112-233-445 95, 2",
            "11223344595,    112-233-445 95, -",
            "-,              -,              1"})
    void a_student_carries_the_snils_as_written_and_the_subgroup_code(String snils, String written, String subgroup) {
        assertThat(SgoContingentMapping.toStudent(ContingentSamples.student(subgroup, snils, null))).isEqualTo(new SgoItems.SgoStudent(
                "stu-1", "Иванов", "Пётр", null, "2007-01-05", written, "P.Ivanov@example.org", "+79120000007", "ИСП-21", subgroup,
                "очная", true));
    }

    @Test
    void a_guardian_names_each_student_once_in_a_stable_order() {
        assertThat(SgoContingentMapping.toGuardian(ContingentSamples.guardian())).isEqualTo(new SgoItems.SgoGuardian("gdn-1", "Иванова",
                "Анна", null, "a@example.org", "+79120000008", "мать", List.of("stu-1", "stu-3")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "ENROLMENT,         enrolment,       ИСП-21",
            "TRANSFER,          transfer,        ИСП-22",
            "ACADEMIC_LEAVE,    academicLeave,   -",
            // our extension: sgo.md lists no return from academic leave
            "RETURN_FROM_LEAVE, returnFromLeave, ИСП-21",
            "EXPULSION,         expulsion,       -",
            "REINSTATEMENT,     reinstatement,   ИСП-21"})
    void each_movement_kind_is_sent_with_the_code_sgo_lists(MovementKind kind, String code, String toGroup) {
        assertThat(SgoContingentMapping.toMovement(ContingentSamples.movement(kind, toGroup))).isEqualTo(
                new SgoItems.SgoMovement("mov-9", "stu-1", code, "9-к", "2026-01-10", "2026-01-12", toGroup));
    }

    @Test
    void contingent_items_carry_the_field_names_of_the_contract() {
        assertThat(WireNames.of(SgoItems.SgoStudent.class)).containsExactly("externalId", "lastName", "firstName", "middleName",
                "birthDate", "snils", "email", "phone", "groupExternalId", "subgroup", "studyForm", "individualPlan");
        assertThat(WireNames.of(SgoItems.SgoMovement.class)).containsExactly("externalId", "studentExternalId", "kind", "orderNo",
                "orderDate", "effectiveDate", "toGroupExternalId");
        assertThat(WireNames.of(SgoItems.SgoGroup.class)).containsExactly("externalId", "name", "course", "specialtyCode", "form", "subgroups");
    }
}
