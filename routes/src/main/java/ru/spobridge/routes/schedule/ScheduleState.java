package ru.spobridge.routes.schedule;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.spobridge.model.schedule.AttestationEvent;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.schedule.LessonChange;
import ru.spobridge.model.schedule.LessonStatus;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * The schedule as the platforms should show it: the planned lessons of the latest import of each period, with
 * замены, отмены and переносы laid over them. A lesson that was published and is no longer planned is published
 * as cancelled — a platform keeps it, with its marks, and can refuse the cancellation (LESSON_HAS_MARKS).
 */
@Component
public class ScheduleState {

    public static final String FLOW = "schedule";
    public static final String PLANNED = "planned_lesson";
    public static final String CHANGE = "lesson_change";
    public static final String LESSON = "lesson";
    public static final String ATTESTATION = "attestation_event";

    private final CanonicalRecords canonical;
    private final CanonicalJson json;

    public ScheduleState(CanonicalRecords canonical, CanonicalJson json) {
        this.canonical = canonical;
        this.json = json;
    }

    /** Planned lessons of one college within [from, to], by key. */
    public Map<String, Lesson> planned(String college, LocalDate from, LocalDate to) {
        Map<String, Lesson> planned = new LinkedHashMap<>();
        canonical.payloads(college, PLANNED).forEach((key, payload) -> {
            Lesson lesson = json.read(payload, Lesson.class);
            if (!lesson.date().isBefore(from) && !lesson.date().isAfter(to)) {
                planned.put(key, lesson);
            }
        });
        return planned;
    }

    /** Replaces the planned lessons of a period with an import's; returns how many changed, were added and removed. */
    public int[] replacePlanned(String college, LocalDate from, LocalDate to, List<Lesson> lessons) {
        Map<String, Lesson> before = planned(college, from, to);
        Map<String, Lesson> after = lessons.stream().collect(Collectors.toMap(Lesson::key, lesson -> lesson, (a, b) -> a, LinkedHashMap::new));
        List<String> removed = before.keySet().stream().filter(key -> !after.containsKey(key)).toList();
        canonical.delete(college, PLANNED, removed);
        int changed = save(college, PLANNED, after);
        return new int[] {changed, removed.size()};
    }

    /** Recomposes the published lessons from plans and changes; returns the number of lessons that changed. */
    public int compose(String college) {
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        canonical.payloads(college, PLANNED).forEach((key, payload) -> lessons.put(key, json.read(payload, Lesson.class)));
        List<LessonChange> changes = canonical.payloads(college, CHANGE).values().stream().map(payload -> json.read(payload, LessonChange.class))
                .sorted(java.util.Comparator.comparing(LessonChange::changeId)).toList();
        for (LessonChange change : changes) {
            Lesson lesson = lessons.get(change.lessonKey());
            if (lesson == null) {
                continue;
            }
            switch (change.kind()) {
                case REPLACEMENT -> lessons.put(lesson.key(), lesson.withStatus(LessonStatus.REPLACED, change.substituteTeacherId(), change.roomCode()));
                case CANCELLATION -> lessons.put(lesson.key(), lesson.withStatus(LessonStatus.CANCELLED, null, null));
                case MOVE -> {
                    lessons.put(lesson.key(), lesson.withStatus(LessonStatus.CANCELLED, null, null));
                    Lesson moved = new Lesson(lesson.collegeId(), change.newDate(), change.newBellNo(), lesson.start(), lesson.end(),
                            lesson.groupCode(), lesson.subgroupCode(), lesson.disciplineCode(), lesson.teacherIds(),
                            change.roomCode() == null ? lesson.roomCode() : change.roomCode(), LessonStatus.PLANNED, null);
                    lessons.put(moved.key(), moved);
                }
            }
        }
        Map<String, String> published = canonical.hashes(college, LESSON);
        Set<String> gone = published.keySet().stream().filter(key -> !lessons.containsKey(key)).collect(Collectors.toSet());
        Map<String, String> publishedPayloads = gone.isEmpty() ? Map.of() : canonical.payloads(college, LESSON);
        for (String key : gone) {
            Lesson last = json.read(publishedPayloads.get(key), Lesson.class);
            lessons.put(key, last.withStatus(LessonStatus.CANCELLED, null, null));
        }
        return save(college, LESSON, lessons);
    }

    public int saveAttestation(String college, List<AttestationEvent> events) {
        Map<String, Object> byKey = new HashMap<>();
        events.forEach(event -> byKey.put(event.eventId(), event));
        return save(college, ATTESTATION, byKey);
    }

    public int saveChanges(String college, List<LessonChange> changes) {
        Map<String, Object> byKey = new HashMap<>();
        changes.forEach(change -> byKey.put(change.changeId(), change));
        return save(college, CHANGE, byKey);
    }

    private int save(String college, String entityType, Map<String, ?> records) {
        return canonical.saveChanged(college, entityType, "schedule", records.entrySet().stream()
                .map(entry -> new CanonicalRecords.Candidate(entry.getKey(), entry.getValue() instanceof Lesson lesson
                        ? lesson.date() + "|" + String.format("%02d", lesson.bellNo()) + "|" + entry.getKey() : entry.getKey(), entry.getValue(), null))
                .toList(), json);
    }
}
