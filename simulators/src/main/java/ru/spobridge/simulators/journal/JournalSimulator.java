package ru.spobridge.simulators.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.faults.FaultInjector;

/**
 * In-memory journal of the colleges themselves (ЭИОС/LMS) that teachers fill with marks, absences and, per lesson, the
 * topic, work number and homework (a lesson entry, keyed by its lesson key); the hub pulls
 * its changes since a cursor at {@code GET /journal-sim/api/v1/{collegeId}/changes}. Read-only over HTTP; tests
 * and the demo write through this API. Every change gets the college's next sequence number; every change of one
 * record bumps that record's version. Thread-safe.
 */
public class JournalSimulator {

    public static final String BASE = "/journal-sim";
    public static final String API = BASE + "/api/v1/";
    public static final String MARK = "mark";
    public static final String ATTENDANCE = "attendance";
    /** A lesson entry: its id is the lesson key. */
    public static final String LESSON = "lesson";
    /** Lesson keys with this prefix name the lesson as {@code dbg:date:bell:group:discipline}. */
    public static final String LESSON_BY_DATE_PREFIX = "dbg:";
    private static final Set<String> TYPES = Set.of(MARK, ATTENDANCE, LESSON);

    /** Where and when a lesson is: what the journal knows about a lesson key. */
    public record Lesson(LocalDate date, int bell, String group, String discipline) {
    }

    /** One page of changes after a sequence number, and whether more follow. */
    record Page(List<Map<String, Object>> items, boolean hasMore) {
    }

    private static final class College {
        long seq;
        final List<Map<String, Object>> changes = new ArrayList<>();
        final Map<String, Map<String, Object>> live = new HashMap<>();
        final Map<String, Integer> versions = new HashMap<>();
        final Map<String, Lesson> lessons = new HashMap<>();
    }

    private final Map<String, College> colleges = new HashMap<>();
    private final FaultInjector faults;
    private final TokenRegistry tokens;
    private final AtomicInteger requests = new AtomicInteger();

    public JournalSimulator(FaultInjector faults, TokenRegistry tokens) {
        this.faults = faults;
        this.tokens = tokens;
    }

    /** Forgets every college and its changes, clears faults and counters; tokens stay. */
    public synchronized void reset() {
        colleges.clear();
        faults.clear();
        faults.resetCounters();
        requests.set(0);
    }

    /**
     * Tells the journal where a (schedule) lesson key is, so its changes carry date, bell, group and discipline;
     * {@code dbg:} keys describe themselves.
     */
    public synchronized void describeLesson(String collegeId, String lessonKey, Lesson lesson) {
        college(collegeId).lessons.put(lessonKey, lesson);
    }

    /** A teacher puts or changes a mark; any value text (the hub validates). The change's sequence number. */
    public synchronized long putMark(String collegeId, String id, String studentId, String lessonKey, String value,
                                     String workType, String teacherId, Instant givenAt) {
        Map<String, Object> fields = record(studentId, lessonKey, teacherId, college(collegeId));
        fields.put("value", value);
        fields.put("workType", workType);
        fields.put("givenAt", givenAt.toString());
        return change(collegeId, MARK, "upsert", id, fields);
    }

    /** A teacher puts or changes an absence ({@code late}: the student came late). The change's sequence number. */
    public synchronized long putAttendance(String collegeId, String id, String studentId, String lessonKey,
                                           String reason, boolean late, String teacherId, Instant givenAt) {
        Map<String, Object> fields = record(studentId, lessonKey, teacherId, college(collegeId));
        fields.put("reason", reason);
        fields.put("late", late);
        fields.put("givenAt", givenAt.toString());
        return change(collegeId, ATTENDANCE, "upsert", id, fields);
    }

    /**
     * What a teacher wrote for one lesson: its number in the КТП (optional), the topic, the number of a written or
     * practical work (optional), the homework; any text, blank included (the hub and its checks judge it).
     */
    public record LessonNote(Integer lessonNo, String topic, Integer workNo, String homework) {
    }

    /**
     * A teacher records or corrects the entry of a lesson at {@code recordedAt}; date, bell, group and discipline come
     * from what the journal knows of the lesson key, as for marks. The change's sequence number.
     */
    public synchronized long putLessonEntry(String collegeId, String lessonKey, String teacherId, LessonNote note,
                                            Instant recordedAt) {
        Map<String, Object> fields = record(null, lessonKey, teacherId, college(collegeId));
        fields.remove("studentId");
        fields.put("lessonNo", note.lessonNo());
        fields.put("topic", note.topic());
        fields.put("workNo", note.workNo());
        fields.put("homework", note.homework());
        fields.put("recordedAt", recordedAt.toString());
        return change(collegeId, LESSON, "upsert", lessonKey, fields);
    }

    /**
     * A teacher withdraws a live mark, absence or lesson entry; the change carries its last fields. The change's sequence
     * number; a record that is not live is refused.
     */
    public synchronized long delete(String collegeId, String type, String id) {
        Map<String, Object> last = college(collegeId).live.get(key(type, id));
        if (last == null) {
            throw new IllegalArgumentException("no live " + type + " " + id + " in college " + collegeId);
        }
        return change(collegeId, type, "delete", id, last);
    }

    /** A student of the seeded day: who, and the group whose lessons he attends. */
    public record Pupil(String studentId, String group) {
    }

    /**
     * A day of a college's journal at once, for benchmarks: {@code marks} marks and {@code absences} absences on
     * {@code date}, dealt round the pupils lesson by lesson (bells 1–6, then the next discipline), keyed by date so
     * that no schedule is needed. O(marks + absences). The number of changes written.
     */
    public synchronized int seedDay(String collegeId, LocalDate date, int marks, int absences, List<Pupil> pupils,
                                    Instant givenAt) {
        if (pupils.isEmpty() || marks < 0 || absences < 0) {
            throw new IllegalArgumentException("pupils must not be empty, counts not negative");
        }
        String[] values = {"5", "4", "3", "5", "4"};
        for (int i = 0; i < marks; i++) {
            Pupil pupil = pupils.get(i % pupils.size());
            putMark(collegeId, "bm-" + date + "-" + i, pupil.studentId(), dayLesson(date, i / pupils.size(), pupil.group()),
                    values[i % values.length], "current", "bench-teacher", givenAt);
        }
        for (int i = 0; i < absences; i++) {
            Pupil pupil = pupils.get(i % pupils.size());
            putAttendance(collegeId, "ba-" + date + "-" + i, pupil.studentId(), dayLesson(date, i / pupils.size(), pupil.group()),
                    "Н", false, "bench-teacher", givenAt);
        }
        return marks + absences;
    }

    /** The {@code round}-th lesson of the day of a group: bells 1–6 of one discipline, then the next discipline. */
    private static String dayLesson(LocalDate date, int round, String group) {
        return LESSON_BY_DATE_PREFIX + date + ":" + (1 + round % 6) + ":" + group + ":БД." + (1 + round / 6);
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Change requests that reached the simulator past fault injection, authorised or not. */
    public int requests() {
        return requests.get();
    }

    synchronized Page changes(String collegeId, long after, int limit) {
        College college = colleges.get(collegeId);
        if (college == null) {
            return new Page(List.of(), false);
        }
        // sequence numbers run 1, 2, 3… in list order: the change after {@code after} is at that index
        int from = (int) Math.max(0, Math.min(after, college.changes.size()));
        int to = Math.min(college.changes.size(), from + limit);
        return new Page(List.copyOf(college.changes.subList(from, to)), to < college.changes.size());
    }

    TokenRegistry tokens() {
        return tokens;
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    private long change(String collegeId, String type, String op, String id, Map<String, Object> fields) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be mark, attendance or lesson");
        }
        College college = college(collegeId);
        String key = key(type, id);
        int version = college.versions.merge(key, 1, Integer::sum);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("seq", ++college.seq);
        change.put("type", type);
        change.put("op", op);
        change.put("id", id);
        change.put("version", version);
        change.putAll(fields);
        college.changes.add(Collections.unmodifiableMap(change));
        if ("delete".equals(op)) {
            college.live.remove(key);
        } else {
            college.live.put(key, new LinkedHashMap<>(fields));
        }
        return college.seq;
    }

    private static Map<String, Object> record(String studentId, String lessonKey, String teacherId,
                                              College college) {
        Lesson lesson = college.lessons.getOrDefault(lessonKey, byDate(lessonKey));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("studentId", studentId);
        fields.put("lessonKey", lessonKey);
        fields.put("date", lesson == null ? null : lesson.date().toString());
        fields.put("bell", lesson == null ? null : lesson.bell());
        fields.put("group", lesson == null ? null : lesson.group());
        fields.put("discipline", lesson == null ? null : lesson.discipline());
        fields.put("teacherId", teacherId);
        return fields;
    }

    /** The lesson a {@code dbg:date:bell:group:discipline} key names; null for any other or a malformed key. */
    static Lesson byDate(String lessonKey) {
        if (lessonKey == null || !lessonKey.startsWith(LESSON_BY_DATE_PREFIX)) {
            return null;
        }
        String[] parts = lessonKey.substring(LESSON_BY_DATE_PREFIX.length()).split(":", 4);
        try {
            return parts.length == 4 ? new Lesson(LocalDate.parse(parts[0]), Integer.parseInt(parts[1]), parts[2],
                    parts[3]) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private College college(String collegeId) {
        return colleges.computeIfAbsent(collegeId, k -> new College());
    }

    private static String key(String type, String id) {
        return type + ":" + id;
    }
}
