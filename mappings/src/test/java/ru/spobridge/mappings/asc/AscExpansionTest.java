package ru.spobridge.mappings.asc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.asc.AscMatching.Kind;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.schedule.LessonStatus;

class AscExpansionTest {

    private static final LocalDate MONDAY_A = LocalDate.of(2025, 9, 1);

    private static AscExpansion.Result collegeWeek(LocalDate from, LocalDate to) {
        AscTimetable t = AscFixtures.parse("college-week.xml").timetable();
        return AscExpansion.expand("c1", t, AscFixtures.collegeWeek().match(t), from, to, MONDAY_A);
    }

    private static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
    }

    @Test
    void a_week_a_expands_to_exactly_the_dated_lessons_of_its_cards() {
        AscExpansion.Result result = collegeWeek(MONDAY_A, MONDAY_A.plusDays(6));

        assertThat(result.errors()).isEmpty();
        assertThat(result.lessons()).extracting(Lesson::date, Lesson::bellNo, Lesson::start, Lesson::end, Lesson::groupCode, Lesson::subgroupCode,
                Lesson::disciplineCode, Lesson::teacherIds, Lesson::roomCode).containsExactly(
                tuple(LocalDate.of(2025, 9, 1), 1, time("8:30"), time("10:00"), "grp-22", null, "MATH", List.of("t-obraztsov"), "301"),
                tuple(LocalDate.of(2025, 9, 1), 1, time("8:30"), time("10:00"), "ТМ-21", null, "MATH", List.of("t-obraztsov"), "301"),
                tuple(LocalDate.of(2025, 9, 2), 2, time("10:10"), time("11:40"), "ТМ-21", "1", "МДК.01.01", List.of("t-primerova"), "214"),
                tuple(LocalDate.of(2025, 9, 2), 2, time("10:10"), time("11:40"), "ТМ-21", "2", "МДК.01.01", List.of("t-obraztsov"), "215"),
                tuple(LocalDate.of(2025, 9, 3), 3, time("12:10"), time("13:40"), "ТМ-21", null, "ENG", List.of("t-testova", "t-probnaya"), null),
                tuple(LocalDate.of(2025, 9, 4), 3, time("12:10"), time("13:40"), "grp-22", null, "PE", List.of("t-primerova"), "gym"),
                tuple(LocalDate.of(2025, 9, 4), 4, time("13:50"), time("15:20"), "grp-22", null, "PE", List.of("t-primerova"), "gym"),
                tuple(LocalDate.of(2025, 9, 5), 0, time("7:45"), time("8:25"), "ТМ-21", null, "HIST", List.of("t-obraztsov"), "301"));
        assertThat(result.lessons()).allSatisfy(lesson -> {
            assertThat(lesson.collegeId()).isEqualTo("c1");
            assertThat(lesson.status()).isEqualTo(LessonStatus.PLANNED);
            assertThat(lesson.substituteTeacherId()).isNull();
        });
    }

    @Test
    void week_b_places_the_b_card_instead_of_the_a_card_in_the_same_bell() {
        AscExpansion.Result result = collegeWeek(MONDAY_A.plusDays(4), MONDAY_A.plusDays(18));

        assertThat(result.lessons()).filteredOn(lesson -> lesson.bellNo() == 0).extracting(Lesson::date, Lesson::disciplineCode).containsExactly(
                tuple(LocalDate.of(2025, 9, 5), "HIST"), tuple(LocalDate.of(2025, 9, 12), "MATH"), tuple(LocalDate.of(2025, 9, 19), "HIST"));
    }

    @Test
    void weeks_are_counted_from_the_term_start_even_before_it() {
        AscTimetable t = AscFixtures.parse("college-week.xml").timetable();

        AscExpansion.Result result = AscExpansion.expand("c1", t, AscFixtures.collegeWeek().match(t), LocalDate.of(2025, 8, 29),
                LocalDate.of(2025, 8, 29), MONDAY_A.plusDays(2));

        assertThat(result.lessons()).singleElement().extracting(Lesson::disciplineCode).isEqualTo("MATH");
    }

    @Test
    void a_third_party_day_number_is_the_position_in_the_days_table_and_lesson_weeks_apply() {
        AscTimetable t = AscFixtures.parse("third-party-days.xml").timetable();
        AscMatching.Result matches = new AscFixtures.Directories().candidates(Kind.TEACHER, "t-obraztsov", "Образцов Виктор Геннадьевич")
                .candidates(Kind.GROUP, "ТМ-22", "ТМ-22").candidates(Kind.ROOM, "301", "301").candidates(Kind.SUBJECT, "MATH", "Математика").match(t);

        AscExpansion.Result result = AscExpansion.expand("c1", t, matches, MONDAY_A, MONDAY_A.plusDays(13), MONDAY_A);

        assertThat(matches.errors()).isEmpty();
        assertThat(result.errors()).isEmpty();
        assertThat(result.lessons()).singleElement().satisfies(lesson -> {
            assertThat(lesson.date()).isEqualTo(LocalDate.of(2025, 9, 6));
            assertThat(lesson.bellNo()).isEqualTo(2);
            assertThat(lesson.roomCode()).isEqualTo("301");
            assertThat(lesson.groupCode()).isEqualTo("ТМ-22");
        });
    }

    @Test
    void faulty_cards_are_refused_one_by_one_and_the_others_still_become_lessons() {
        AscTimetable t = AscFixtures.parse("faulty-cards.xml").timetable();
        AscMatching.Result matches = new AscFixtures.Directories().explicit(Kind.TEACHER, "ПримА", "t1", "ОбрВ", "t2").candidates(Kind.TEACHER, "t1", "", "t2", "")
                .candidates(Kind.SUBJECT, "MATH", "Математика", "HIST", "История").candidates(Kind.GROUP, "ТМ-21", "ТМ-21")
                .candidates(Kind.ROOM, "214", "214").match(t);

        AscExpansion.Result result = AscExpansion.expand("c1", t, matches, MONDAY_A, MONDAY_A.plusDays(6), MONDAY_A);

        assertThat(matches.errors()).isEmpty();
        assertThat(result.errors()).extracting(RecordError::recordKey, RecordError::field, RecordError::code).containsExactly(
                tuple("card lessonid=LB period=1 days=10000", "period", "OVERLAP"),
                tuple("card lessonid=LE period=1 days=01000", "period", "OVERLAP"),
                tuple("card lessonid=LF period=1 days=00100", "teacherids", "UNKNOWN_TEACHER"),
                tuple("card lessonid=LG period=1 days=00010", "card", "DUPLICATE_CARD"),
                tuple("card lessonid=LH period=2 days=00001", "classroomids", "UNKNOWN_ROOM"),
                tuple("card lessonid=LI period=5 days=00001", "period", "PERIOD_NOT_IN_BELLS"),
                tuple("card lessonid=LZ period=2 days=00100", "lessonid", "UNKNOWN_LESSON"));
        assertThat(result.errors().get(0).message()).contains("card lessonid=LA period=1 days=10000");
        assertThat(result.errors().get(2).message()).contains("teacher id=T9").contains("отсутствует в файле");
        assertThat(result.lessons()).extracting(Lesson::date, Lesson::groupCode, Lesson::subgroupCode, Lesson::disciplineCode).containsExactly(
                tuple(LocalDate.of(2025, 9, 1), "ТМ-21", null, "MATH"),
                tuple(LocalDate.of(2025, 9, 2), "ТМ-21", "1", "MATH"),
                tuple(LocalDate.of(2025, 9, 2), "ТМ-21", "2", "HIST"),
                tuple(LocalDate.of(2025, 9, 4), "ТМ-21", null, "MATH"));
    }

    @Test
    void a_card_whose_teacher_is_in_the_file_but_not_matched_is_refused_as_unknown_teacher() {
        AscTimetable t = AscFixtures.parse("college-week.xml").timetable();
        AscFixtures.Directories directories = AscFixtures.collegeWeek();
        directories.explicit.remove(Kind.TEACHER);
        AscMatching.Result matches = directories.match(t);

        AscExpansion.Result result = AscExpansion.expand("c1", t, matches, MONDAY_A, MONDAY_A.plusDays(6), MONDAY_A);

        assertThat(matches.errors()).extracting(RecordError::recordKey, RecordError::code).containsExactly(tuple("teacher П***Ж", "UNMATCHED_TEACHER"));
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.recordKey()).isEqualTo("card lessonid=L4 period=3 days=00100");
            assertThat(error.code()).isEqualTo("UNKNOWN_TEACHER");
            assertThat(error.message()).contains("не сопоставлен").contains("преподаватель П***Ж [T4]").doesNotContain("Пробная");
        });
        assertThat(result.lessons()).hasSize(7).noneMatch(lesson -> lesson.disciplineCode().equals("ENG"));
    }

    @Test
    void a_whole_group_and_its_subgroup_in_one_bell_overlap_while_a_card_in_an_empty_term_places_nothing() {
        AscTimetable t = AscFixtures.parse("faulty-cards.xml").timetable();
        AscMatching.Result matches = new AscFixtures.Directories().explicit(Kind.TEACHER, "ПримА", "t1", "ОбрВ", "t2").candidates(Kind.TEACHER, "t1", "", "t2", "")
                .candidates(Kind.SUBJECT, "MATH", "Математика", "HIST", "История").candidates(Kind.GROUP, "ТМ-21", "ТМ-21").match(t);
        AscTimetable wholeThenSubgroup = new AscTimetable(t.version(), t.periods(), t.daysDefs(), t.weeksDefs(), t.termsDefs(), t.days(),
                t.subjects(), t.teachers(), t.buildings(), t.classrooms(), t.classes(), t.groups(), t.lessons(),
                List.of(new AscTimetable.Card("LG", 1, "10000", null, "1", "1", List.of()), new AscTimetable.Card("LC", 1, "10000", null, "1", "1", List.of()),
                        new AscTimetable.Card("LD", 1, "10000", null, "1", "0", List.of())));

        AscExpansion.Result result = AscExpansion.expand("c1", wholeThenSubgroup, matches, MONDAY_A, MONDAY_A.plusDays(6), MONDAY_A);

        assertThat(result.errors()).singleElement().extracting(RecordError::recordKey, RecordError::code)
                .containsExactly("card lessonid=LC period=1 days=10000", "OVERLAP");
        assertThat(result.lessons()).singleElement().extracting(Lesson::subgroupCode).isNull();
    }
}
