package ru.spobridge.routes.quality;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The monthly journal-quality report of one college (seed 002 §3.10–3.11): figures only, teachers and students by
 * their ids from the college's systems, never by name. How each figure is counted is written in {@link JournalQuality}
 * and, for a reader, in {@link #DEFINITIONS}.
 *
 * @param ktpDifferences topics that differ from the КТП; null when no КТП is loaded («КТП не загружен»)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QualityReport(String collegeId, String collegeName, LocalDate from, LocalDate to, Instant builtAt,
                            Teachers teachers, Students students, Lessons lessons, Integer ktpDifferences, int lateMarks,
                            int lessonsWithoutAttendance, List<Platform> platforms) {

    /** What each figure means, as printed under the report. */
    public static final List<String> DEFINITIONS = List.of(
            "Преподаватели с занятиями — проводившие в периоде хотя бы одно занятие (по расписанию, замещающий вместо основного, "
                    + "или по записи занятия в журнале).",
            "Ведут журнал — из них те, кто выставил за период хотя бы одну отметку или отметил хотя бы один пропуск.",
            "Обучающиеся без отметок и с одной отметкой — по парам «обучающийся × дисциплина», где у группы были занятия "
                    + "по дисциплине в периоде; доля — от обучающихся таких групп.",
            "Занятия без темы и без домашнего задания — из проведённых занятий периода (расписание и записи журнала).",
            "Отметки позже срока и занятия без отметки посещаемости — из отчёта о сроках (те же правила, что в разделе «Отметки»).",
            "Расхождения с платформами — отправленное узлом и принятое платформой, по каждой записи периода.");

    /** Teachers who had lessons in the period and those of them who recorded marks or absences. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Teachers(int withLessons, int keeping, List<String> notKeeping) {
        @JsonProperty(value = "share", access = JsonProperty.Access.READ_ONLY)
        public double share() {
            return JournalQuality.share(keeping, withLessons);
        }
    }

    /**
     * Students of groups with lessons in the period; pairs student × discipline taught to the group; those with no
     * mark and with exactly one mark in at least one discipline.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Students(int total, int pairs, int pairsWithoutMarks, int pairsWithOneMark, int withoutMarks, int withOneMark) {
        @JsonProperty(value = "shareWithoutMarks", access = JsonProperty.Access.READ_ONLY)
        public double shareWithoutMarks() {
            return JournalQuality.share(withoutMarks, total);
        }

        @JsonProperty(value = "shareWithOneMark", access = JsonProperty.Access.READ_ONLY)
        public double shareWithOneMark() {
            return JournalQuality.share(withOneMark, total);
        }
    }

    /** Lessons held in the period and those without a topic or without homework in the journal. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lessons(int held, int withoutTopic, int withoutHomework) {
        @JsonProperty(value = "shareWithoutTopic", access = JsonProperty.Access.READ_ONLY)
        public double shareWithoutTopic() {
            return JournalQuality.share(withoutTopic, held);
        }

        @JsonProperty(value = "shareWithoutHomework", access = JsonProperty.Access.READ_ONLY)
        public double shareWithoutHomework() {
            return JournalQuality.share(withoutHomework, held);
        }
    }

    /** Sent vs accepted at one platform over the period; {@code error} when its read side did not answer. */
    public record Platform(String target, String title, int delivered, int missing, int extra, int different, String error) {
    }

    /** The month a report covers, as «2026-09». */
    /** How each figure is counted, carried with the report for the console. */
    @JsonProperty(value = "definitions", access = JsonProperty.Access.READ_ONLY)
    public List<String> definitions() {
        return DEFINITIONS;
    }

    @JsonProperty(value = "month", access = JsonProperty.Access.READ_ONLY)
    public String month() {
        return java.time.YearMonth.from(from).toString();
    }
}
