package ru.spobridge.mappings.epos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.Email;
import ru.spobridge.model.Group;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Phone;
import ru.spobridge.model.SourceKey;
import ru.spobridge.model.Student;
import ru.spobridge.model.StudyForm;
import ru.spobridge.model.Subgroup;

class EposContingentMappingTest {

    @Test
    void student_maps_to_the_snake_case_profile_the_platform_takes() {
        Student student = new Student("perm", new SourceKey("contingent", "stu-7"), new PersonName("Иванов", "Пётр", null),
                LocalDate.of(2007, 1, 5), null, Email.parse("p@example.org"), Phone.parse("89120000007"), "ИСП-23", null,
                StudyForm.PART_TIME, true, List.of());

        EposStudentProfile profile = EposContingentMapping.toProfile(student);

        assertThat(profile).isEqualTo(new EposStudentProfile("stu-7", "Иванов", "Пётр", null, "2007-01-05",
                "p@example.org", "+79120000007", "ИСП-23", "заочная", true));
    }

    @Test
    void group_keeps_its_code_as_external_id_and_its_subgroups() {
        Group group = new Group("perm", "ТМ-21", "Технология машиностроения, 2 курс", "15.02.16", 2, StudyForm.MIXED,
                List.of(new Subgroup("1", "Подгруппа 1")));

        EposGroup item = EposContingentMapping.toGroup(group);

        assertThat(item.externalId()).isEqualTo("ТМ-21");
        assertThat(item.form()).isEqualTo("очно-заочная");
        assertThat(item.subgroups()).containsExactly(new EposGroup.EposSubgroup("1", "Подгруппа 1"));
    }
}
