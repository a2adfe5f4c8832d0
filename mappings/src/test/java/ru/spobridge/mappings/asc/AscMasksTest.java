package ru.spobridge.mappings.asc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.asc.AscMatching.Kind;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.schedule.Lesson;

/** Day, week and term masks as positional strings, and the lesson's definitions used when a card leaves one out. */
class AscMasksTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

    /** One class, one subject, one teacher; the cards and their lesson's definitions vary. */
    private static AscExpansion.Result expand(String lessonDefs, String cardColumns, String cards, LocalDate to, int term) {
        String xml = "<timetable ascttversion=\"2015.3.1\"><periods columns=\"period,starttime,endtime\"><period period=\"1\" starttime=\"8:30\" endtime=\"10:00\"/>"
                + "<period period=\"2\" starttime=\"10:10\" endtime=\"11:40\"/></periods>"
                + "<daysdefs columns=\"id,days\"><daysdef id=\"ANY\" days=\"100000,010000,001000,000100,000010,000001\"/><daysdef id=\"SAT\" days=\"000001\"/></daysdefs>"
                + "<weeksdefs columns=\"id,weeks\"><weeksdef id=\"B\" weeks=\"01\"/><weeksdef id=\"AB\" weeks=\"10,01\"/></weeksdefs>"
                + "<termsdefs columns=\"id,terms\"><termsdef id=\"T2\" terms=\"01\"/></termsdefs>"
                + "<subjects columns=\"id,short\"><subject id=\"S\" short=\"MATH\"/></subjects><teachers columns=\"id,short\"><teacher id=\"P\" short=\"PP\"/></teachers>"
                + "<classes columns=\"id,short\"><class id=\"C\" short=\"ГР-1\"/></classes>"
                + "<lessons columns=\"id,subjectid,classids,teacherids,daysdefid,weeksdefid,termsdefid\"><lesson id=\"L\" subjectid=\"S\" classids=\"C\" teacherids=\"P\" "
                + lessonDefs + "/></lessons><cards columns=\"" + cardColumns + "\">" + cards + "</cards></timetable>";
        AscTimetableParser.Result parsed = AscTimetableParser.parse("m.xml", new StringReader(xml));
        assertThat(parsed.errors()).isEmpty();
        AscMatching.Result matches = new AscFixtures.Directories().candidates(Kind.SUBJECT, "MATH", "").candidates(Kind.TEACHER, "PP", "")
                .candidates(Kind.GROUP, "ГР-1", "").match(parsed.timetable());
        return AscExpansion.expand("c1", parsed.timetable(), matches, MONDAY, to, MONDAY, term);
    }

    @Test
    void a_card_with_empty_days_takes_its_lesson_s_only_day_and_a_six_day_mask_reaches_saturday() {
        AscExpansion.Result result = expand("daysdefid=\"SAT\"", "lessonid,period,days", "<card lessonid=\"L\" period=\"1\" days=\"\"/>", MONDAY.plusDays(6), 1);

        assertThat(result.lessons()).extracting(Lesson::date, Lesson::bellNo).containsExactly(tuple(LocalDate.of(2026, 9, 12), 1));
    }

    @Test
    void a_card_with_empty_days_whose_lesson_may_be_any_day_is_refused_as_having_no_day() {
        AscExpansion.Result result = expand("daysdefid=\"ANY\"", "lessonid,period,days", "<card lessonid=\"L\" period=\"1\" days=\"\"/>", MONDAY.plusDays(6), 1);

        assertThat(result.lessons()).isEmpty();
        assertThat(result.errors()).extracting(RecordError::field, RecordError::code).containsExactly(tuple("days", "REQUIRED"));
        assertThat(result.rejectedCards()).isEqualTo(1);
    }

    @Test
    void week_mask_01_is_week_b_only_and_the_lesson_s_weeks_apply_when_the_card_has_none() {
        AscExpansion.Result card = expand("", "lessonid,period,days,weeks", "<card lessonid=\"L\" period=\"1\" days=\"100000\" weeks=\"01\"/>",
                MONDAY.plusDays(13), 1);
        AscExpansion.Result lesson = expand("weeksdefid=\"B\"", "lessonid,period,days", "<card lessonid=\"L\" period=\"1\" days=\"100000\"/>",
                MONDAY.plusDays(13), 1);

        assertThat(card.lessons()).extracting(Lesson::date).containsExactly(LocalDate.of(2026, 9, 14));
        assertThat(lesson.lessons()).extracting(Lesson::date).containsExactly(LocalDate.of(2026, 9, 14));
    }

    @Test
    void a_card_outside_the_week_asked_is_counted_as_skipped_not_dropped_silently() {
        AscExpansion.Result weekA = expand("", "lessonid,period,days,weeks", "<card lessonid=\"L\" period=\"1\" days=\"100000\" weeks=\"01\"/>"
                + "<card lessonid=\"L\" period=\"2\" days=\"100000\" weeks=\"11\"/>", MONDAY.plusDays(6), 1);

        assertThat(weekA.lessons()).extracting(Lesson::bellNo).containsExactly(2);
        assertThat(weekA.skippedCards()).isEqualTo(1);
        assertThat(weekA.errors()).isEmpty();
    }

    @Test
    void term_mask_01_is_the_second_term_only_and_1_is_the_whole_year() {
        String cards = "<card lessonid=\"L\" period=\"1\" days=\"100000\" terms=\"01\"/><card lessonid=\"L\" period=\"2\" days=\"100000\" terms=\"1\"/>";

        assertThat(expand("", "lessonid,period,days,terms", cards, MONDAY, 1).lessons()).extracting(Lesson::bellNo).containsExactly(2);
        assertThat(expand("", "lessonid,period,days,terms", cards, MONDAY, 2).lessons()).extracting(Lesson::bellNo).containsExactly(1, 2);
        assertThat(expand("termsdefid=\"T2\"", "lessonid,period,days", "<card lessonid=\"L\" period=\"1\" days=\"100000\"/>", MONDAY, 1)
                .skippedCards()).as("the lesson's only term applies to a card without terms").isEqualTo(1);
    }
}
