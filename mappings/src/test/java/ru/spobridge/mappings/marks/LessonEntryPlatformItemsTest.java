package ru.spobridge.mappings.marks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.spobridge.mappings.WireNames;
import ru.spobridge.model.journal.LessonEntry;

/** A lesson entry in each platform's own naming (docs/темы-занятий.md). */
class LessonEntryPlatformItemsTest {

    private static final String KEY = "les-2026-09-07-2-ИСП-21-ОП.01";

    private static LessonEntry entry(Integer lessonNo, String topic, Integer workNo, String homework) {
        return new LessonEntry("perm-1", KEY, 2, LocalDate.parse("2026-09-07"), 2, "ИСП-21", "ОП.01", "per-t1", lessonNo, topic, workNo, homework,
                Instant.parse("2026-09-07T09:15:00Z"), Instant.parse("2026-09-07T09:20:00Z"), false);
    }

    @Test
    void each_platform_names_the_fields_its_own_way() {
        assertThat(WireNames.of(LessonEntryPlatformItems.EposLessonTopic.class))
                .containsExactly("external_id", "lesson_key", "lesson_no", "topic", "work_no", "homework", "recorded_at");
        assertThat(WireNames.of(LessonEntryPlatformItems.SgoTheme.class))
                .containsExactly("externalId", "lessonKey", "lessonNo", "theme", "workNo", "homework", "recordedAt");
        assertThat(WireNames.of(LessonEntryPlatformItems.AisEpoTopic.class))
                .containsExactly("externalId", "lessonKey", "orderNo", "topic", "workNo", "homework", "recordedAt");
    }

    @Test
    void each_platform_gets_the_lesson_key_as_its_id_and_the_topic_work_number_homework_and_time_as_written() {
        LessonEntry full = entry(14, "Практическая работа № 3", 3, "Задачи 5–7");

        assertThat(LessonEntryPlatformItems.toEpos(full)).isEqualTo(new LessonEntryPlatformItems.EposLessonTopic(KEY, KEY, 14,
                "Практическая работа № 3", 3, "Задачи 5–7", "2026-09-07T09:15:00Z"));
        assertThat(LessonEntryPlatformItems.toSgo(full)).isEqualTo(new LessonEntryPlatformItems.SgoTheme(KEY, KEY, 14,
                "Практическая работа № 3", 3, "Задачи 5–7", "2026-09-07T09:15:00Z"));
        assertThat(LessonEntryPlatformItems.toAisEpo(full)).isEqualTo(new LessonEntryPlatformItems.AisEpoTopic(KEY, KEY, 14,
                "Практическая работа № 3", 3, "Задачи 5–7", "2026-09-07T09:15:00Z"));
    }

    @Test
    void what_the_journal_lacks_stays_absent_so_the_item_leaves_it_out() {
        LessonEntry bare = entry(null, null, null, null);

        assertThat(LessonEntryPlatformItems.toEpos(bare)).isEqualTo(new LessonEntryPlatformItems.EposLessonTopic(KEY, KEY, null, null, null,
                null, "2026-09-07T09:15:00Z"));
        assertThat(LessonEntryPlatformItems.toSgo(bare).theme()).isNull();
        assertThat(LessonEntryPlatformItems.toAisEpo(bare).orderNo()).isNull();
    }
}
