package ru.spobridge.routes.reconciliation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.delivery.PlatformTarget;
import ru.spobridge.routes.marks.MarksIntake;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * The read side of each platform for the journal: what ЭПОС.СПО, СГО or АИС ЭПО holds of a college's marks, absences
 * and lesson entries (topics, homework) over a period, as rows an archive can write, and what differs from what the
 * hub delivered there (sent vs accepted). Reads through the same listings as {@link Reconciliation}; the journal kinds
 * are compared here because they are many, dated, and deleted rather than updated when withdrawn.
 */
@Component
public class ReadBack {

    /** Journal kinds read back; lesson entries only where the target takes them. */
    public static final List<String> KINDS = List.of(MarksIntake.MARK, MarksIntake.ATTENDANCE, LessonEntry.ENTITY_TYPE);

    private static final Pattern DATE_IN_KEY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");

    /**
     * One record as the platform holds it, in canonical terms: the value decoded from the platform's encoding (a mark
     * as «5», «5/4», «зач»; an absence as its code; a lesson entry as its topic). Date, group and discipline come from
     * the hub's record of the same key (platform items do not carry them); a record the hub does not know has them
     * only where its lesson key names a date.
     */
    public record Row(String entityType, String externalId, String studentId, String lessonKey, LocalDate date, String groupCode,
                      String disciplineCode, String value, String homework) {
    }

    /** A comparison of one target: differences per record (keys and field names only) and what was compared. */
    public record Comparison(String target, String title, LocalDate from, LocalDate to, int delivered, int held, int inFlight,
                             List<Drift> drift) {

        public long count(String kind) {
            return drift.stream().filter(item -> item.kind().equals(kind)).count();
        }
    }

    private final Map<String, PlatformTarget> targets = new HashMap<>();
    private final Colleges colleges;
    private final CanonicalJson json;
    private final CanonicalRecords canonical;
    private final NamedParameterJdbcTemplate jdbc;

    public ReadBack(List<PlatformTarget> platformTargets, Colleges colleges, CanonicalJson json, CanonicalRecords canonical,
                    NamedParameterJdbcTemplate jdbc) {
        platformTargets.forEach(target -> targets.put(target.name(), target));
        this.colleges = colleges;
        this.json = json;
        this.canonical = canonical;
        this.jdbc = jdbc;
    }

    /** The college's enabled platforms that have a read side (every platform target has). */
    public List<String> targets(String collegeId) {
        return colleges.enabledTargets(collegeId).stream().filter(targets::containsKey).toList();
    }

    /** Marks the platform holds for lessons of the period (archive row source). */
    public List<Row> marks(String collegeId, String target, LocalDate from, LocalDate to) {
        return rows(collegeId, target, MarksIntake.MARK, from, to);
    }

    /** Absences the platform holds for lessons of the period (archive row source). */
    public List<Row> attendance(String collegeId, String target, LocalDate from, LocalDate to) {
        return rows(collegeId, target, MarksIntake.ATTENDANCE, from, to);
    }

    /** Lesson entries (topic, homework) the platform holds for the period; empty where the platform takes none. */
    public List<Row> lessons(String collegeId, String target, LocalDate from, LocalDate to) {
        return takes(target, LessonEntry.ENTITY_TYPE) ? rows(collegeId, target, LessonEntry.ENTITY_TYPE, from, to) : List.of();
    }

    /**
     * Sent vs accepted for one target and period: every record whose current version the hub delivered must be there
     * with the fields it was sent with (else missing or different); a record the platform holds that the hub did not
     * deliver, or delivered as removed, is extra. A record whose newer version is still on its way is counted, not judged.
     */
    public Comparison compare(String collegeId, String target, LocalDate from, LocalDate to) {
        PlatformTarget platform = target(target);
        List<Drift> drift = new ArrayList<>();
        int delivered = 0;
        int held = 0;
        int inFlight = 0;
        for (String entityType : KINDS) {
            if (!takes(target, entityType)) {
                continue;
            }
            Map<String, Map<String, Object>> actual = listing(collegeId, platform, entityType);
            Map<String, String> deliveredHashes = deliveredHashes(collegeId, entityType, target);
            Map<String, String[]> records = new TreeMap<>(canonical.payloadsAndLabels(collegeId, entityType));
            Map<String, String> currentHashes = canonical.hashes(collegeId, entityType);
            for (Map.Entry<String, String[]> record : records.entrySet()) {
                String key = record.getKey();
                String payload = record.getValue()[0];
                if (!inPeriod(dateOf(entityType, payload), from, to)) {
                    actual.remove(key);
                    continue;
                }
                String sentHash = deliveredHashes.get(key);
                Map<String, Object> is = actual.remove(key);
                if (sentHash == null) {
                    if (is != null) {
                        drift.add(new Drift(entityType, key, Drift.EXTRA, List.of(), record.getValue()[1]));
                    }
                    continue;
                }
                if (!sentHash.equals(currentHashes.get(key))) {
                    inFlight++;
                    continue;
                }
                delivered++;
                boolean removed = platform.removes(entityType, payload);
                if (removed) {
                    if (is != null) {
                        drift.add(new Drift(entityType, key, Drift.EXTRA, List.of(), record.getValue()[1]));
                    }
                    continue;
                }
                if (is == null) {
                    drift.add(new Drift(entityType, key, Drift.MISSING, List.of(), record.getValue()[1]));
                    continue;
                }
                held++;
                List<String> fields = PlatformItems.differentFields(json.mapper(), platform.expectedItem(entityType, payload), is);
                if (!fields.isEmpty()) {
                    drift.add(new Drift(entityType, key, Drift.DIFFERENT, fields, record.getValue()[1]));
                }
            }
            // what is left the hub never had: reported when its lesson key falls in the period or names no date
            actual.forEach((key, item) -> {
                LocalDate date = dateInKey(text(item, "lesson_key", "lessonKey"));
                if (date == null || inPeriod(date, from, to)) {
                    drift.add(new Drift(entityType, key, Drift.EXTRA, List.of(), null));
                }
            });
        }
        return new Comparison(target, platform.title(), from, to, delivered, held, inFlight, List.copyOf(drift));
    }

    private List<Row> rows(String collegeId, String target, String entityType, LocalDate from, LocalDate to) {
        PlatformTarget platform = target(target);
        Map<String, String> payloads = canonical.payloads(collegeId, entityType);
        List<Row> rows = new ArrayList<>();
        listing(collegeId, platform, entityType).forEach((key, item) -> {
            String payload = payloads.get(key);
            String lessonKey = text(item, "lesson_key", "lessonKey");
            Row known = payload == null ? null : known(entityType, payload);
            LocalDate date = known != null ? known.date() : dateInKey(lessonKey);
            if (date != null && !inPeriod(date, from, to)) {
                return;
            }
            rows.add(new Row(entityType, key, text(item, "student_external_id", "studentExternalId"), lessonKey, date,
                    known == null ? null : known.groupCode(), known == null ? null : known.disciplineCode(), PlatformItems.value(entityType, item),
                    PlatformItems.homework(item)));
        });
        rows.sort(java.util.Comparator.comparing(Row::externalId));
        return rows;
    }

    /** The hub's record of a key as a row (only its date, group and discipline are used). */
    private Row known(String entityType, String payload) {
        return switch (entityType) {
            case MarksIntake.MARK -> {
                Mark mark = json.read(payload, Mark.class);
                yield new Row(entityType, mark.id(), mark.studentId(), mark.lessonKey(), mark.date(), mark.groupCode(), mark.disciplineCode(), null, null);
            }
            case MarksIntake.ATTENDANCE -> {
                Attendance absence = json.read(payload, Attendance.class);
                yield new Row(entityType, absence.id(), absence.studentId(), absence.lessonKey(), absence.date(), absence.groupCode(),
                        absence.disciplineCode(), null, null);
            }
            default -> {
                LessonEntry entry = json.read(payload, LessonEntry.class);
                yield new Row(entityType, entry.lessonKey(), null, entry.lessonKey(), entry.date(), entry.groupCode(), entry.disciplineCode(), null, null);
            }
        };
    }

    private LocalDate dateOf(String entityType, String payload) {
        return known(entityType, payload).date();
    }

    private Map<String, Map<String, Object>> listing(String collegeId, PlatformTarget platform, String entityType) {
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> item : platform.listing(collegeId, entityType)) {
            byKey.put(String.valueOf(item.get(platform.keyField())), item);
        }
        return byKey;
    }

    private Map<String, String> deliveredHashes(String collegeId, String entityType, String target) {
        Map<String, String> hashes = new HashMap<>();
        jdbc.query("SELECT entity_key, delivered_hash FROM sync_state WHERE college_id = :college AND entity_type = :type "
                        + "AND target = :target AND delivered_hash IS NOT NULL",
                Map.of("college", collegeId, "type", entityType, "target", target),
                rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                });
        return hashes;
    }

    private boolean takes(String target, String entityType) {
        return target(target).entityTypes().contains(entityType);
    }

    private PlatformTarget target(String target) {
        PlatformTarget platform = targets.get(target);
        if (platform == null) {
            throw new IllegalArgumentException("Неизвестная платформа: " + target);
        }
        return platform;
    }

    private static boolean inPeriod(LocalDate date, LocalDate from, LocalDate to) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }

    /** The first ISO date inside a lesson key (journal keys carry the lesson's date), or null. */
    public static LocalDate dateInKey(String lessonKey) {
        if (lessonKey == null) {
            return null;
        }
        Matcher matcher = DATE_IN_KEY.matcher(lessonKey);
        while (matcher.find()) {
            try {
                return LocalDate.parse(matcher.group(1));
            } catch (java.time.DateTimeException notADate) {
                // a run of digits shaped like a date that is none: look further
            }
        }
        return null;
    }

    static String text(Map<String, Object> item, String snake, String camel) {
        Object value = item.containsKey(snake) ? item.get(snake) : item.get(camel);
        return value == null ? null : Objects.toString(value);
    }
}
