package ru.spobridge.mappings.asc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.asc.AscMatching.Kind;
import ru.spobridge.model.RecordError;

class AscMatchingTest {

    private static AscTimetable timetable(String tables) {
        AscTimetableParser.Result result = AscTimetableParser.parse("t.xml", new StringReader("<timetable>" + tables + "</timetable>"));
        assertThat(result.errors()).isEmpty();
        return result.timetable();
    }

    @Test
    void every_element_of_the_college_week_is_matched_each_by_its_own_route() {
        AscMatching.Result result = AscFixtures.collegeWeek().match(AscFixtures.parse("college-week.xml").timetable());

        assertThat(result.errors()).isEmpty();
        assertThat(result.teachers()).containsEntry("T1", "t-primerova").containsEntry("T2", "t-obraztsov")
                .containsEntry("T3", "t-testova").containsEntry("T4", "t-probnaya");
        assertThat(result.classes()).containsEntry("C1", "ТМ-21").containsEntry("C2", "grp-22");
        assertThat(result.rooms()).containsEntry("R1", "214").containsEntry("R3", "gym").containsEntry("R4", "301");
        assertThat(result.subjects()).containsEntry("A1", "МДК.01.01").containsEntry("A2", "MATH").containsEntry("A4", "PE")
                .containsEntry("A5", "HIST");
        assertThat(result.groups()).containsEntry("G0", new AscMatching.GroupMatch("C1", null, 0))
                .containsEntry("G1", new AscMatching.GroupMatch("C1", "1", 1)).containsEntry("G2", new AscMatching.GroupMatch("C1", "2", 1));
    }

    @Test
    void the_explicit_table_wins_over_code_and_name_and_is_tried_by_short_then_name_then_partner_id() {
        AscTimetable t = timetable("<classrooms columns=\"id,name,short,partner_id\">"
                + "<classroom id=\"R1\" name=\"214\" short=\"214\" partner_id=\"\"/>"
                + "<classroom id=\"R2\" name=\"Лаборатория\" short=\"\" partner_id=\"ERP-9\"/></classrooms>");

        AscMatching.Result result = new AscFixtures.Directories().explicit(Kind.ROOM, "214", "room-a", "ERP-9", "lab")
                .candidates(Kind.ROOM, "214", "214", "room-a", "", "lab", "").match(t);

        assertThat(result.rooms()).containsEntry("R1", "room-a").containsEntry("R2", "lab");
    }

    @Test
    void a_subject_whose_name_starts_with_its_code_is_matched_by_that_code() {
        AscTimetable t = timetable("<subjects columns=\"id,name,short\"><subject id=\"A1\" name=\"ОП.05 Охрана труда\" short=\"ОТ\"/>"
                + "<subject id=\"A2\" name=\"МДК.02.01 Что-то новое\" short=\"Н\"/></subjects>");

        AscMatching.Result result = new AscFixtures.Directories().candidates(Kind.SUBJECT, "ОП.05", "Охрана труда и техника безопасности",
                "МДК.02.01", "Совсем другое название").match(t);

        assertThat(result.subjects()).containsEntry("A1", "ОП.05").containsEntry("A2", "МДК.02.01");
    }

    @Test
    void names_are_compared_without_case_yo_dots_and_extra_spaces() {
        AscTimetable t = timetable("<classes columns=\"id,name,short\"><class id=\"C1\" name=\"Сварщики  ёмкостей 1 к.\" short=\"\"/></classes>");

        AscMatching.Result result = new AscFixtures.Directories().candidates(Kind.GROUP, "СВ-1", "сварщики емкостей 1 к").match(t);

        assertThat(result.classes()).containsEntry("C1", "СВ-1");
    }

    @Test
    void a_short_name_two_teachers_share_is_not_used_and_reported_as_ambiguous_by_id() {
        AscTimetable t = timetable("<teachers columns=\"id,name,short\"><teacher id=\"T1\" name=\"Иванова А.А.\" short=\"Ив\"/>"
                + "<teacher id=\"T2\" name=\"Иванова А.А.\" short=\"Ив\"/><teacher id=\"T3\" name=\"Петрова Б.Б.\" short=\"ПетБ\"/></teachers>");

        AscMatching.Result result = new AscFixtures.Directories().explicit(Kind.TEACHER, "Ив", "t-ivanova")
                .candidates(Kind.TEACHER, "t-ivanova", "Иванова Анна Андреевна").match(t);

        assertThat(result.teachers()).isEmpty();
        assertThat(result.errors()).extracting(RecordError::recordKey, RecordError::code).containsExactly(
                tuple("teacher И*в", "AMBIGUOUS_SHORT_NAME"), tuple("teacher И*в", "AMBIGUOUS_SHORT_NAME"),
                tuple("teacher П**Б", "UNMATCHED_TEACHER"));
        assertThat(result.errors().get(0).message()).contains("[T1]");
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain("Иванова").doesNotContain("Петрова"));
    }

    @Test
    void a_name_that_fits_two_canonical_entries_is_ambiguous() {
        AscTimetable t = timetable("<teachers columns=\"id,name,short\"><teacher id=\"T1\" name=\"Сидорова В.В.\" short=\"СидВ\"/></teachers>");

        AscMatching.Result result = new AscFixtures.Directories().candidates(Kind.TEACHER, "t-1", "Сидорова Вера Васильевна",
                "t-2", "Сидорова Валентина Викторовна").match(t);

        assertThat(result.errors()).singleElement().extracting(RecordError::recordKey, RecordError::field, RecordError::code)
                .containsExactly("teacher С**В", "name", "AMBIGUOUS_SHORT_NAME");
    }

    @Test
    void unmatched_groups_rooms_and_subjects_are_each_reported_by_element() {
        AscTimetable t = timetable("<subjects columns=\"id,name,short\"><subject id=\"A1\" name=\"Астрономия\" short=\"Астр\"/></subjects>"
                + "<classrooms columns=\"id,name,short\"><classroom id=\"R1\" name=\"999\" short=\"999\"/></classrooms>"
                + "<classes columns=\"id,name,short\"><class id=\"C1\" name=\"XX-99\" short=\"XX-99\"/></classes>");

        AscMatching.Result result = new AscFixtures.Directories().match(t);

        assertThat(result.errors()).extracting(RecordError::recordKey, RecordError::code).containsExactly(
                tuple("class XX-99", "UNMATCHED_GROUP"), tuple("classroom 999", "UNMATCHED_ROOM"), tuple("subject Астр", "UNMATCHED_SUBJECT"));
        assertThat(result.errors()).extracting(RecordError::message).containsExactly(
                "класс XX-99 [C1] не найден в справочнике колледжа — укажите соответствие в таблице сопоставления asc.groups по краткому имени",
                "аудитория 999 [R1] не найдена в справочнике колледжа — укажите соответствие в таблице сопоставления asc.rooms по краткому имени",
                "предмет Астр (Астрономия) [A1] не найден в справочнике колледжа — укажите соответствие в таблице сопоставления asc.subjects по краткому имени");
    }

    @Test
    void a_subgroup_without_a_number_in_its_name_gets_its_position_in_the_division() {
        AscTimetable t = timetable("<groups columns=\"id,classid,name,entireclass,divisiontag\">"
                + "<group id=\"E1\" classid=\"C1\" name=\"Английский\" entireclass=\"0\" divisiontag=\"2\"/>"
                + "<group id=\"E2\" classid=\"C1\" name=\"Немецкий\" entireclass=\"0\" divisiontag=\"2\"/>"
                + "<group id=\"S1\" classid=\"C1\" name=\"Мальчики\" entireclass=\"0\" divisiontag=\"3\"/>"
                + "<group id=\"S2\" classid=\"C1\" name=\"Девушки\" entireclass=\"0\" divisiontag=\"3\"/></groups>");

        AscMatching.Result result = new AscFixtures.Directories().explicit(Kind.SUBGROUP, "Девушки", "Д").match(t);

        assertThat(result.groups()).containsEntry("E1", new AscMatching.GroupMatch("C1", "1", 2))
                .containsEntry("E2", new AscMatching.GroupMatch("C1", "2", 2)).containsEntry("S1", new AscMatching.GroupMatch("C1", "1", 3))
                .containsEntry("S2", new AscMatching.GroupMatch("C1", "Д", 3));
    }

    @Test
    void an_unmatched_element_carries_its_short_name_and_name_apart_from_the_error() {
        AscTimetable t = timetable("<teachers columns=\"id,name,short\"><teacher id=\"T7\" name=\"Новикова Ирина Павловна\" short=\"НовИП\"/></teachers>"
                + "<classrooms columns=\"id,name,short\"><classroom id=\"R5\" name=\"Мастерская\" short=\"\"/></classrooms>");

        AscMatching.Result result = new AscFixtures.Directories().match(t);

        assertThat(result.unmatched()).extracting(AscMatching.Unmatched::kind, AscMatching.Unmatched::ascId,
                        AscMatching.Unmatched::shortName, AscMatching.Unmatched::name, AscMatching.Unmatched::mappingKey)
                .containsExactlyInAnyOrder(tuple(Kind.TEACHER, "T7", "НовИП", "Новикова Ирина Павловна", "НовИП"),
                        tuple(Kind.ROOM, "R5", null, "Мастерская", "Мастерская"));
        assertThat(result.errors()).extracting(RecordError::recordKey).containsExactlyInAnyOrder("teacher Н***П", "classroom Мастерская");
        assertThat(result.errors()).extracting(RecordError::message).noneMatch(message -> message.contains("Новикова"));
    }

    @Test
    void an_element_is_named_by_short_name_name_and_id_so_the_operator_can_type_the_mapping() {
        AscTimetable t = timetable("<classes columns=\"id,name,short\"><class id=\"5E3FEB87026DA81A\" name=\"11 Б класс\" short=\"11-Б\"/></classes>");

        AscMatching.Result result = new AscFixtures.Directories().match(t);

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.recordKey()).isEqualTo("class 11-Б");
            assertThat(error.message()).startsWith("класс 11-Б (11 Б класс) [5E3FEB87026DA81A] не найден");
        });
    }

    @Test
    void a_short_name_two_rooms_share_is_not_ambiguous_when_their_names_tell_them_apart() {
        AscTimetable t = timetable("<classrooms columns=\"id,name,short\"><classroom id=\"R1\" name=\"Лаборатория химии\" short=\"Лаб\"/>"
                + "<classroom id=\"R2\" name=\"Лаборатория физики\" short=\"Лаб\"/><classroom id=\"R3\" name=\"Лаборатория ИТ\" short=\"Лаб\"/></classrooms>");

        AscMatching.Result result = new AscFixtures.Directories().explicit(Kind.ROOM, "Лаборатория физики", "phys")
                .candidates(Kind.ROOM, "chem", "Лаборатория химии", "phys", "Физика").match(t);

        assertThat(result.rooms()).containsOnly(java.util.Map.entry("R1", "chem"), java.util.Map.entry("R2", "phys"));
        assertThat(result.errors()).singleElement().extracting(RecordError::recordKey, RecordError::code)
                .containsExactly("classroom Лаб", "UNMATCHED_ROOM");
        assertThat(result.errors().get(0).message()).contains("по названию");
        assertThat(result.unmatched()).singleElement().extracting(AscMatching.Unmatched::mappingKey).isEqualTo("Лаборатория ИТ");
        assertThat(result.matchedKeys()).isEmpty();
    }

    @Test
    void a_mapping_to_a_code_the_reference_data_does_not_have_is_refused_naming_it() {
        AscTimetable t = timetable("<subjects columns=\"id,name,short\"><subject id=\"A1\" name=\"Астрономия\" short=\"Астр\"/>"
                + "<subject id=\"A2\" name=\"История\" short=\"Ист\"/></subjects>");

        AscMatching.Result result = new AscFixtures.Directories().explicit(Kind.SUBJECT, "Астр", "ASTRO-404", "Ист", "HIST")
                .candidates(Kind.SUBJECT, "HIST", "История России").match(t);

        assertThat(result.subjects()).containsOnly(java.util.Map.entry("A2", "HIST"));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("MAPPING_TARGET_UNKNOWN");
            assertThat(error.message()).contains("«Астр» → «ASTRO-404»").contains("предмет Астр (Астрономия) [A1]").contains("asc.subjects");
        });
        assertThat(result.matchedKeys()).containsExactly("subject Ист");
    }
}
