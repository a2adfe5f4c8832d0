package ru.spobridge.simulators.eposschool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.simulators.platform.SchoolRules;

/** A class unit's name is its parallel (1–11) and one capital Cyrillic letter, «7Б». */
class SchoolClassNamesTest {

    @ParameterizedTest(name = "{0} / {1} / {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "7Б,   7,  Б, -",
            "1А,   1,  А, -",
            "11Ё,  11, Ё, -",
            "7 Б,  7,  Б, name",
            "7б,   7,  б, letter",
            "7B,   7,  B, letter",
            "7АБ,  7,  АБ, letter",
            "12А,  12, А, parallel",
            "0А,   0,  А, parallel",
            "8Б,   7,  Б, name",
            "ИС-21, 7, Б, name"})
    void a_class_unit_name_is_the_parallel_followed_by_the_letter(String name, int parallel, String letter,
                                                                 String wrongField) {
        List<String[]> problems = SchoolRules.classUnitProblems(name, parallel, letter);

        if (wrongField == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).extracting(problem -> problem[0]).containsExactly(wrongField);
            assertThat(problems).allSatisfy(problem -> assertThat(problem[1]).isNotBlank());
        }
    }
}
