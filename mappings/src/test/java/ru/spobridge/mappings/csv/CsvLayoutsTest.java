package ru.spobridge.mappings.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.staff.StaffCsv;
import ru.spobridge.model.RecordError;

/** How a file's header is recognised, or why the whole file is refused, for every layout an intake expects. */
class CsvLayoutsTest {

    private static CsvLayouts.Check check(String text, List<CsvLayout> expected) {
        return CsvLayouts.check("f.csv", CsvReader.read(text), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // header                                                                     | expected layout | code           | field
            "order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code | STAFF | | ",
            "workload_id;teacher_id;discipline_code;discipline_kind;group;subgroup;hours | STAFF | | ",
            "SUBSTITUTION_ID ; absent_teacher_id;substitute_id;date_from;date_to;cancelled | STAFF | | ",
            // the field is kept to the store's 64 characters; the message names every missing column
            "order_id;kind | STAFF | MISSING_COLUMN | 'order_no, order_date, effective_date, person_id, last_name, …'",
            "workload_id;teacher_id;group | STAFF | MISSING_COLUMN | discipline_code, discipline_kind, subgroup, hours",
            "a;b;c | STAFF | UNKNOWN_FILE | header",
            "student_id;value | STATEMENT | MISSING_COLUMN | date, bell, group, discipline, work_type, teacher_id, given_at",
            "kind;name | REFERENCE | UNKNOWN_FILE | header",
            "kind;code;name | REFERENCE | MISSING_COLUMN | attributes",
    })
    void a_header_is_taken_for_the_layout_whose_key_column_it_has(String header, String intake, String code, String field) {
        List<CsvLayout> expected = switch (intake) {
            case "STAFF" -> StaffCsv.LAYOUTS;
            case "STATEMENT" -> List.of(CsvLayout.MARKS_STATEMENT);
            default -> List.of(CsvLayout.REFERENCE);
        };

        CsvLayouts.Check check = check(header + "\n", expected);

        if (code == null) {
            assertThat(check.refused()).isFalse();
            assertThat(check.layout().columns()).contains(header.split(";")[0].strip().toLowerCase());
        } else {
            assertThat(check.refusal()).extracting(RecordError::recordKey, RecordError::code, RecordError::field).containsExactly("f.csv", code, field);
            assertThat(CsvLayouts.refusesFile(check.refusal())).isTrue();
        }
    }

    @Test
    void an_unknown_header_is_refused_naming_found_and_expected_columns_and_the_closest_layout_with_its_section() {
        CsvLayouts.Check check = check("student_id;date;value;teacher_id\nstu-1;2026-09-07;5;t1\n", StaffCsv.LAYOUTS);

        assertThat(check.refusal().code()).isEqualTo("UNKNOWN_FILE");
        assertThat(check.refusal().message())
                .startsWith("Файл не узнан: найдены столбцы student_id; date; value; teacher_id.")
                .contains("«приказы по кадрам» (order_id; kind;", "«педагогическая нагрузка» (workload_id;", "«замещения преподавателей»")
                .contains("Ближе всего — «ведомость отметок»: совпадают student_id, date, value, teacher_id; не хватает bell, group, discipline, work_type, given_at")
                .endsWith("Такой файл загружают в раздел «Отметки»");
    }

    @Test
    void the_closest_layout_among_the_expected_ones_is_suggested_without_sending_elsewhere() {
        CsvLayouts.Check check = check("id;teacher_id;discipline_code;group;hours\n", StaffCsv.LAYOUTS);

        assertThat(check.refusal().message()).contains("Ближе всего — «педагогическая нагрузка»: совпадают teacher_id, discipline_code, group, hours")
                .doesNotContain("раздел");
    }

    @Test
    void a_layout_missing_many_columns_names_them_all_in_the_message() {
        CsvLayouts.Check check = check("order_id;kind\no1;hire\n", StaffCsv.LAYOUTS);

        assertThat(check.refusal().field()).hasSizeLessThanOrEqualTo(64);
        assertThat(check.refusal().message()).contains("без обязательных столбцов: order_no, order_date, effective_date, person_id, last_name, "
                + "first_name, middle_name, email, phone, position_code", "Найдены столбцы: order_id; kind");
    }

    @Test
    void an_empty_file_is_refused_as_empty_naming_the_expected_header() {
        CsvLayouts.Check check = check("\r\n\r\n", List.of(CsvLayout.MARKS_STATEMENT));

        assertThat(check.refusal()).extracting(RecordError::code, RecordError::field).containsExactly("EMPTY_FILE", "-");
        assertThat(check.refusal().message()).startsWith("Файл пустой").contains("student_id; date; bell");
    }

    @Test
    void a_binary_file_is_refused_as_not_text() {
        CsvLayouts.Check check = check("\u0000\u0001\u0002\uFFFD garbage \u0000", StaffCsv.LAYOUTS);

        assertThat(check.refusal()).extracting(RecordError::code, RecordError::field).containsExactly("UNKNOWN_FILE", "header");
        assertThat(check.refusal().message()).contains("не текстовый CSV");
    }

    @Test
    void a_file_without_a_header_shows_its_first_row_masked_never_a_persons_data() {
        CsvLayouts.Check check = check("o1;hire;К-1;2026-01-10;2026-01-12;p1;Иванова;Анна;;anna@example.org;+79120000001;ПРП\n", StaffCsv.LAYOUTS);

        assertThat(check.refusal().code()).isEqualTo("UNKNOWN_FILE");
        assertThat(check.refusal().message()).doesNotContain("Иванова", "Анна", "anna@example.org", "+79120000001")
                .contains("и…", "(пусто)", "добавьте над ней строку заголовка");
    }

    @Test
    void a_header_with_a_broken_quote_is_shown_as_found_and_refused_as_unknown() {
        CsvLayouts.Check check = check("a;\"b;c\nx;y;z\n", StaffCsv.LAYOUTS);

        assertThat(check.refusal().code()).isEqualTo("UNKNOWN_FILE");
        assertThat(check.refusal().message()).contains("найдены столбцы a;");
    }
}
