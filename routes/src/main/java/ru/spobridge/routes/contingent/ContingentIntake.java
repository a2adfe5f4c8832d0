package ru.spobridge.routes.contingent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import ru.spobridge.mappings.contingent.ContingentGuardianMapping;
import ru.spobridge.mappings.contingent.ContingentMovementMapping;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentMapping;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
import ru.spobridge.model.Group;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.PersonalDataMask;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.Student;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.RejectedRecords;

/**
 * Turns a registry read into canonical state: maps and checks every record (groups, students, their guardians,
 * movement orders), keeps the refused ones with their reasons, and stores the valid ones where their content
 * changed. Nothing is removed: a student missing from a read is never expelled by inference.
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

    public IntakeSummary accept(ContingentSnapshot snapshot, long runId) {
        String college = snapshot.collegeId();
        Map<String, Group> groups = new HashMap<>();
        List<Keyed> validGroups = new ArrayList<>();
        int groupRejects = 0;
        for (ContingentGroupRecord record : snapshot.groups()) {
            Mapped<Group> mapped = ContingentGroupMapping.toGroup(college, record);
            if (mapped.isValid()) {
                groups.put(mapped.value().code(), mapped.value());
                validGroups.add(Keyed.of(mapped.value().code(), mapped.value(), mapped.value().code()));
            } else {
                groupRejects++;
                reject(college, GROUP, mapped.errors(), record.code(), runId);
            }
        }
        IntakeSummary summary = store(college, GROUP, validGroups, snapshot.groups().size(), groupRejects);

        List<Keyed> validStudents = new ArrayList<>();
        List<ContingentStudentRecord> validStudentRecords = new ArrayList<>();
        int studentRejects = 0;
        // every occurrence of a duplicated id and every defect of a record is reported, not only the first
        for (ContingentStudentMapping.ReadStudent read : ContingentStudentMapping.toStudents(college, snapshot.students().students(), groups)) {
            ContingentStudentRecord record = read.record();
            String label = PersonalDataMask.maskName(record.lastName(), record.firstName(), record.middleName());
            Mapped<Student> mapped = read.mapped();
            if (mapped.isValid()) {
                Student student = mapped.value();
                validStudents.add(Keyed.of(student.key().sourceId(), student, student.name().masked() + ", " + student.groupCode()));
                validStudentRecords.add(record);
            } else {
                studentRejects += read.occurrences();
                reject(college, STUDENT, mapped.errors(), label, runId);
            }
        }
        summary = summary.plus(store(college, STUDENT, validStudents, snapshot.students().students().size(), studentRejects));

        List<Keyed> validGuardians = new ArrayList<>();
        int guardianRejects = 0;
        List<Mapped<GuardianLinks>> guardians = ContingentGuardianMapping.toGuardians(validStudentRecords);
        Map<String, String> guardianLabels = new HashMap<>();
        validStudentRecords.forEach(student -> student.guardians().forEach(guardian -> guardianLabels.putIfAbsent(
                String.valueOf(guardian.externalId()).strip(),
                PersonalDataMask.maskName(guardian.lastName(), guardian.firstName(), guardian.middleName()))));
        for (Mapped<GuardianLinks> mapped : guardians) {
            if (mapped.isValid()) {
                GuardianLinks links = mapped.value();
                validGuardians.add(Keyed.of(links.guardian().key().sourceId(), links, links.guardian().name().masked()));
            } else {
                guardianRejects++;
                reject(college, GUARDIAN, mapped.errors(), guardianLabels.get(mapped.errors().get(0).recordKey()), runId);
            }
        }
        summary = summary.plus(store(college, GUARDIAN, validGuardians, guardians.size(), guardianRejects));

        Set<String> knownStudents = new HashSet<>(canonical.hashes(college, STUDENT).keySet());
        validStudents.forEach(student -> knownStudents.add(student.key()));
        Set<String> knownGroups = new HashSet<>(canonical.hashes(college, GROUP).keySet());
        knownGroups.addAll(groups.keySet());
        List<Movement> movements = new ArrayList<>();
        int movementRejects = 0;
        for (ContingentMovementRecord record : snapshot.students().movements()) {
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
        return summary.plus(store(college, MOVEMENT, validMovements, snapshot.students().movements().size(),
                movementRejects + outOfOrder.size()));
    }

    /** Keeps the reasons and logs one line naming the record and its fields, never their values. */
    private void reject(String college, String entityType, List<RecordError> errors, String label, long runId) {
        String key = errors.get(0).recordKey();
        rejected.reject(college, FLOW, entityType, key, RejectedRecords.INTAKE, errors, label, runId);
        log.debug("Контингент {}: запись {} {} отклонена: {}", college, entityType, key,
                errors.stream().map(error -> error.field() + "/" + error.code()).collect(Collectors.joining(", ")));
    }

    private IntakeSummary store(String college, String entityType, List<Keyed> valid, int read, int rejects) {
        int changed = canonical.saveChanged(college, entityType, ContingentStudentMapping.SOURCE, valid.stream()
                .map(record -> new CanonicalRecords.Candidate(record.key(), record.sortKey(), record.value(), record.label())).toList(), json);
        int closed = rejected.closeFixed(college, entityType, valid.stream().map(Keyed::key).toList());
        return new IntakeSummary(read, rejects, changed, valid.size() - changed, closed);
    }

    private record Keyed(String key, String sortKey, Object value, String label) {
        static Keyed of(String key, Object value, String label) {
            return new Keyed(key, key, value, label);
        }
    }
}
