package ru.spobridge.mappings.asc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.RecordError;

class AscTimetableParserTest {

    @Test
    void every_table_of_a_2012_export_is_read_with_its_values() {
        AscTimetableParser.Result result = AscFixtures.parse("college-week.xml");
        AscTimetable t = result.timetable();

        assertThat(result.errors()).isEmpty();
        assertThat(t.version()).isEqualTo("2021.6.2");
        assertThat(t.periods()).extracting(AscTimetable.Period::period, AscTimetable.Period::start, AscTimetable.Period::end).containsExactly(
                tuple(0, LocalTime.of(7, 45), LocalTime.of(8, 25)), tuple(1, LocalTime.of(8, 30), LocalTime.of(10, 0)),
                tuple(2, LocalTime.of(10, 10), LocalTime.of(11, 40)), tuple(3, LocalTime.of(12, 10), LocalTime.of(13, 40)),
                tuple(4, LocalTime.of(13, 50), LocalTime.of(15, 20)));
        assertThat(t.daysDefs()).first().satisfies(d -> assertThat(d.days()).containsExactly("10000", "01000", "00100", "00010", "00001"));
        assertThat(t.weeksDefs()).extracting(AscTimetable.WeeksDef::weeks).containsExactly(List.of("1"), List.of("10"), List.of("01"));
        assertThat(t.termsDefs()).singleElement().satisfies(d -> assertThat(d.terms()).containsExactly("1"));
        assertThat(t.subjects()).extracting(AscTimetable.Subject::id).containsExactly("A1", "A2", "A3", "A4", "A5");
        assertThat(t.subjects().get(4).partnerId()).isEqualTo("HIST");
        assertThat(t.teachers()).extracting(AscTimetable.Teacher::id, AscTimetable.Teacher::shortName)
                .containsExactly(tuple("T1", "ПримА"), tuple("T2", "ОбрВ"), tuple("T3", "ТестД"), tuple("T4", "ПробЖ"));
        assertThat(t.buildings()).extracting(AscTimetable.Building::id).containsExactly("B1");
        assertThat(t.classrooms()).extracting(AscTimetable.Classroom::id, AscTimetable.Classroom::capacity, AscTimetable.Classroom::buildingId)
                .containsExactly(tuple("R1", null, "B1"), tuple("R2", 25, null), tuple("R3", null, "B1"), tuple("R4", 30, "B1"));
        assertThat(t.classes()).extracting(AscTimetable.SchoolClass::id, AscTimetable.SchoolClass::teacherId)
                .containsExactly(tuple("C1", "T1"), tuple("C2", "T2"));
        assertThat(t.groups()).extracting(AscTimetable.Group::id, AscTimetable.Group::isSubgroup, AscTimetable.Group::divisionTag)
                .containsExactly(tuple("G0", false, 0), tuple("G1", true, 1), tuple("G2", true, 1), tuple("H0", false, 0));
        assertThat(t.lessons()).hasSize(7);
        assertThat(t.cards()).hasSize(8);
        assertThat(t.days()).isEmpty();
    }

    @Test
    void comma_separated_lists_decimals_capacity_and_periods_per_card_are_read() {
        AscTimetable t = AscFixtures.parse("college-week.xml").timetable();

        AscTimetable.LessonDef mathForTwoGroups = t.lessons().get(2);
        assertThat(mathForTwoGroups.classIds()).containsExactly("C1", "C2");
        assertThat(mathForTwoGroups.groupIds()).containsExactly("G0", "H0");
        AscTimetable.LessonDef language = t.lessons().get(3);
        assertThat(language.teacherIds()).containsExactly("T3", "T4");
        assertThat(language.classroomIds()).containsExactly("R1", "R2");
        assertThat(language.periodsPerWeek()).isEqualByComparingTo(new BigDecimal("1.5"));
        assertThat(language.capacity()).isEqualTo(30);
        assertThat(t.lessons().get(0).capacity()).isNull();
        assertThat(t.lessons().get(4).periodsPerCard()).isEqualTo(2);
        assertThat(t.cards().get(3).classroomIds()).isEmpty();
        assertThat(t.cards().get(6).key()).isEqualTo("card lessonid=L6 period=0 days=00001 weeks=10");
        assertThat(t.cards().get(1).key()).isEqualTo("card lessonid=L1 period=2 days=01000");
    }

    @Test
    void the_third_party_days_table_with_day_numbers_a_singular_classroom_and_lesson_weeks_is_accepted() {
        AscTimetableParser.Result result = AscFixtures.parse("third-party-days.xml");

        assertThat(result.errors()).isEmpty();
        assertThat(result.timetable().days()).extracting(AscTimetable.Day::day).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(result.timetable().cards()).singleElement().satisfies(card -> {
            assertThat(card.day()).isEqualTo("6");
            assertThat(card.days()).isNull();
            assertThat(card.classroomIds()).containsExactly("*1");
        });
        assertThat(result.timetable().lessons()).singleElement().satisfies(lesson -> assertThat(lesson.weeks()).isEqualTo("10"));
    }

    @Test
    void attributes_not_listed_in_columns_and_unknown_tables_are_ignored() {
        String xml = """
                <timetable>
                 <customtable columns="id,value"><custom id="X" value="1"/></customtable>
                 <teachers columns="id,short"><teacher id="T1" short="ПримА" name="not a column" customfield1="x"/></teachers>
                 <cards columns="lessonid,period,days"><card lessonid="L1" period="1" days="10000" weeks="oops"/></cards>
                </timetable>""";

        AscTimetableParser.Result result = AscTimetableParser.parse("x.xml", new StringReader(xml));

        assertThat(result.errors()).isEmpty();
        assertThat(result.timetable().teachers()).singleElement().satisfies(t -> {
            assertThat(t.shortName()).isEqualTo("ПримА");
            assertThat(t.name()).isNull();
        });
        assertThat(result.timetable().cards()).singleElement().satisfies(card -> assertThat(card.weeks()).isNull());
    }

    @Test
    void a_utf8_bom_before_the_declaration_is_skipped() {
        AscTimetableParser.Result result = AscFixtures.parse("bom-utf8.xml");

        assertThat(result.errors()).isEmpty();
        assertThat(result.timetable().subjects()).singleElement().extracting(AscTimetable.Subject::name).isEqualTo("Основы ёмкостных цепей");
    }

    @Test
    void a_windows_1251_file_decoded_by_the_caller_is_read_with_its_cyrillic() {
        AscTimetableParser.Result result = AscTimetableParser.parse("windows-1251.xml",
                AscFixtures.reader("windows-1251.xml", Charset.forName("windows-1251")));

        assertThat(result.errors()).isEmpty();
        assertThat(result.timetable().subjects()).singleElement().extracting(AscTimetable.Subject::name).isEqualTo("Электротехника и электроника");
        assertThat(result.timetable().classes()).singleElement().extracting(AscTimetable.SchoolClass::shortName).isEqualTo("ЭЛ-11");
        assertThat(result.timetable().cards()).hasSize(1);
    }

    @Test
    void a_truncated_file_is_refused_whole_as_corrupt_with_line_and_column() {
        AscTimetableParser.Result result = AscFixtures.parse("truncated.xml");

        assertThat(result.refused()).isTrue();
        assertThat(result.timetable().lessons()).as("nothing of a cut file is used").isEmpty();
        assertThat(result.timetable().cards()).isEmpty();
        assertThat(result.errors()).isEmpty();
        assertThat(result.refusal().code()).isEqualTo("MALFORMED_XML");
        assertThat(result.refusal().recordKey()).isEqualTo("truncated.xml");
        assertThat(result.refusal().message()).matches(".*\\(строка \\d+, столбец \\d+\\).*").contains("оборван");
    }

    @Test
    void binary_bytes_are_refused_as_corrupt_not_read_as_an_empty_export() {
        byte[] random = new byte[4096];
        new java.util.Random(42).nextBytes(random);
        for (String text : List.of("\0\0\0", new String(random, java.nio.charset.StandardCharsets.ISO_8859_1), "PK\u0003\u0004garbage")) {
            AscTimetableParser.Result result = AscTimetableParser.parse("bin.xml", new StringReader(text));

            assertThat(result.refused()).as("refused: %s", text.substring(0, 3)).isTrue();
            assertThat(result.refusal().code()).isEqualTo("MALFORMED_XML");
            assertThat(result.refusal().message()).contains("строка 1").contains("Файл отклонён");
        }
    }

    @Test
    void an_empty_file_is_refused_as_empty_not_held() {
        for (String text : List.of("", "  \n")) {
            AscTimetableParser.Result result = AscTimetableParser.parse("e.xml", new StringReader(text));

            assertThat(result.refusal()).extracting(RecordError::recordKey, RecordError::code).containsExactly("e.xml", "EMPTY_FILE");
        }
    }

    @Test
    void a_six_megabyte_attribute_is_refused_as_corrupt_naming_the_attribute() {
        String xml = "<timetable>\n<subjects columns=\"id,name\">\n<subject id=\"S1\" name=\"" + "ж".repeat(6 * 1024 * 1024) + "\"/></subjects></timetable>";

        AscTimetableParser.Result result = AscTimetableParser.parse("big.xml", new StringReader(xml));

        assertThat(result.refusal()).extracting(RecordError::field, RecordError::code).containsExactly("name", "ATTRIBUTE_TOO_LONG");
        assertThat(result.refusal().message()).contains("строка 3").contains("subject");
        assertThat(result.timetable().subjects()).isEmpty();
    }

    @Test
    void a_well_formed_file_broken_in_the_middle_keeps_nothing() {
        String xml = "<timetable><subjects columns=\"id,name\"><subject id=\"S1\" name=\"a\"/></subjects><cards></lessons></timetable>";

        AscTimetableParser.Result result = AscTimetableParser.parse("x.xml", new StringReader(xml));

        assertThat(result.refusal().code()).isEqualTo("MALFORMED_XML");
        assertThat(result.refusal().message()).contains("строка 1, столбец").contains("нарушена разметка");
        assertThat(result.timetable().subjects()).isEmpty();
    }

    @Test
    void an_element_with_a_bad_value_is_reported_by_element_and_attribute_and_the_rest_goes_through() {
        AscTimetableParser.Result result = AscFixtures.parse("faulty-cards.xml");

        assertThat(result.errors()).extracting(RecordError::recordKey, RecordError::field, RecordError::code).containsExactly(
                tuple("period period=3", "starttime", "INVALID_VALUE"),
                tuple("classroom id=R2", "capacity", "INVALID_VALUE"),
                tuple("lesson id=LJ", "periodspercard", "INVALID_VALUE"),
                tuple("card lessonid=LI period=x days=00001", "period", "INVALID_VALUE"));
        assertThat(result.timetable().periods()).extracting(AscTimetable.Period::period).containsExactly(1, 2);
        assertThat(result.timetable().classrooms()).extracting(AscTimetable.Classroom::id).containsExactly("R1");
        assertThat(result.timetable().lessons()).hasSize(9);
        assertThat(result.timetable().cards()).hasSize(12);
    }

    @Test
    void a_table_whose_columns_lack_its_key_is_skipped_with_one_error() {
        String xml = "<timetable><cards columns=\"period,days\"><card period=\"1\" days=\"10000\"/><card period=\"2\" days=\"10000\"/></cards></timetable>";

        AscTimetableParser.Result result = AscTimetableParser.parse("x.xml", new StringReader(xml));

        assertThat(result.timetable().cards()).isEmpty();
        assertThat(result.errors()).singleElement().extracting(RecordError::recordKey, RecordError::code).containsExactly("table cards", "MISSING_COLUMN");
    }

    @Test
    void a_file_that_is_not_an_asc_timetable_is_refused() {
        AscTimetableParser.Result result = AscTimetableParser.parse("x.xml", new StringReader("<Message><Body/></Message>"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.refusal()).extracting(RecordError::recordKey, RecordError::code).containsExactly("x.xml", "NOT_ASC_TIMETABLE");
    }

    @Test
    void an_external_entity_is_never_resolved_and_the_file_is_refused_at_that_point() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE timetable [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<timetable><teachers columns=\"id,name\"><teacher id=\"T1\" name=\"&xxe;\"/></teachers></timetable>";

        AscTimetableParser.Result result = AscTimetableParser.parse("evil.xml", new StringReader(xml));

        assertThat(result.timetable().teachers()).isEmpty();
        assertThat(result.refusal()).extracting(RecordError::recordKey, RecordError::code).containsExactly("evil.xml", "DTD_NOT_ALLOWED");
    }

    @Test
    void a_tiny_export_is_flagged_as_a_licence_symptom() {
        assertThat(AscFixtures.parse("college-week.xml").timetable().looksLimitedByLicence()).isTrue();
        assertThat(AscTimetableParser.parse("x.xml", new StringReader("<timetable/>")).timetable().looksLimitedByLicence()).isFalse();
    }
}
