package ru.spobridge.simulators.contingent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.contingent.wsdl.Group;

class DemoSchoolTest {

    @Test
    void a_demo_school_has_classes_named_by_parallel_and_letter_and_pupils_of_school_age_in_them() {
        DemoCollege school = DemoSchool.generate("1025900000059", 60, 4, 59);

        assertThat(school.groups()).extracting(Group::getCode).containsExactly("5А", "5Б", "7А", "7Б");
        assertThat(school.groups()).allSatisfy(unit -> assertThat(unit.getName()).isEqualTo(unit.getCode()));
        assertThat(school.students()).hasSize(60).allSatisfy(pupil -> {
            int parallel = Integer.parseInt(pupil.getStudy().getCourse());
            assertThat(pupil.getStudy().getGroup()).startsWith(Integer.toString(parallel));
            int age = 2026 - LocalDate.parse(pupil.getBirthDate()).getYear();
            assertThat(age).isBetween(parallel + 6, parallel + 8);
            assertThat(pupil.getIdentityDocument()).isNull();
        });
        assertThat(school.students()).extracting(pupil -> pupil.getStudy().getGroup()).containsOnly("5А", "5Б", "7А", "7Б");
        assertThat(school.invalidFieldByExternalId()).isEmpty();
        assertThat(DemoSchool.generate("1025900000059", 60, 4, 59).students()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(school.students());
    }
}
