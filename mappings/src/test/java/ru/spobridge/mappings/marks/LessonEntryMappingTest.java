package ru.spobridge.mappings.marks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.journal.LessonEntry;

/** The journal's lesson change → a lesson entry: what is refused (by field) and what passes to the quality check. */
class LessonEntryMappingTest {

    private static final Instant NOW = Instant.parse("2026-09-08T06:00:00Z");
    private static final String KEY = "dbg:2026-09-07:2:ИСП-21:ОП.01";

    private static JournalChange lesson(String op, String lessonKey, String date, String bell, String lessonNo, String topic, String workNo,
                                        String homework, String recordedAt) {
        return new JournalChange(7, "lesson", op, lessonKey, 3, null, lessonKey, date, bell, "ИСП-21", "ОП.01", "per-t1", null, null, null,
                false, null, lessonNo, topic, workNo, homework, recordedAt);
    }

    @Test
    void every_field_of_a_lesson_entry_is_read() {
        LessonEntry entry = LessonEntryMapping.toLessonEntry("perm-1", lesson("upsert", " " + KEY + " ", "2026-09-07", "2", "14",
                " Практическая работа № 3. Расчёт цепи ", "3", "Задачи 5–7", "2026-09-07T09:15:00Z"), NOW).value();

        assertThat(entry).isEqualTo(new LessonEntry("perm-1", KEY, 3, java.time.LocalDate.parse("2026-09-07"), 2, "ИСП-21", "ОП.01", "per-t1",
                14, "Практическая работа № 3. Расчёт цепи", 3, "Задачи 5–7", Instant.parse("2026-09-07T09:15:00Z"), NOW, false));
    }

    /** Columns: lesson key, date, bell, КТП number, topic, work number, homework, recorded at; then what passes. */
    @ParameterizedTest(name = "{8}: {9}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        KEY + "|2026-09-07|2|14|Тема|-|-|2026-09-07T09:15:00Z|ok|-",
        KEY + "|2026-09-07|-|-|-|-|-|2026-09-07T09:15:00Z|ok: no bell, no КТП number, no topic, no homework|-",
        KEY + "|2026-09-07|2|14|'   '|-|''|2026-09-07T09:15:00Z|ok: a blank topic is a quality finding|-",
        "-|2026-09-07|2|14|Тема|-|-|2026-09-07T09:15:00Z|no lesson key|lessonKey/REQUIRED",
        "'  '|2026-09-07|2|14|Тема|-|-|2026-09-07T09:15:00Z|blank lesson key|lessonKey/REQUIRED",
        KEY + "|-|2|14|Тема|-|-|2026-09-07T09:15:00Z|no date|date/REQUIRED",
        "les-2026-09-07-2-ИСП-21-ОП.01|-|2|14|Тема|-|-|2026-09-07T09:15:00Z|ok: the date of a schedule key, as for marks|-",
        "les-2026-13-07-2-ИСП-21-ОП.01|-|2|14|Тема|-|-|2026-09-07T09:15:00Z|a schedule key with an impossible date|lessonKey/INVALID_DATE",
        KEY + "|2026-02-30|2|14|Тема|-|-|2026-09-07T09:15:00Z|impossible date|date/INVALID_DATE",
        KEY + "|2026-09-07|вторая|14|Тема|-|-|2026-09-07T09:15:00Z|bell not a number|bell/INVALID_FORMAT",
        KEY + "|2026-09-07|2|0|Тема|-|-|2026-09-07T09:15:00Z|КТП number zero|lessonNo/INVALID_VALUE",
        KEY + "|2026-09-07|2|14а|Тема|-|-|2026-09-07T09:15:00Z|КТП number not a number|lessonNo/INVALID_FORMAT",
        KEY + "|2026-09-07|2|14|Тема|-3|-|2026-09-07T09:15:00Z|negative work number|workNo/INVALID_VALUE",
        KEY + "|2026-09-07|2|14|Тема|-|-|-|not when recorded|recordedAt/REQUIRED",
        KEY + "|2026-09-07|2|14|Тема|-|-|07.09.2026 10:15|recorded at in a local format|recordedAt/INVALID_FORMAT",
    })
    void a_lesson_entry_is_refused_by_the_field_at_fault_and_only_then(String key, String date, String bell, String lessonNo, String topic,
                                                                       String workNo, String homework, String recordedAt, String label,
                                                                       String refusal) {
        Mapped<LessonEntry> mapped = LessonEntryMapping.toLessonEntry("perm-1", lesson("upsert", key, date, bell, lessonNo, topic, workNo,
                homework, recordedAt), NOW);

        if (refusal == null) {
            assertThat(mapped.isValid()).as(label).isTrue();
            assertThat(mapped.value().hasTopic()).isEqualTo(topic != null && !topic.isBlank());
            assertThat(mapped.value().hasHomework()).isFalse();
        } else {
            assertThat(mapped.errors()).as(label).extracting(error -> error.field() + "/" + error.code()).containsExactly(refusal);
            assertThat(mapped.errors()).extracting(RecordError::message).allSatisfy(message -> assertThat(message).isNotBlank());
        }
    }

    @Test
    void a_withdrawn_entry_is_read_as_deleted_with_its_last_fields() {
        LessonEntry entry = LessonEntryMapping.toLessonEntry("perm-1", lesson("delete", KEY, "2026-09-07", "2", "14", "Тема", null, "§4",
                "2026-09-07T09:15:00Z"), NOW).value();

        assertThat(entry.deleted()).isTrue();
        assertThat(entry.topic()).isEqualTo("Тема");
    }
}
