package ru.spobridge.mappings.epos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.mappings.ContingentSamples;
import ru.spobridge.mappings.WireNames;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.StudyForm;

/** Contingent on ЭПОС.СПО (epos.md «Write side»): snake_case items, form in words, movement kinds as the registry's codes. */
class EposContingentItemsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"FULL_TIME, очная", "PART_TIME, заочная", "MIXED, очно-заочная"})
    void a_group_is_keyed_by_its_code_with_its_form_in_words(StudyForm form, String label) {
        assertThat(EposContingentMapping.toGroup(ContingentSamples.group(form))).isEqualTo(new EposGroup("ИСП-21",
                "Информационные системы, 2 курс", 2, "09.02.07", label,
                List.of(new EposGroup.EposSubgroup("1", "Подгруппа 1"), new EposGroup.EposSubgroup("2", "Подгруппа 2"))));
    }

    @Test
    void a_student_is_a_profile_with_email_and_phone_and_no_snils() {
        assertThat(EposContingentMapping.toProfile(ContingentSamples.student("2", "112-233-445 95", "Ильич"))).isEqualTo(
                new EposStudentProfile("stu-1", "Иванов", "Пётр", "Ильич", "2007-01-05", "P.Ivanov@example.org", "+79120000007",
                        "ИСП-21", "очная", true));
    }

    @Test
    void a_guardian_names_each_student_once_in_a_stable_order() {
        assertThat(EposContingentMapping.toGuardian(ContingentSamples.guardian())).isEqualTo(new EposGuardian("gdn-1", "Иванова", "Анна",
                null, "a@example.org", "+79120000008", "мать", List.of("stu-1", "stu-3")));
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
        assertThat(EposContingentMapping.toMovement(ContingentSamples.movement(kind, toGroup))).isEqualTo(
                new EposMovement("mov-9", "stu-1", code, "9-к", "2026-01-10", "2026-01-12", toGroup));
    }

    @Test
    void contingent_items_carry_the_field_names_of_the_contract() {
        assertThat(WireNames.of(EposStudentProfile.class)).containsExactly("external_id", "last_name", "first_name", "middle_name",
                "birth_date", "email", "phone", "group_external_id", "study_form", "individual_plan");
        assertThat(WireNames.of(EposGroup.class)).containsExactly("external_id", "name", "course", "specialty_code", "form", "subgroups");
        assertThat(WireNames.of(EposMovement.class)).containsExactly("external_id", "student_external_id", "kind", "order_no",
                "order_date", "effective_date", "to_group_external_id");
        assertThat(WireNames.of(EposGuardian.class)).containsExactly("external_id", "last_name", "first_name", "middle_name", "email",
                "phone", "relation", "student_external_ids");
    }
}
