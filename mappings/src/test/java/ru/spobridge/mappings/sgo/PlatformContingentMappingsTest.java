package ru.spobridge.mappings.sgo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.aisepo.AisEpoContingentMapping;
import ru.spobridge.mappings.aisepo.AisEpoItems;
import ru.spobridge.mappings.epos.EposContingentMapping;
import ru.spobridge.mappings.epos.EposGuardian;
import ru.spobridge.model.Email;
import ru.spobridge.model.Guardian;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.MovementKind;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.Phone;
import ru.spobridge.model.Snils;
import ru.spobridge.model.SourceKey;
import ru.spobridge.model.Student;
import ru.spobridge.model.StudyForm;

/** One canonical record, three platforms: each gets its own field names and the fields it takes. */
class PlatformContingentMappingsTest {

    private static final Student STUDENT = new Student("c", new SourceKey("contingent", "stu-1"), new PersonName("Иванов", "Пётр", "Ильич"),
            LocalDate.of(2007, 1, 5), Snils.parse("112-233-445 95"), Email.parse("p@example.org"), Phone.parse("89120000007"),
            "ИСП-23", "2", StudyForm.FULL_TIME, false, List.of());
    private static final Movement EXPULSION = new Movement("c", new SourceKey("contingent", "mov-9"), "stu-1", MovementKind.EXPULSION,
            "9-к", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 12), "ИСП-23", null, "по собственному желанию");
    private static final GuardianLinks MOTHER = new GuardianLinks(new Guardian(new SourceKey("contingent", "gdn-1"),
            new PersonName("Иванова", "Анна", null), "мать", Phone.parse("+79120000008"), Email.parse("a@example.org")), List.of("stu-3", "stu-1"));

    @Test
    void sgo_gets_the_snils_as_written_and_the_subgroup_code() {
        SgoItems.SgoStudent student = SgoContingentMapping.toStudent(STUDENT);

        assertThat(student.snils()).isEqualTo("112-233-445 95");
        assertThat(student.subgroup()).isEqualTo("2");
        assertThat(student.studyForm()).isEqualTo("очная");
        assertThat(SgoContingentMapping.toMovement(EXPULSION))
                .isEqualTo(new SgoItems.SgoMovement("mov-9", "stu-1", "expulsion", "9-к", "2026-01-10", "2026-01-12", null));
    }

    @Test
    void ais_epo_gets_a_subgroup_number_and_no_snils() {
        AisEpoItems.AisEpoStudent student = AisEpoContingentMapping.toStudent(STUDENT);

        assertThat(student.subgroupNo()).isEqualTo(2);
        assertThat(student.phone()).isEqualTo("+79120000007");
    }

    @Test
    void guardians_carry_every_student_they_represent_in_a_stable_order() {
        EposGuardian epos = EposContingentMapping.toGuardian(MOTHER);
        SgoItems.SgoGuardian sgo = SgoContingentMapping.toGuardian(MOTHER);

        assertThat(epos.studentExternalIds()).containsExactly("stu-1", "stu-3");
        assertThat(sgo.studentExternalIds()).containsExactly("stu-1", "stu-3");
        assertThat(epos.relation()).isEqualTo("мать");
    }
}
