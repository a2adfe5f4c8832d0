package ru.spobridge.routes.archive;

import jakarta.validation.Valid;
import java.net.URI;
import java.nio.file.Path;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import ru.spobridge.routes.config.QuartzCron;

/**
 * Where and when journal archives are kept (prefix {@code spo.archive}): named stores (a folder by default, an
 * S3-compatible bucket as an option), the stores every archive is copied to, the key that encrypts files at rest
 * (from the environment), and the calendar of the seeds; a college states only what differs in {@code colleges.<id>}.
 *
 * @param key      base64 of 32 bytes (AES-256); blank: archives are written plain
 * @param staging  where an archive is assembled before it is copied to its stores
 * @param schedule when each college's calendar is looked at (daily, in the college's zone)
 */
@Validated
@ConfigurationProperties("spo.archive")
public record ArchiveSettings(String key, Path staging, Map<String, StoreSettings> stores, List<String> copies,
                             @QuartzCron String schedule, @Valid CalendarSettings calendar,
                             Map<String, CollegeArchive> colleges) {

    public static final String DEFAULT_STORE = "local";

    public ArchiveSettings {
        staging = staging == null ? Path.of("./data/archive-staging") : staging;
        stores = stores == null || stores.isEmpty() ? Map.of(DEFAULT_STORE, new StoreSettings(StoreKind.FOLDER, Path.of("./data/archives"),
                null, null, null, null, null, null, null)) : new TreeMap<>(stores);
        copies = copies == null || copies.isEmpty() ? List.of(stores.keySet().iterator().next()) : List.copyOf(copies);
        schedule = schedule == null ? "0 30 3 * * ?" : schedule;
        calendar = calendar == null ? CalendarSettings.SEED_DEFAULTS : calendar;
        colleges = colleges == null ? Map.of() : Map.copyOf(colleges);
        for (String copy : copies) {
            if (!stores.containsKey(copy)) {
                throw new IllegalArgumentException("spo.archive.copies: хранилище «" + copy + "» не описано в spo.archive.stores");
            }
        }
        for (Map.Entry<String, CollegeArchive> college : colleges.entrySet()) {
            for (String copy : college.getValue().copies()) {
                if (!stores.containsKey(copy)) {
                    throw new IllegalArgumentException("spo.archive.colleges." + college.getKey() + ".copies: хранилище «" + copy
                            + "» не описано в spo.archive.stores");
                }
            }
        }
    }

    public enum StoreKind { FOLDER, S3 }

    /**
     * One store. A folder: {@code folder}. A bucket: {@code endpoint} (MinIO, https://storage.yandexcloud.net),
     * {@code region}, {@code bucket}, {@code prefix}, {@code path-style}, and the keys as {@code ${ENV}} references —
     * blank keys take AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment.
     */
    public record StoreSettings(StoreKind type, Path folder, URI endpoint, String region, String bucket, String prefix,
                                Boolean pathStyle, String accessKey, String secretKey) {
        public StoreSettings {
            type = type == null ? StoreKind.FOLDER : type;
            pathStyle = pathStyle == null || pathStyle;
            if (type == StoreKind.FOLDER && folder == null) {
                throw new IllegalArgumentException("spo.archive.stores: у хранилища-папки не указана папка (folder)");
            }
            if (type == StoreKind.S3 && (bucket == null || bucket.isBlank())) {
                throw new IllegalArgumentException("spo.archive.stores: у хранилища S3 не указана корзина (bucket)");
            }
        }
    }

    /**
     * The seeds' calendar: a monthly archive on the 1st for the month before (seed 000 §6.1); a semester archive after
     * each semester's last day and the three weeks of checking (seed 002 §7.2); a yearly archive per group after the
     * school year's last day and the same check (seed 000 §6.2, seed 004 §5.3–5.5).
     *
     * @param semesterEnds the last day of each semester ("12-31", "06-30"); the last of the year ends the school year
     * @param checkWindow  the time given to check the journal after a semester or year before it is archived
     */
    public record CalendarSettings(List<String> semesterEnds, Period checkWindow, Boolean monthly, Boolean semester, Boolean year) {
        public static final CalendarSettings SEED_DEFAULTS = new CalendarSettings(null, null, null, null, null);

        public CalendarSettings {
            semesterEnds = semesterEnds == null || semesterEnds.isEmpty() ? List.of("06-30", "12-31")
                    : semesterEnds.stream().map(CalendarSettings::monthDay).sorted().map(day -> String.format("%02d-%02d",
                            day.getMonthValue(), day.getDayOfMonth())).toList();
            checkWindow = checkWindow == null ? Period.ofWeeks(3) : checkWindow;
            monthly = monthly == null || monthly;
            semester = semester == null || semester;
            year = year == null || year;
        }

        /** The semesters' last days, in calendar order. */
        public List<MonthDay> semesterEndDays() {
            return semesterEnds.stream().map(CalendarSettings::monthDay).toList();
        }

        /** The last day of the school year: the last semester end before autumn (June 30 by default). */
        public MonthDay yearEnd() {
            List<MonthDay> ends = semesterEndDays();
            return ends.stream().filter(end -> end.getMonthValue() <= 8).reduce((a, b) -> b).orElse(ends.get(ends.size() - 1));
        }

        private static MonthDay monthDay(String text) {
            try {
                return MonthDay.parse(text.startsWith("--") ? text : "--" + text.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("spo.archive.calendar.semester-ends: «" + text + "» — не день года вида ММ-ДД (например 12-31)");
            }
        }
    }

    /** What a college sets differently: its copies and its calendar. */
    public record CollegeArchive(List<String> copies, CalendarSettings calendar) {
        public CollegeArchive {
            copies = copies == null ? List.of() : List.copyOf(copies);
        }
    }

    /** The stores a college's archives are copied to. */
    public List<String> copiesOf(String collegeId) {
        CollegeArchive college = colleges.get(collegeId);
        return college == null || college.copies().isEmpty() ? copies : college.copies();
    }

    public CalendarSettings calendarOf(String collegeId) {
        CollegeArchive college = colleges.get(collegeId);
        return college == null || college.calendar() == null ? calendar : college.calendar();
    }
}
