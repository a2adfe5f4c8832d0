package ru.spobridge.routes.contingent;

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
import ru.spobridge.mappings.contingent.ContingentGroupMapping;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.mappings.contingent.ContingentMovementMapping;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentMapping;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
import ru.spobridge.model.Group;
import ru.spobridge.model.Movement;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.RejectedRecords;

/**
 * Turns a registry read into canonical state: maps and checks every record (groups, students, their guardians,
 * movement orders), keeps the refused ones with their reasons, and stores the valid ones where their content
 * changed. Nothing is removed: a student missing from a read is never expelled by inference. A run takes its
 * students page by page as the read goes on ({@link #begin}, {@link StudentPages}); movement orders, the only
 * removals, come after the last page ({@link #acceptMovements}).
 */
@Component
public class ContingentIntake {

    public static final String FLOW = "contingent";
    public static final String GROUP = "group";
    public static final String STUDENT = "student";
    public static final String GUARDIAN = "guardian";
    public static final String MOVEMENT = "movement";

    private static final Logger log = LoggerFactory.getLogger(ContingentIntake.class);

    private final CanonicalRecords canonical;
    private final RejectedRecords rejected;
    private final CanonicalJson json;
    private final MovementRules movementRules;

    public ContingentIntake(CanonicalRecords canonical, RejectedRecords rejected, CanonicalJson json) {
        this.canonical = canonical;
        this.rejected = rejected;
        this.json = json;
        this.movementRules = new MovementRules(canonical, json);
    }

    /** Students mapped, checked and stored per chunk when a whole read is applied at once (a held read approved). */
    static final int CHUNK = 1_000;

    /** Applies a whole read: groups, students and their guardians chunk by chunk, then the movement orders. */
    public IntakeSummary accept(ContingentSnapshot snapshot, long runId) {
        StudentPages pages = begin(snapshot.collegeId(), runId, snapshot.groups(), studentKeys(snapshot.collegeId()), false);
        List<ContingentStudentRecord> students = snapshot.students().students();
        for (int from = 0; from < students.size(); from += CHUNK) {
            pages.accept(students.subList(from, Math.min(students.size(), from + CHUNK)));
        }
        return pages.finish().plus(acceptMovements(snapshot.collegeId(), snapshot.students().movements(), runId));
    }

    /**
     * Starts a read taken page by page ({@code knownStudents}: the store's student keys before the read's first
     * attempt stored anything): stores its groups now; its students and their guardians go through
     * {@link StudentPages#accept} as pages arrive; movement orders wait for {@link #acceptMovements}.
     * {@code changesOnly}: a read of the changes since the cursor, whose pages look up their own stored hashes.
     */
    public StudentPages begin(String college, long runId, List<ContingentGroupRecord> groupRecords, Set<String> knownStudents,
                              boolean changesOnly) {
        Map<String, Group> groups = new HashMap<>();
        List<Keyed> validGroups = new ArrayList<>();
        int groupRejects = 0;
        for (ContingentGroupRecord record : groupRecords) {
            Mapped<Group> mapped = ContingentGroupMapping.toGroup(college, record);
            if (mapped.isValid()) {
                groups.put(mapped.value().code(), mapped.value());
                validGroups.add(Keyed.of(mapped.value().code(), mapped.value(), mapped.value().code()));
            } else {
                groupRejects++;
                reject(college, GROUP, mapped.errors(), record.code(), runId);
            }
        }
        IntakeSummary summary = store(college, GROUP, validGroups, groupRecords.size(), groupRejects);
        return new StudentPages(this, canonical, json, college, runId, groups, summary, knownStudents, changesOnly);
    }

    /** The college's student keys as the store has them now: taken before a read stores its first page. */
    public Set<String> studentKeys(String college) {
        return canonical.keys(college, STUDENT);
    }

    /**
     * Checks and stores a read's movement orders, after its students are stored: an order must name a student and a
     * group the hub knows, and must fit the student's history.
     */
    public IntakeSummary acceptMovements(String college, List<ContingentMovementRecord> records, long runId) {
        Set<String> knownStudents = canonical.keys(college, STUDENT);
        Set<String> knownGroups = canonical.keys(college, GROUP);
        List<Movement> movements = new ArrayList<>();
        int movementRejects = 0;
        for (ContingentMovementRecord record : records) {
            Mapped<Movement> mapped = ContingentMovementMapping.toMovement(college, record);
            List<RecordError> errors = mapped.isValid() ? movementRules.references(mapped.value(), knownStudents, knownGroups) : mapped.errors();
            if (errors.isEmpty()) {
                movements.add(mapped.value());
            } else {
                movementRejects++;
                reject(college, MOVEMENT, errors, record.studentExternalId(), runId);
            }
        }
        Map<Movement, RecordError> outOfOrder = movementRules.outOfOrder(college, movements);
        outOfOrder.forEach((movement, error) -> reject(college, MOVEMENT, List.of(error), movement.studentId(), runId));
        List<Keyed> validMovements = movements.stream().filter(movement -> !outOfOrder.containsKey(movement))
                .map(movement -> new Keyed(movement.key().sourceId(), MovementRules.sortKey(movement), movement,
                        movement.kind().code() + ", " + movement.studentId()))
                .toList();
        return store(college, MOVEMENT, validMovements, records.size(), movementRejects + outOfOrder.size());
    }

    /** Keeps the reasons and logs one line naming the record and its fields, never their values. */
    void reject(String college, String entityType, List<RecordError> errors, String label, long runId) {
        String key = errors.get(0).recordKey();
        rejected.reject(college, FLOW, entityType, key, RejectedRecords.INTAKE, errors, label, runId);
        log.debug("Контингент {}: запись {} {} отклонена: {}", college, entityType, key,
                errors.stream().map(error -> error.field() + "/" + error.code()).collect(Collectors.joining(", ")));
    }

    IntakeSummary store(String college, String entityType, List<Keyed> valid, int read, int rejects) {
        return store(college, entityType, valid, read, rejects, canonical.hashes(college, entityType));
    }

    /** @param known the stored hashes of this type, kept by a read taken page by page and updated with what is written */
    IntakeSummary store(String college, String entityType, List<Keyed> valid, int read, int rejects, Map<String, String> known) {
        int changed = canonical.saveChanged(college, entityType, ContingentStudentMapping.SOURCE, valid.stream()
                .map(record -> new CanonicalRecords.Candidate(record.key(), record.sortKey(), record.value(), record.label())).toList(), json,
                known);
        int closed = rejected.closeFixed(college, entityType, valid.stream().map(Keyed::key).toList());
        return new IntakeSummary(read, rejects, changed, valid.size() - changed, closed);
    }

    record Keyed(String key, String sortKey, Object value, String label) {
        static Keyed of(String key, Object value, String label) {
            return new Keyed(key, key, value, label);
        }
    }
}
