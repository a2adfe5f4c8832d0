package ru.spobridge.mappings.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private static List<String> values(CsvTable.Row row) {
        return row.values();
    }

    @Test
    void a_utf8_file_with_a_byte_order_mark_reads_its_first_column_by_name() {
        byte[] body = "код;название\nИСП-21;Программисты\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        CsvTable table = CsvReader.read(withBom);

        assertThat(table.header().columns()).containsExactly("код", "название");
        assertThat(table.rows()).singleElement().satisfies(row -> assertThat(row.get("код")).isEqualTo("ИСП-21"));
    }

    @Test
    void a_bom_in_already_decoded_text_is_stripped_too() {
        CsvTable table = CsvReader.read("\uFEFFkind;code\nroom;101\n");

        assertThat(table.rows()).singleElement().satisfies(row -> assertThat(row.get("kind")).isEqualTo("room"));
    }

    @Test
    void a_windows_1251_file_is_read_as_cyrillic() {
        byte[] bytes = "фамилия;имя\r\nИванова;Анна\r\n".getBytes(WINDOWS_1251);

        CsvTable table = CsvReader.read(bytes);

        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.get("фамилия")).isEqualTo("Иванова");
            assertThat(row.get("имя")).isEqualTo("Анна");
        });
    }

    @Test
    void a_quoted_field_with_newlines_counts_its_physical_lines_for_the_rows_after_it() {
        String csv = "id;note;n\n"
                + "a;\"first line\nsecond line\nthird line\";1\n"
                + "b;\"with ; and \"\"quotes\"\"\";2\n"
                + "\n"
                + "c;plain;3\n";

        CsvTable table = CsvReader.read(csv);

        assertThat(table.rows()).extracting(CsvTable.Row::number, CsvTable.Row::line, row -> row.get("id"))
                .containsExactly(tuple(1L, 2L, "a"), tuple(2L, 5L, "b"), tuple(3L, 7L, "c"));
        assertThat(table.rows().get(0).get("note")).isEqualTo("first line\nsecond line\nthird line");
        assertThat(table.rows().get(1).get("note")).isEqualTo("with ; and \"quotes\"");
    }

    @Test
    void crlf_and_a_lone_cr_each_end_one_physical_line() {
        CsvTable table = CsvReader.read("id;n\r\na;1\rb;2\r\nc;3");

        assertThat(table.rows()).extracting(CsvTable.Row::line, row -> row.get("id"))
                .containsExactly(tuple(2L, "a"), tuple(3L, "b"), tuple(4L, "c"));
    }

    @Test
    void an_unterminated_quote_loses_only_its_own_row() {
        String csv = "id;note;n\n"
                + "a;ok;1\n"
                + "b;\"never closed;2\n"
                + "c;ok;3\n"
                + "d;\"quoted\";4\n";

        CsvTable table = CsvReader.read(csv);

        assertThat(table.rows()).extracting(CsvTable.Row::line, CsvTable.Row::broken, row -> row.get("id"))
                .containsExactly(tuple(2L, false, "a"), tuple(3L, true, null), tuple(4L, false, "c"), tuple(5L, false, "d"));
        assertThat(table.rows().get(3).get("note")).isEqualTo("quoted");
    }

    @Test
    void text_glued_after_a_closing_quote_loses_only_its_own_row() {
        CsvTable table = CsvReader.read("id;note\na;\"bad\"tail\nb;ok\n");

        assertThat(table.rows()).extracting(CsvTable.Row::line, CsvTable.Row::broken).containsExactly(tuple(2L, true), tuple(3L, false));
    }

    @Test
    void a_row_with_too_few_fields_is_read_but_marked_inconsistent() {
        CsvTable table = CsvReader.read("id;a;b\nx;1\ny;1;2\n");

        assertThat(table.rows()).extracting(CsvTable.Row::line, CsvTable.Row::consistent).containsExactly(tuple(2L, false), tuple(3L, true));
    }

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {"", "\n\n", "\uFEFF", "   \r\n"})
    void an_empty_file_has_no_header_and_no_rows(String text) {
        CsvTable table = CsvReader.read(text);

        assertThat(table.header().columns()).isEmpty();
        assertThat(table.rows()).isEmpty();
        assertThat(table.missing(List.of("id"))).containsExactly("id");
    }

    @Test
    void a_header_only_file_has_its_columns_and_no_rows() {
        CsvTable table = CsvReader.read(" ID ; Name \n");

        assertThat(table.header().columns()).containsExactly("id", "name");
        assertThat(table.missing(List.of("id", "name", "extra"))).containsExactly("extra");
        assertThat(table.rows()).isEmpty();
    }

    @Test
    void blank_cells_and_cells_past_the_end_read_as_absent_and_values_are_stripped() {
        CsvTable.Row row = CsvReader.read("a;b;c\n  x  ; ;\n").rows().get(0);

        assertThat(values(row)).containsExactly("x", "", "");
        assertThat(row.get("a")).isEqualTo("x");
        assertThat(row.get("b")).isNull();
        assertThat(row.get("nope")).isNull();
    }
}
