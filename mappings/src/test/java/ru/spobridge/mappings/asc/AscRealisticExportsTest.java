package ru.spobridge.mappings.asc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.asc.AscMatching.Kind;
import ru.spobridge.model.schedule.Lesson;

/**
 * Two exports shaped like real ones, each over 300 cards (src/test/resources/asc/realistic, written by generate.py):
 * ab-weeks.xml — aSc 2012, 5-day week, weeks A/B, two terms, joint lectures in two rooms, a two-bell practicum sent
 * as two cards; six-days.xml — aSc 2024, 6-day week, classes split into subgroups by divisiontag. Each row is a
 * period and the exact cards, lessons and dated lessons it must give.
 */
class AscRealisticExportsTest {

    private static final LocalDate WEEK_A = LocalDate.of(2026, 9, 7);

    private static AscTimetableParser.Result parse(String file) {
        return AscFixtures.parse("realistic/" + file);
    }

    /** The college's directories hold every element of the file, coded by its short name. */
    private static AscMatching.Result matched(AscTimetable t) {
        AscFixtures.Directories directories = new AscFixtures.Directories();
        directories.candidates.put(Kind.TEACHER, codes(t.teachers(), AscTimetable.Teacher::shortName, AscTimetable.Teacher::name));
        directories.candidates.put(Kind.GROUP, codes(t.classes(), AscTimetable.SchoolClass::shortName, AscTimetable.SchoolClass::name));
        directories.candidates.put(Kind.ROOM, codes(t.classrooms(), AscTimetable.Classroom::shortName, AscTimetable.Classroom::name));
        directories.candidates.put(Kind.SUBJECT, codes(t.subjects(), AscTimetable.Subject::shortName, AscTimetable.Subject::name));
        return directories.match(t);
    }

    private static <T> Map<String, String> codes(List<T> elements, Function<T, String> code, Function<T, String> name) {
        Map<String, String> codes = new LinkedHashMap<>();
        elements.forEach(element -> codes.put(code.apply(element), name.apply(element)));
        return codes;
    }

    private static AscExpansion.Result expand(String file, LocalDate from, LocalDate to, int term) {
        AscTimetableParser.Result parsed = parse(file);
        AscMatching.Result matches = matched(parsed.timetable());
        assertThat(matches.errors()).as("every element of %s is matched", file).isEmpty();
        return AscExpansion.expand("c1", parsed.timetable(), matches, from, to, WEEK_A, term);
    }

    @ParameterizedTest(name = "{0} {1}..{2} term {3}: {4} cards, {5} lessons → {6} dated, {7} cards outside")
    @CsvSource({
            // file,        from,       to,         term, cards, lessons, dated, skipped
            "ab-weeks.xml,  2026-09-07, 2026-09-13, 1,    328,   168,     288,   48",
            "ab-weeks.xml,  2026-09-14, 2026-09-20, 1,    328,   168,     288,   48",
            "ab-weeks.xml,  2026-09-07, 2026-09-20, 1,    328,   168,     576,   16",
            "ab-weeks.xml,  2026-09-07, 2026-09-13, 2,    328,   168,     304,   32",
            "six-days.xml,  2026-09-07, 2026-09-13, 1,    326,   130,     326,   0",
            "six-days.xml,  2026-09-07, 2026-09-20, 1,    326,   130,     652,   0",
    })
    void each_export_expands_to_exactly_its_dated_lessons(String file, LocalDate from, LocalDate to, int term, int cards, int lessons,
                                                          int dated, int skipped) {
        AscTimetableParser.Result parsed = parse(file);
        AscExpansion.Result result = expand(file, from, to, term);

        assertThat(parsed.refused()).isFalse();
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cardsRead()).isEqualTo(cards);
        assertThat(parsed.lessonsRead()).isEqualTo(lessons);
        assertThat(result.errors()).as("no false OVERLAP or PERIOD_NOT_IN_BELLS").isEmpty();
        assertThat(result.rejectedCards()).isZero();
        assertThat(result.lessons()).hasSize(dated);
        assertThat(result.skippedCards()).isEqualTo(skipped);
        assertThat(result.lessons()).extracting(Lesson::key).doesNotHaveDuplicates();
    }

    @Test
    void the_versions_of_both_exports_are_read() {
        assertThat(parse("ab-weeks.xml").timetable().version()).isEqualTo("2012.6.4");
        assertThat(parse("six-days.xml").timetable().version()).isEqualTo("2024.12.1");
    }

    @Test
    void week_a_takes_the_a_card_and_week_b_the_b_card_of_the_same_bell() {
        AscExpansion.Result twoWeeks = expand("ab-weeks.xml", WEEK_A, WEEK_A.plusDays(13), 1);

        assertThat(twoWeeks.lessons()).filteredOn(l -> l.groupCode().equals("ИСП-211") && l.bellNo() == 4)
                .extracting(Lesson::date, Lesson::disciplineCode).containsExactly(
                        tuple(LocalDate.of(2026, 9, 7), "МДК0102"), tuple(LocalDate.of(2026, 9, 9), "МДК0102"),
                        tuple(LocalDate.of(2026, 9, 14), "ОП04"), tuple(LocalDate.of(2026, 9, 16), "ОП04"));
    }

    @Test
    void a_second_term_card_is_placed_only_in_the_second_term() {
        assertThat(expand("ab-weeks.xml", WEEK_A, WEEK_A.plusDays(6), 1).lessons()).noneMatch(l -> l.disciplineCode().equals("ОП05"));
        assertThat(expand("ab-weeks.xml", WEEK_A, WEEK_A.plusDays(6), 2).lessons()).filteredOn(l -> l.disciplineCode().equals("ОП05"))
                .hasSize(16).allSatisfy(l -> {
                    assertThat(l.date()).isEqualTo(LocalDate.of(2026, 9, 11));
                    assertThat(l.roomCode()).as("a card without a room").isNull();
                });
    }

    @Test
    void a_two_bell_practicum_sent_as_two_cards_gives_one_lesson_per_bell() {
        AscExpansion.Result week = expand("ab-weeks.xml", WEEK_A, WEEK_A.plusDays(6), 1);

        assertThat(week.lessons()).filteredOn(l -> l.groupCode().equals("ИСП-211") && l.date().equals(LocalDate.of(2026, 9, 10)))
                .extracting(Lesson::bellNo, Lesson::start, Lesson::end, Lesson::disciplineCode).containsExactly(
                        tuple(1, LocalTime.of(8, 30), LocalTime.of(10, 0), "ЕН01"),
                        tuple(2, LocalTime.of(10, 10), LocalTime.of(11, 40), "МДК0101"),
                        tuple(3, LocalTime.of(12, 10), LocalTime.of(13, 40), "МДК0101"));
    }

    @Test
    void a_joint_lecture_reaches_both_classes_with_both_teachers_and_both_rooms() {
        AscExpansion.Result week = expand("ab-weeks.xml", WEEK_A, WEEK_A.plusDays(6), 1);

        assertThat(week.lessons()).filteredOn(l -> l.bellNo() == 5).hasSize(16);
        assertThat(week.lessons()).filteredOn(l -> l.bellNo() == 5 && l.disciplineCode().equals("ЕН02") && l.roomCode().equals("201"))
                .extracting(Lesson::date, Lesson::groupCode, Lesson::teacherIds, Lesson::otherRoomCodes).containsExactly(
                        tuple(LocalDate.of(2026, 9, 8), "ИСП-211", List.of("АбраА", "БелоБ"), List.of("202")),
                        tuple(LocalDate.of(2026, 9, 8), "ИСП-212", List.of("АбраА", "БелоБ"), List.of("202")));
    }

    @Test
    void subgroups_of_one_division_share_a_bell_and_saturday_is_a_school_day() {
        AscExpansion.Result week = expand("six-days.xml", WEEK_A, WEEK_A.plusDays(6), 1);

        assertThat(week.lessons()).filteredOn(l -> l.groupCode().equals("СВ-01") && l.date().equals(WEEK_A) && l.bellNo() == 3)
                .extracting(Lesson::subgroupCode, Lesson::roomCode).containsExactly(tuple("1", "Лаб1"), tuple("2", "Лаб2"));
        assertThat(week.lessons()).filteredOn(l -> l.date().equals(LocalDate.of(2026, 9, 12))).hasSize(14 * 2 + 7 * 2 + 4);
        assertThat(week.lessons()).filteredOn(l -> l.date().equals(LocalDate.of(2026, 9, 12)) && l.bellNo() == 4)
                .hasSize(4).allSatisfy(l -> assertThat(l.teacherIds()).hasSize(2));
        assertThat(week.lessons()).filteredOn(l -> l.roomCode() == null).hasSize(14 * 2 + 4);
        assertThat(week.lessons()).noneMatch(l -> l.date().equals(LocalDate.of(2026, 9, 13)));
    }
}
