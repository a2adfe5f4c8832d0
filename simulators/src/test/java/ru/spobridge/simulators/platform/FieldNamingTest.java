package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldNamingTest {

    @ParameterizedTest(name = "{0} → {1} / {2} / {3}")
    @CsvSource({
            "groupExternalId,   groupExternalId,   group_external_id,    class_unit_external_id",
            "toGroupExternalId, toGroupExternalId, to_group_external_id, to_class_unit_external_id",
            "subgroup,          subgroup,          subgroup,             subgroup",
            "subgroupNo,        subgroupNo,        subgroup_no,          subgroup_no",
            "studentExternalId, studentExternalId, student_external_id,  student_external_id"})
    void a_school_says_class_unit_where_a_college_says_group(String canonical, String camel, String snake, String school) {
        assertThat(FieldNaming.CAMEL_CASE.wire(canonical)).isEqualTo(camel);
        assertThat(FieldNaming.SNAKE_CASE.wire(canonical)).isEqualTo(snake);
        assertThat(FieldNaming.SCHOOL_SNAKE_CASE.wire(canonical)).isEqualTo(school);
    }
}
