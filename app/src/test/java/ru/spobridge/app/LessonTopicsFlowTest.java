package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.journal.JournalSimulator;
import ru.spobridge.simulators.journal.JournalSimulator.LessonNote;

/** Lesson topics, work numbers and homework from the college journal to the three platforms (seed 002 §3.8–3.9). */
class LessonTopicsFlowTest extends HubIntegrationTest {

    private static final List<String> COLLEGES = List.of("test-college", "test-sgo", "test-aisepo");
    private static final String LESSON = "dbg:2026-09-07:2:ИСП-21:ОП.01";
    /** 10:40 in Perm on the lesson day. */
    private static final Instant ON_THE_DAY = Instant.parse("2026-09-07T05:40:00Z");

    @Autowired
    private JournalSimulator journal;
    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private MarksReports reports;

    @BeforeEach
    void emptyJournal() {
        journal.reset();
        clock.set(Instant.parse("2026-09-08T06:00:00Z"));
    }

    @Test
    void a_topic_with_homework_reaches_each_platform_in_its_naming_a_correction_replaces_it_and_a_withdrawal_deletes_it() {
        for (String college : COLLEGES) {
            journal.putLessonEntry(college, LESSON, "per-t1", new LessonNote(3, "Практическая работа № 1. Установка операционной системы", 1,
                    "Отчёт по практической работе"), ON_THE_DAY);
            SyncRuns.Run run = pull(college);
            assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
            assertThat(runs.get(run.id()).orElseThrow().sourceCounts()).as("what the pull read, in the journal's terms")
                    .isEqualTo(Map.of("отметок", 0, "пропусков", 0, "записей занятий", 1, "страниц", 1));
        }

        assertThat(epos.lessonTopics("test-college").get(LESSON)).containsEntry("lesson_key", LESSON).containsEntry("lesson_no", 3)
                .containsEntry("topic", "Практическая работа № 1. Установка операционной системы").containsEntry("work_no", 1)
                .containsEntry("homework", "Отчёт по практической работе").containsEntry("recorded_at", "2026-09-07T05:40:00Z");
        assertThat(sgo.lessonTopics("test-sgo").get(LESSON)).containsEntry("lessonKey", LESSON).containsEntry("lessonNo", 3)
                .containsEntry("theme", "Практическая работа № 1. Установка операционной системы").containsEntry("workNo", 1)
                .containsEntry("homework", "Отчёт по практической работе").containsEntry("recordedAt", "2026-09-07T05:40:00Z");
        assertThat(aisepo.lessonTopics("test-aisepo").get(LESSON)).containsEntry("lessonKey", LESSON).containsEntry("orderNo", 3)
                .containsEntry("topic", "Практическая работа № 1. Установка операционной системы").containsEntry("workNo", 1)
                .containsEntry("homework", "Отчёт по практической работе");

        for (String college : COLLEGES) {
            journal.putLessonEntry(college, LESSON, "per-t1", new LessonNote(3, "Практическая работа № 1. Установка операционной системы", 1,
                    "Отчёт по практической работе, вопросы 1–3"), ON_THE_DAY.plusSeconds(600));
            pull(college);
        }
        assertThat(epos.lessonTopics("test-college").get(LESSON)).containsEntry("homework", "Отчёт по практической работе, вопросы 1–3");
        assertThat(sgo.lessonTopics("test-sgo").get(LESSON)).containsEntry("homework", "Отчёт по практической работе, вопросы 1–3");
        assertThat(aisepo.lessonTopics("test-aisepo").get(LESSON)).containsEntry("homework", "Отчёт по практической работе, вопросы 1–3");

        for (String college : COLLEGES) {
            journal.delete(college, JournalSimulator.LESSON, LESSON);
            pull(college);
        }
        assertThat(epos.lessonTopics("test-college")).isEmpty();
        assertThat(sgo.lessonTopics("test-sgo")).isEmpty();
        assertThat(aisepo.lessonTopics("test-aisepo")).isEmpty();
        assertThat(epos.deletions("test-college", LESSON)).isEqualTo(1);
        assertThat(sgo.deletions("test-sgo", LESSON)).isEqualTo(1);
        assertThat(aisepo.deletions("test-aisepo", LESSON)).isEqualTo(1);
    }

    @Test
    void a_topic_recorded_after_the_lesson_day_is_delivered_and_reported_late_an_empty_topic_passes_and_an_unknown_lesson_is_refused() {
        journal.putLessonEntry(COLLEGE, LESSON, "per-t1", new LessonNote(4, "Классификация операционных систем", null, "§2"),
                Instant.parse("2026-09-08T04:00:00Z"));
        journal.putLessonEntry(COLLEGE, "dbg:2026-09-07:3:ИСП-21:ОП.01", "per-t1", new LessonNote(5, "", null, null), ON_THE_DAY);
        journal.putLessonEntry(COLLEGE, "dbg:2026-09-07:1:ИСП-21:ОП.01", "per-t1", new LessonNote(2, "Введение", null, "§1"), ON_THE_DAY);
        journal.describeLesson(COLLEGE, "les-2026-09-07-9-НЕТ-ОП.01", new JournalSimulator.Lesson(java.time.LocalDate.parse("2026-09-07"), 9,
                "НЕТ", "ОП.01"));
        journal.putLessonEntry(COLLEGE, "les-2026-09-07-9-НЕТ-ОП.01", "per-t1", new LessonNote(1, "Введение", null, "§1"), ON_THE_DAY);

        SyncRuns.Run run = pull(COLLEGE);

        assertThat(run.rejected()).isEqualTo(1);
        assertThat(epos.lessonTopics(COLLEGE)).as("an empty topic is the journal-quality check's finding, not a refusal")
                .containsOnlyKeys(LESSON, "dbg:2026-09-07:3:ИСП-21:ОП.01", "dbg:2026-09-07:1:ИСП-21:ОП.01");
        assertThat(epos.lessonTopics(COLLEGE).get("dbg:2026-09-07:3:ИСП-21:ОП.01")).doesNotContainKeys("topic", "homework");
        Map<String, String> codes = new HashMap<>();
        jdbc.queryForList("SELECT entity_key, field, code FROM rejected_record WHERE resolved_at IS NULL AND entity_type = 'lesson_entry'")
                .forEach(row -> codes.put((String) row.get("entity_key"), row.get("field") + "/" + row.get("code")));
        assertThat(codes).containsExactly(Map.entry("les-2026-09-07-9-НЕТ-ОП.01", "lessonKey/UNKNOWN_LESSON"));
        assertThat(reports.late(COLLEGE)).singleElement().satisfies(row -> {
            assertThat(row.group()).isEqualTo("ИСП-21");
            assertThat(row.teacherId()).isEqualTo("per-t1");
            assertThat(row.lateLessonEntries()).singleElement().satisfies(late -> {
                assertThat(late.lessonKey()).isEqualTo(LESSON);
                assertThat(late.due()).hasToString("2026-09-07");
                assertThat(late.recorded()).hasToString("2026-09-08");
            });
        });
    }

    private SyncRuns.Run pull(String college) {
        Exchange exchange = camel.request(MarksRoutes.PULL, ex -> ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, college,
                FlowHeaders.TRIGGER, "test")));
        return awaitRun(exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class));
    }
}
