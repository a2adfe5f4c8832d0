package ru.spobridge.routes.marks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.mappings.marks.JournalMapping;
import ru.spobridge.model.Movement;
import ru.spobridge.model.MovementSequence;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.StudentStatus;
import ru.spobridge.model.marks.AbsenceReason;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.config.CodeTables;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.schedule.ScheduleState;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.RejectedRecords;

/**
 * Journal changes into canonical marks and absences, each checked: the value on the scale, a known student who is
 * not expelled on the lesson's date, a known lesson (or a date + bell + group + discipline key), and never an older
 * version over a newer one. A version already seen is unchanged, so nothing is sent twice.
 */
@Component
public class MarksIntake {

    public static final String FLOW = "marks";
    public static final String MARK = "mark";
    public static final String ATTENDANCE = "attendance";
    /** The journal's change type of a lesson entry. */
    public static final String LESSON = "lesson";

    private static final Logger log = LoggerFactory.getLogger(MarksIntake.class);

    private final CanonicalRecords canonical;
    private final RejectedRecords rejected;
    private final CanonicalJson json;
    private final CodeTables codeTables;
    private final Clock clock;
    private final LessonEntryIntake lessonEntries;

    public MarksIntake(CanonicalRecords canonical, RejectedRecords rejected, CanonicalJson json, CodeTables codeTables, Clock clock,
                       LessonEntryIntake lessonEntries) {
        this.lessonEntries = lessonEntries;
        this.canonical = canonical;
        this.rejected = rejected;
        this.json = json;
        this.codeTables = codeTables;
        this.clock = clock;
    }

    /** @param closed open refusals of earlier reads that this one found fixed and closed */
    public record Summary(int read, int accepted, int unchanged, int rejected, int closed) {
    }

    /**
     * What every change of one college's read is checked against, loaded once per run (not per chunk of a pull):
     * the mark scale, absence reasons, known students and lessons, and each student's movement orders.
     */
    public record Context(String college, Map<String, String> scale, Map<String, AbsenceReason> reasonCodes, Set<String> students,
                          Set<String> lessons, Map<String, List<Movement>> movements) {
    }

    public Context context(String college) {
        Map<String, List<Movement>> movements = new HashMap<>();
        canonical.payloads(college, ContingentIntake.MOVEMENT).values().forEach(payload -> {
            Movement movement = json.read(payload, Movement.class);
            movements.computeIfAbsent(movement.studentId(), id -> new ArrayList<>()).add(movement);
        });
        return new Context(college, codeTables.markScale(college), codeTables.absenceReasons(college),
                canonical.keys(college, ContingentIntake.STUDENT), canonical.keys(college, ScheduleState.LESSON),
                movements);
    }

    public Summary accept(String college, List<JournalChange> changes, long runId) {
        return accept(context(college), changes, runId);
    }

    /**
     * Takes in one read (or one chunk of a long pull: an earlier chunk's versions are in the store by then); the
     * lesson entries of the read go to {@link LessonEntryIntake}, their counts added to the marks'.
     */
    public Summary accept(Context context, List<JournalChange> all, long runId) {
        Instant now = clock.instant();
        List<JournalChange> lessonChanges = all.stream().filter(MarksIntake::isLessonEntry).toList();
        if (lessonChanges.isEmpty()) {
            return acceptMarks(context, all, runId, now);
        }
        Summary marks = acceptMarks(context, all.stream().filter(change -> !isLessonEntry(change)).toList(), runId, now);
        Summary lessons = lessonEntries.accept(context.college(), context.lessons(), lessonChanges, runId, now);
        return new Summary(marks.read() + lessons.read(), marks.accepted() + lessons.accepted(), marks.unchanged() + lessons.unchanged(),
                marks.rejected() + lessons.rejected(), marks.closed() + lessons.closed());
    }

    /** A lesson entry of the journal (topic, work number, homework), not a mark or an absence. */
    public static boolean isLessonEntry(JournalChange change) {
        return LESSON.equalsIgnoreCase(change.type());
    }

    private Summary acceptMarks(Context context, List<JournalChange> changes, long runId, Instant now) {
        if (changes.isEmpty()) {
            return new Summary(0, 0, 0, 0, 0);
        }
        String college = context.college();
        Map<String, String> scale = context.scale();
        Map<String, AbsenceReason> reasonCodes = context.reasonCodes();
        Set<String> students = context.students();
        Set<String> lessons = context.lessons();
        Map<String, List<Movement>> movements = context.movements();
        // the versions already taken in, of the records this read brings only: a day's pull never loads the whole term
        Map<String, Integer> versions = new HashMap<>();
        // and their content hashes (the hash of the stored JSON), for the save: one lookup of the keys, not two
        Map<String, Map<String, String>> storedHashes = Map.of(MARK, new HashMap<>(), ATTENDANCE, new HashMap<>());
        for (String type : List.of(MARK, ATTENDANCE)) {
            Set<String> keys = changes.stream().filter(change -> type.equals(typeOf(change))).map(JournalChange::id)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
            if (keys.isEmpty()) {
                continue;
            }
            canonical.payloads(college, type, keys).forEach((key, payload) -> {
                versions.put(type + ":" + key, MARK.equals(type) ? json.read(payload, Mark.class).version()
                        : json.read(payload, Attendance.class).version());
                storedHashes.get(type).put(key, CanonicalJson.sha256(payload));
            });
        }
        Map<String, Keyed> marks = new HashMap<>();
        Map<String, Keyed> absences = new HashMap<>();
        int refused = 0;
        int unchanged = 0;
        Map<String, RejectedRecords.Refusal> refusedMarks = new java.util.LinkedHashMap<>();
        Map<String, RejectedRecords.Refusal> refusedAbsences = new java.util.LinkedHashMap<>();
        for (JournalChange change : changes) {
            String type = typeOf(change);
            boolean isMark = MARK.equals(type);
            Integer seen = versions.get(type + ":" + change.id());
            if (seen != null && seen >= change.version()) {
                unchanged++;
                continue;
            }
            Mapped<?> mapped = isMark ? JournalMapping.toMark(college, change, scale, now) : JournalMapping.toAttendance(college, change, reasonCodes, now);
            List<RecordError> errors = new ArrayList<>(mapped.errors());
            if (mapped.isValid()) {
                String key = change.id();
                if (!students.contains(change.studentId())) {
                    errors.add(new RecordError(key, "studentId", "UNKNOWN_STUDENT", "Обучающийся не найден среди принятых записей колледжа"));
                } else if (expelledOn(movements.getOrDefault(change.studentId(), List.of()), isMark ? ((Mark) mapped.value()).date()
                        : ((Attendance) mapped.value()).date())) {
                    errors.add(new RecordError(key, "studentId", "STUDENT_EXPELLED", "Обучающийся отчислен на дату занятия"));
                }
                String lessonKey = JournalMapping.lessonKey(change);
                if (!lessonKey.startsWith("dbg:") && !lessons.contains(lessonKey)) {
                    errors.add(new RecordError(key, "lessonKey", "UNKNOWN_LESSON", "Занятие не найдено в расписании колледжа"));
                }
            }
            if (!errors.isEmpty()) {
                refused++;
                // kept per record, written once per read: a statement and a commit per refusal were a fifth of a pull
                (isMark ? refusedMarks : refusedAbsences).put(errors.get(0).recordKey(),
                        new RejectedRecords.Refusal(errors.get(0).recordKey(), errors, change.studentId()));
                log.debug("Отметки {}: запись {} {} отклонена: {}", college, type, errors.get(0).recordKey(),
                        errors.stream().map(error -> error.field() + "/" + error.code()).collect(Collectors.joining(", ")));
                continue;
            }
            // the latest version in this read wins; an older one never overtakes it
            Map<String, Keyed> target = isMark ? marks : absences;
            Keyed previous = target.get(change.id());
            if (previous == null || previous.version() < change.version()) {
                target.put(change.id(), new Keyed(change.id(), change.version(), change.studentId() + "|" + JournalMapping.lessonKey(change), mapped.value()));
            }
            versions.put(type + ":" + change.id(), change.version());
        }
        rejected.rejectAll(college, FLOW, MARK, RejectedRecords.INTAKE, List.copyOf(refusedMarks.values()), runId);
        rejected.rejectAll(college, FLOW, ATTENDANCE, RejectedRecords.INTAKE, List.copyOf(refusedAbsences.values()), runId);
        int closed = save(college, MARK, marks.values(), storedHashes.get(MARK))
                + save(college, ATTENDANCE, absences.values(), storedHashes.get(ATTENDANCE));
        return new Summary(changes.size(), marks.size() + absences.size(), unchanged, refused, closed);
    }

    private static String typeOf(JournalChange change) {
        return "attendance".equalsIgnoreCase(change.type()) ? ATTENDANCE : MARK;
    }

    private static boolean expelledOn(List<Movement> history, java.time.LocalDate date) {
        StudentStatus status = StudentStatus.ACTIVE;
        for (Movement movement : history.stream().sorted(MovementSequence.ORDER).toList()) {
            if (movement.effectiveDate().isAfter(date)) {
                break;
            }
            status = MovementSequence.next(status, movement.kind()).orElse(status);
        }
        return status == StudentStatus.EXPELLED;
    }

    /**
     * Saves what changed against the stored hashes of these records (looked up with their versions); returns how many
     * open refusals of these records it closed (a corrected row in a later statement).
     */
    private int save(String college, String entityType, java.util.Collection<Keyed> records, Map<String, String> storedHashes) {
        canonical.saveChanged(college, entityType, "journal", records.stream()
                .map(record -> new CanonicalRecords.Candidate(record.key(), record.sortKey() + "|" + record.key(), record.value(), null)).toList(), json,
                storedHashes);
        return rejected.closeFixed(college, entityType, records.stream().map(Keyed::key).toList());
    }

    private record Keyed(String key, int version, String sortKey, Object value) {
    }
}
