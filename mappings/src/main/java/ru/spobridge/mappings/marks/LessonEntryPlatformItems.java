package ru.spobridge.mappings.marks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import ru.spobridge.model.journal.LessonEntry;

/**
 * Lesson topics, work numbers and homework in each platform's own naming (docs/темы-занятий.md): ЭПОС snake_case
 * {@code lesson_topics}, СГО {@code themes} with a {@code theme} (its diary's word), АИС ЭПО {@code topics} numbered by
 * {@code orderNo} as its КТП rows are. The platform's external id is the lesson key: one entry per lesson.
 */
public final class LessonEntryPlatformItems {

    private LessonEntryPlatformItems() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EposLessonTopic(@JsonProperty("external_id") String externalId, @JsonProperty("lesson_key") String lessonKey,
                                  @JsonProperty("lesson_no") Integer lessonNo, @JsonProperty("topic") String topic,
                                  @JsonProperty("work_no") Integer workNo, @JsonProperty("homework") String homework,
                                  @JsonProperty("recorded_at") String recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SgoTheme(String externalId, String lessonKey, Integer lessonNo, String theme, Integer workNo, String homework,
                           String recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AisEpoTopic(String externalId, String lessonKey, Integer orderNo, String topic, Integer workNo, String homework,
                              String recordedAt) {
    }

    public static EposLessonTopic toEpos(LessonEntry entry) {
        return new EposLessonTopic(entry.lessonKey(), entry.lessonKey(), entry.lessonNo(), entry.topic(), entry.workNo(), entry.homework(),
                recordedAt(entry));
    }

    public static SgoTheme toSgo(LessonEntry entry) {
        return new SgoTheme(entry.lessonKey(), entry.lessonKey(), entry.lessonNo(), entry.topic(), entry.workNo(), entry.homework(),
                recordedAt(entry));
    }

    public static AisEpoTopic toAisEpo(LessonEntry entry) {
        return new AisEpoTopic(entry.lessonKey(), entry.lessonKey(), entry.lessonNo(), entry.topic(), entry.workNo(), entry.homework(),
                recordedAt(entry));
    }

    private static String recordedAt(LessonEntry entry) {
        return entry.recordedAt() == null ? null : entry.recordedAt().toString();
    }
}
