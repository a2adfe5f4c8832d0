package ru.spobridge.mappings.eposschool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.model.Group;
import ru.spobridge.model.StudyForm;

/** A school's canonical group is its class: «7Б» (or «7 б», «7-Б») is parallel 7, letter Б. */
class EposSchoolItemsTest {

    @ParameterizedTest(name = "code {0}, name {1} → {2} / {3} / {4}")
    @CsvSource(nullValues = "-", value = {
            "7Б,    7Б,           7Б,  7,  Б",
            "7 б,   7 б,          7Б,  7,  Б",
            "7-Б,   7-Б класс,    7Б,  7,  Б",
            "cls-1, 11А,          11А, 11, А",
            "ИС-21, ИС-21 (СПО),  ИС-21 (СПО), -, -",
            "12А,   12А,          12А, -,  -"})
    void the_class_unit_is_read_from_the_group_code_else_its_name(String code, String name, String expectedName,
                                                                 Integer parallel, String letter) {
        EposSchoolItems.ClassUnit unit = EposSchoolItems.toClassUnit(new Group("school", code, name, null,
                parallel == null ? 1 : parallel, StudyForm.FULL_TIME, List.of()));

        assertThat(unit.externalId()).isEqualTo(code);
        assertThat(unit.name()).isEqualTo(expectedName);
        assertThat(unit.parallel()).isEqualTo(parallel);
        assertThat(unit.letter()).isEqualTo(letter);
    }
}
