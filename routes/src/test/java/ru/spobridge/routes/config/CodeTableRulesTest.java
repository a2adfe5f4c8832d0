package ru.spobridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.spobridge.routes.config.region.SettingError;

/** What a code table row may hold, as a table: table, source code, value → the refused field, or none. */
class CodeTableRulesTest {

    private static final Set<String> TEACHERS = Set.of("per-t1", "per-t2");

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("a scale value of 6 is refused", "marks.scale", "отл", "6", null, "value"),
                Arguments.of("a scale value 5 is taken", "marks.scale", "отлично", "5", null, null),
                Arguments.of("a scale value зач is taken", "marks.scale", "зачтено", "зач", null, null),
                Arguments.of("a scale value that is no mark is refused", "marks.scale", "хор", "хорошо", null, "value"),
                Arguments.of("an unknown reason is refused", "attendance.reasons", "Б", "ОТГУЛ", null, "value"),
                Arguments.of("a canonical reason is taken", "attendance.reasons", "Б", "УП", null, null),
                Arguments.of("an unknown role is refused", "staff.positions", "ВХТ", "{\"title\":\"Вахтёр\",\"role\":\"GUARD\"}", null, "value.role"),
                Arguments.of("a position without a title is refused", "staff.positions", "ВХТ", "{\"title\":\" \",\"role\":\"TEACHER\"}", null, "value.title"),
                Arguments.of("a position that is not JSON is refused", "staff.positions", "ВХТ", "Преподаватель", null, "value"),
                Arguments.of("a position with title and role is taken", "staff.positions", "ВХТ", "{\"title\":\"Тьютор\",\"role\":\"TEACHER\"}", null, null),
                Arguments.of("an aSc row to an unknown teacher is refused", "asc.teachers", "НовИП", "per-t9", TEACHERS, "value"),
                Arguments.of("an aSc row to a known teacher is taken", "asc.teachers", "НовИП", "per-t1", TEACHERS, null),
                Arguments.of("a subgroup row takes any code", "asc.subgroups", "1 подгр.", "1", null, null),
                Arguments.of("a blank source code is refused", "marks.scale", " ", "5", null, "sourceCode"),
                Arguments.of("a blank value is refused", "asc.rooms", "Мастерская", "", null, "value"),
                Arguments.of("an unknown table is refused", "asc.buildings", "1", "1", null, "table"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void a_row_is_refused_by_the_field_that_is_wrong(String name, String table, String code, String value, Set<String> known, String field) {
        List<SettingError> errors = CodeTableRules.check(table, code, value, known);

        if (field == null) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).extracting(SettingError::field).containsExactly(field);
            assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank().matches("(?s).*[А-Яа-яЁё].*"));
        }
    }

    @Test
    void scale_and_reason_codes_are_kept_without_case_and_the_others_as_written() {
        assertThat(CodeTableRules.key("marks.scale", " Отлично ")).isEqualTo("отлично");
        assertThat(CodeTableRules.key("attendance.reasons", "Б")).isEqualTo("б");
        assertThat(CodeTableRules.key("asc.teachers", " НовИП ")).isEqualTo("НовИП");
    }
}
