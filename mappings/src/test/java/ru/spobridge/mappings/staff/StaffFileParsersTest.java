package ru.spobridge.mappings.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.mappings.Parsed;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.staff.Position;
import ru.spobridge.model.staff.StaffRole;

class StaffFileParsersTest {

    private static final Map<String, Position> POSITIONS = Map.of("ПРП", new Position("ПРП", "Преподаватель", StaffRole.TEACHER));

    @Test
    void csv_rows_are_read_and_a_row_with_too_few_fields_is_reported_by_line() {
        String csv = "order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code\n"
                + "o1;hire;К-1;2026-01-10;2026-01-12;p1;Иванова;Анна;;a@example.org;+79120000001;ПРП\n"
                + "o2;hire;К-2;2026-01-10\n"
                + "o3;dismissal;К-3;2026-02-01;2026-02-01;p1;;;;;;\n";

        Parsed<StaffOrderRecord> parsed = StaffCsv.orders("orders.csv", csv);

        assertThat(parsed.records()).extracting(line -> line.record().orderId()).containsExactly("o1", "o3");
        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.recordKey()).isEqualTo("orders.csv:3"); // the physical line: the header is line 1
            assertThat(error.code()).isEqualTo("MALFORMED_ROW");
        });
    }

    @Test
    void a_broken_quote_in_row_two_of_seven_loses_only_that_row_named_by_its_physical_line() {
        String header = "order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code\n";
        StringBuilder csv = new StringBuilder(header).append("o1;hire;\"К-1;2026-01-10;2026-01-12;p1;Иванова;Анна;;a@example.org;+79120000001;ПРП\n");
        for (int i = 2; i <= 6; i++) {
            // a quoted cell further down must not close the broken one and swallow the rows between
            csv.append("o").append(i).append(";hire;К-").append(i).append(";2026-01-10;2026-01-12;p").append(i)
                    .append(";\"Петрова\";Анна;;p").append(i).append("@example.org;+7912000000").append(i).append(";ПРП\n");
        }

        Parsed<StaffOrderRecord> parsed = StaffCsv.orders("staff.csv", csv.toString());

        assertThat(parsed.records()).extracting(Parsed.Line::line, line -> line.record().orderId())
                .containsExactly(tuple(3L, "o2"), tuple(4L, "o3"), tuple(5L, "o4"), tuple(6L, "o5"), tuple(7L, "o6"));
        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.recordKey()).isEqualTo("staff.csv:2");
            assertThat(error.code()).isEqualTo("MALFORMED_ROW");
            assertThat(error.message()).doesNotContain("Иванова");
        });
    }

    @Test
    void a_csv_without_the_needed_columns_is_refused_naming_them() {
        Parsed<StaffOrderRecord> parsed = StaffCsv.orders("x.csv", "order_id;kind\no1;hire\n");

        assertThat(parsed.records()).isEmpty();
        assertThat(parsed.errors()).singleElement().extracting(RecordError::code).isEqualTo("MISSING_COLUMN");
    }

    @Test
    void enterprise_data_cut_short_keeps_the_orders_before_the_cut() {
        String xml = """
                <msg:Message xmlns:msg="http://www.1c.ru/SSL/Exchange/Message" xmlns="http://v8.1c.ru/edi/edi_stnd/EnterpriseData/1.11"><Body>
                <Документ.Увольнение><КлючевыеСвойства><Ссылка>d1</Ссылка><Номер>У-7</Номер><Дата>2026-03-01T10:00:00</Дата></КлючевыеСвойства>
                <ФизическоеЛицо><Ссылка>p1</Ссылка></ФизическоеЛицо><ДатаУвольнения>2026-03-05</ДатаУвольнения></Документ.Увольнение>
                <Документ.ПриемНаРаботу><КлючевыеСвойства><Ссылка>h2</Ссылка>""";

        Parsed<StaffOrderRecord> parsed = EnterpriseDataStaffParser.parse("hr.xml", new StringReader(xml));

        assertThat(parsed.records()).singleElement().satisfies(line -> {
            assertThat(line.record().kind()).isEqualTo("dismissal");
            assertThat(line.record().effectiveDate()).isEqualTo("2026-03-05");
            assertThat(line.record().orderDate()).isEqualTo("2026-03-01T10:00:00");
        });
        assertThat(parsed.errors()).singleElement().extracting(RecordError::code).isEqualTo("MALFORMED_XML");
    }

    @Test
    void external_entities_are_not_resolved() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<msg:Message xmlns:msg=\"http://www.1c.ru/SSL/Exchange/Message\"><Body><Документ.ПриемНаРаботу>"
                + "<КлючевыеСвойства><Ссылка>&xxe;</Ссылка></КлючевыеСвойства></Документ.ПриемНаРаботу></Body></msg:Message>";

        Parsed<StaffOrderRecord> parsed = EnterpriseDataStaffParser.parse("evil.xml", new StringReader(xml));

        assertThat(parsed.records().stream().map(line -> String.valueOf(line.record().orderId()))).noneMatch(id -> id.contains("root:"));
    }

    @Test
    void order_mapping_refuses_an_unknown_position_and_a_hire_without_contacts() {
        Mapped<StaffOrderMapping.MappedOrder> mapped = StaffOrderMapping.toOrder("c", new StaffOrderRecord("o9", "hire", "К-9", "2026-01-01",
                "2026-01-02", "p9", "Петров", "Пётр", null, null, "+79120000009", "ВОДОЛАЗ"), POSITIONS);

        assertThat(mapped.errors()).extracting(RecordError::field, RecordError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("position", "UNKNOWN_POSITION"), org.assertj.core.groups.Tuple.tuple("email", "REQUIRED"));
    }
}
