package ru.spobridge.routes.marks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.mappings.marks.LessonEntryMapping;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.RejectedRecords;

/**
 * The journal's lesson entries (topic, work number, homework; seed 002 §3.8–3.9) into the canonical store as
 * {@value LessonEntry#ENTITY_TYPE}, keyed by lesson key, checked as marks are: a known lesson (or a {@code dbg:} key)
 * and never an older version over a newer one; a version already seen is unchanged.
 */
@Component
public class LessonEntryIntake {

    private static final Logger log = LoggerFactory.getLogger(LessonEntryIntake.class);

    private final CanonicalRecords canonical;
    private final RejectedRecords rejected;
    private final CanonicalJson json;

    public LessonEntryIntake(CanonicalRecords canonical, RejectedRecords rejected, CanonicalJson json) {
        this.canonical = canonical;
        this.rejected = rejected;
        this.json = json;
    }

    /** @param lessons the lesson keys of the college's schedule */
    public MarksIntake.Summary accept(String college, Set<String> lessons, List<JournalChange> changes, long runId, Instant now) {
        Set<String> keys = changes.stream().map(LessonEntryIntake::key).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, Integer> versions = new HashMap<>();
        Map<String, String> storedHashes = new HashMap<>();
        if (!keys.isEmpty()) {
            canonical.payloads(college, LessonEntry.ENTITY_TYPE, keys).forEach((key, payload) -> {
                versions.put(key, json.read(payload, LessonEntry.class).version());
                storedHashes.put(key, CanonicalJson.sha256(payload));
            });
        }
        Map<String, LessonEntry> entries = new LinkedHashMap<>();
        Map<String, RejectedRecords.Refusal> refused = new LinkedHashMap<>();
        int unchanged = 0;
        for (JournalChange change : changes) {
            String key = key(change);
            Integer seen = key == null ? null : versions.get(key);
            if (seen != null && seen >= change.version()) {
                unchanged++;
                continue;
            }
            Mapped<LessonEntry> mapped = LessonEntryMapping.toLessonEntry(college, change, now);
            List<RecordError> errors = new ArrayList<>(mapped.errors());
            if (mapped.isValid() && !key.startsWith("dbg:") && !lessons.contains(key)) {
                errors.add(new RecordError(key, "lessonKey", "UNKNOWN_LESSON", "Занятие не найдено в расписании колледжа"));
            }
            if (!errors.isEmpty()) {
                String recordKey = errors.get(0).recordKey();
                refused.put(recordKey, new RejectedRecords.Refusal(recordKey, errors, recordKey));
                log.debug("Отметки {}: тема занятия {} отклонена: {}", college, recordKey,
                        errors.stream().map(error -> error.field() + "/" + error.code()).collect(Collectors.joining(", ")));
                continue;
            }
            LessonEntry previous = entries.get(key);
            if (previous == null || previous.version() < change.version()) {
                entries.put(key, mapped.value());
            }
            versions.put(key, change.version());
        }
        rejected.rejectAll(college, MarksIntake.FLOW, LessonEntry.ENTITY_TYPE, RejectedRecords.INTAKE, List.copyOf(refused.values()), runId);
        canonical.saveChanged(college, LessonEntry.ENTITY_TYPE, "journal", entries.values().stream()
                .map(entry -> new CanonicalRecords.Candidate(entry.lessonKey(), entry.date() + "|" + entry.lessonKey(), entry, null)).toList(),
                json, storedHashes);
        int closed = rejected.closeFixed(college, LessonEntry.ENTITY_TYPE, List.copyOf(entries.keySet()));
        return new MarksIntake.Summary(changes.size(), entries.size(), unchanged, refused.size(), closed);
    }

    private static String key(JournalChange change) {
        return change.lessonKey() == null || change.lessonKey().isBlank() ? null : change.lessonKey().strip();
    }
}
