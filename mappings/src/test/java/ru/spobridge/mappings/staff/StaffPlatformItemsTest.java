package ru.spobridge.mappings.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.mappings.WireNames;
import ru.spobridge.model.Email;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Phone;
import ru.spobridge.model.SourceKey;
import ru.spobridge.model.staff.DisciplineKind;
import ru.spobridge.model.staff.StaffAccount;
import ru.spobridge.model.staff.StaffMember;
import ru.spobridge.model.staff.StaffRole;
import ru.spobridge.model.staff.Substitution;
import ru.spobridge.model.staff.SubstitutionGrant;
import ru.spobridge.model.staff.Workload;

/** Staff accounts, substitutions and workload on the platforms: epos.md, sgo.md, ruobr-aisepo.md (workload: seed 000 §3.3). */
class StaffPlatformItemsTest {

    private static StaffAccount account(StaffRole role, String title, LocalDate hiredOn) {
        StaffMember member = new StaffMember("perm", new SourceKey("zup", "emp-7"), new PersonName("Петрова", "Анна", "Ивановна"),
                Email.parse("a.petrova@example.org"), Phone.parse("8 912 000-00-07"));
        return new StaffAccount(member, true, "ПРП", title, role, hiredOn);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "TEACHER,        Преподаватель,                          teacher,        2025-09-01",
            "MASTER,         Мастер производственного обучения,      master,         2024-02-15",
            "ADMINISTRATION, Заместитель директора,                  administration, -"})
    void a_staff_account_is_a_profile_with_roles_on_epos_and_a_staff_item_with_its_hire_date_elsewhere(StaffRole role, String title,
                                                                                                    String eposRole, String hiredOn) {
        StaffAccount account = account(role, title, hiredOn == null ? null : LocalDate.parse(hiredOn));

        assertThat(StaffPlatformItems.toEposStaff(account)).isEqualTo(new StaffPlatformItems.EposStaffProfile("emp-7", "Петрова", "Анна",
                "Ивановна", "a.petrova@example.org", "+79120000007", title, List.of(eposRole)));
        assertThat(StaffPlatformItems.toStaff(account)).isEqualTo(new StaffPlatformItems.Staff("emp-7", "Петрова", "Анна", "Ивановна",
                "a.petrova@example.org", "+79120000007", title, hiredOn));
    }

    @Test
    void an_account_without_a_role_has_no_roles_on_epos() {
        assertThat(StaffPlatformItems.toEposStaff(account(null, "Лаборант", null)).roles()).isEmpty();
    }

    @Test
    void a_substitution_grants_the_absent_teachers_groups_and_disciplines_for_its_dates_on_every_platform() {
        Substitution substitution = new Substitution("perm", new SourceKey("hr", "sub-3"), "emp-7", "emp-9", LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 6), false);
        SubstitutionGrant grant = new SubstitutionGrant(substitution, true, List.of(new SubstitutionGrant.Scope("ИСП-22", "ОП.01"),
                new SubstitutionGrant.Scope("ИСП-21", "МДК.01.01"), new SubstitutionGrant.Scope("ИСП-21", "МДК.01.01")));

        assertThat(StaffPlatformItems.toEposSubstitution(grant)).isEqualTo(new StaffPlatformItems.EposSubstitution("sub-3", "emp-7", "emp-9",
                "2026-03-02", "2026-03-06", List.of(new StaffPlatformItems.EposScope("ИСП-21", "МДК.01.01"),
                new StaffPlatformItems.EposScope("ИСП-22", "ОП.01"))));
        assertThat(StaffPlatformItems.toSubstitution(grant)).isEqualTo(new StaffPlatformItems.Substitution("sub-3", "emp-7", "emp-9",
                "2026-03-02", "2026-03-06", List.of(new StaffPlatformItems.Scope("ИСП-21", "МДК.01.01"),
                new StaffPlatformItems.Scope("ИСП-22", "ОП.01"))));
    }

    @ParameterizedTest(name = "{0}, subgroup «{1}»")
    @CsvSource(nullValues = "-", value = {
            "DISCIPLINE,               -, УД,       -",
            "INTERDISCIPLINARY_COURSE, 1, МДК,      1",
            "PROFESSIONAL_MODULE,      2, ПМ,       2",
            "PRACTICE,                 А, практика, -"})
    void workload_goes_to_ais_epo_with_the_discipline_kind_in_its_words_and_the_subgroup_as_a_number(DisciplineKind kind, String subgroup,
                                                                                                   String label, Integer subgroupNo) {
        Workload workload = new Workload("perm", new SourceKey("hr", "wl-1"), "emp-7", "МДК.01.01", kind, "ИСП-21", subgroup, 72);

        assertThat(StaffPlatformItems.toAisEpoWorkload(workload)).isEqualTo(new StaffPlatformItems.AisEpoWorkload("wl-1", "emp-7", "ИСП-21",
                subgroupNo, "МДК.01.01", label, 72));
    }

    @Test
    void staff_items_carry_the_field_names_each_platform_takes() {
        // the contracts write one «fio»; the platforms take the name in parts, as for students
        assertThat(WireNames.of(StaffPlatformItems.EposStaffProfile.class)).containsExactly("external_id", "last_name", "first_name",
                "middle_name", "email", "phone", "position", "roles");
        assertThat(WireNames.of(StaffPlatformItems.Staff.class)).containsExactly("externalId", "lastName", "firstName", "middleName",
                "email", "phone", "position", "hiredOn");
        assertThat(WireNames.of(StaffPlatformItems.EposSubstitution.class)).containsExactly("external_id", "absent_teacher_external_id",
                "substitute_teacher_external_id", "date_from", "date_to", "scope");
        assertThat(WireNames.of(StaffPlatformItems.AisEpoWorkload.class)).containsExactly("externalId", "teacherExternalId",
                "groupExternalId", "subgroupNo", "disciplineCode", "disciplineKind", "hours");
    }
}
