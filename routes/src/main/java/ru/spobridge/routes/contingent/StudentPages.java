package ru.spobridge.routes.contingent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.mappings.contingent.ContingentGuardianMapping;
import ru.spobridge.mappings.contingent.ContingentGuardianRecord;
import ru.spobridge.mappings.contingent.ContingentStudentMapping;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
import ru.spobridge.model.Group;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.PersonalDataMask;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.Student;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * The students of one read, taken page by page while the read goes on: each page's students and their guardians are
 * mapped, checked and stored, then dropped. What must span pages is kept as strings and numbers only: the ids seen
 * (with a fingerprint of their content, for duplicates), the guardians seen, the students the store had before.
 * Students are never removals, so storing them early changes nothing the hold guards; movement orders wait.
 */
public final class StudentPages {

    private final ContingentIntake intake;
    private final CanonicalRecords canonical;
    private final CanonicalJson json;
    private final String college;
    private final long runId;
    private final Map<String, Group> groups;
    /** The students the store had before this read: a conflicting id new to the store is taken out again. */
    private final Set<String> knownBefore;
    /**
     * Stored hashes of students and guardians, kept up to date: each page compares against them. A full read loads them
     * once; a read of the changes since the last one looks up each page's keys instead, since it brings a few records
     * of a college that may have 100,000 (loading them all took a second of every delta run).
     */
    private final Map<String, String> studentHashes;
    private final Map<String, String> guardianHashes;
    private final boolean lookUpPerPage;
    /** Every student id of the read so far, with what the first record under it looked like. */
    private final Map<String, Seen> seen = new HashMap<>();
    /** Ids sent on different pages with different content: refused together once the read is over. */
    private final Map<String, Seen> conflicting = new LinkedHashMap<>();
    private final Set<String> validGuardians = new HashSet<>();
    private final Set<String> refusedGuardians = new HashSet<>();
    private final IntakeSummary groupSummary;
    private IntakeSummary students = new IntakeSummary(0, 0, 0, 0);
    private IntakeSummary guardians = new IntakeSummary(0, 0, 0, 0);

    StudentPages(ContingentIntake intake, CanonicalRecords canonical, CanonicalJson json, String college, long runId,
                 Map<String, Group> groups, IntakeSummary groupSummary, Set<String> knownBefore, boolean lookUpPerPage) {
        this.intake = intake;
        this.canonical = canonical;
        this.json = json;
        this.college = college;
        this.runId = runId;
        this.groups = groups;
        this.groupSummary = groupSummary;
        this.knownBefore = knownBefore;
        this.lookUpPerPage = lookUpPerPage;
        this.studentHashes = lookUpPerPage ? new HashMap<>() : canonical.hashes(college, ContingentIntake.STUDENT);
        this.guardianHashes = lookUpPerPage ? new HashMap<>() : canonical.hashes(college, ContingentIntake.GUARDIAN);
    }

    /** Maps, checks and stores one page of students and their guardians. */
    public void accept(List<ContingentStudentRecord> page) {
        List<ContingentStudentRecord> fresh = new ArrayList<>();
        int repeated = 0;
        for (ContingentStudentRecord record : page) {
            String id = id(record);
            Seen earlier = id.isEmpty() ? null : seen.get(id);
            if (earlier == null) {
                fresh.add(record);
            } else if (earlier.fingerprint == fingerprint(record) && !conflicting.containsKey(id)) {
                // the same record again on a later page is one student, as within a page
                earlier.occurrences++;
                if (!earlier.valid) {
                    earlier.refusedCounted++;
                    repeated++;
                }
            } else {
                earlier.occurrences++;
                conflicting.put(id, earlier);
            }
        }
        List<ContingentIntake.Keyed> valid = new ArrayList<>();
        List<ContingentStudentRecord> validRecords = new ArrayList<>();
        int rejects = repeated;
        // every occurrence of a duplicated id and every defect of a record is reported, not only the first
        for (ContingentStudentMapping.ReadStudent read : ContingentStudentMapping.toStudents(college, fresh, groups)) {
            ContingentStudentRecord record = read.record();
            Mapped<Student> mapped = read.mapped();
            String id = id(record);
            if (!id.isEmpty()) {
                seen.put(id, new Seen(fingerprint(record), mapped.isValid(), read.occurrences()));
            }
            if (mapped.isValid()) {
                Student student = mapped.value();
                valid.add(ContingentIntake.Keyed.of(student.key().sourceId(), student, student.name().masked() + ", " + student.groupCode()));
                validRecords.add(record);
            } else {
                rejects += read.occurrences();
                intake.reject(college, ContingentIntake.STUDENT, mapped.errors(),
                        PersonalDataMask.maskName(record.lastName(), record.firstName(), record.middleName()), runId);
            }
        }
        lookUp(ContingentIntake.STUDENT, studentHashes, valid);
        students = students.plus(intake.store(college, ContingentIntake.STUDENT, valid, page.size(), rejects, studentHashes));
        guardians = guardians.plus(guardians(validRecords));
    }

    /**
     * Guardians of a page's valid students. A guardian first met on this page is mapped from this page's first record
     * of him or her, as for a whole read; one met on an earlier page gets this page's students added to the links
     * already stored (siblings on two pages), and is counted where it was first met.
     */
    private IntakeSummary guardians(List<ContingentStudentRecord> validRecords) {
        Map<String, String> labels = new HashMap<>();
        Map<String, List<String>> laterLinks = new LinkedHashMap<>();
        List<ContingentStudentRecord> firstMet = new ArrayList<>();
        for (ContingentStudentRecord student : validRecords) {
            List<ContingentGuardianRecord> fresh = new ArrayList<>();
            for (ContingentGuardianRecord guardian : student.guardians()) {
                String id = guardian.externalId() == null ? "" : guardian.externalId().strip();
                labels.putIfAbsent(id, PersonalDataMask.maskName(guardian.lastName(), guardian.firstName(), guardian.middleName()));
                if (validGuardians.contains(id)) {
                    laterLinks.computeIfAbsent(id, key -> new ArrayList<>()).add(id(student));
                } else if (!refusedGuardians.contains(id)) {
                    fresh.add(guardian);
                }
            }
            if (!fresh.isEmpty()) {
                firstMet.add(new ContingentStudentRecord(student.externalId(), student.regionalId(), student.lastName(),
                        student.firstName(), student.middleName(), student.gender(), student.birthDate(), student.snils(),
                        student.email(), student.phone(), student.specialty(), student.form(), student.course(), student.group(),
                        student.subgroup(), student.individualPlan(), fresh));
            }
        }
        List<ContingentIntake.Keyed> valid = new ArrayList<>();
        List<Mapped<GuardianLinks>> mapped = ContingentGuardianMapping.toGuardians(firstMet);
        int rejects = 0;
        for (Mapped<GuardianLinks> guardian : mapped) {
            if (guardian.isValid()) {
                GuardianLinks links = guardian.value();
                validGuardians.add(links.guardian().key().sourceId());
                valid.add(ContingentIntake.Keyed.of(links.guardian().key().sourceId(), links, links.guardian().name().masked()));
            } else {
                rejects++;
                String key = guardian.errors().get(0).recordKey();
                refusedGuardians.add(key);
                intake.reject(college, ContingentIntake.GUARDIAN, guardian.errors(), labels.get(key), runId);
            }
        }
        lookUp(ContingentIntake.GUARDIAN, guardianHashes, valid);
        IntakeSummary summary = intake.store(college, ContingentIntake.GUARDIAN, valid, mapped.size(), rejects, guardianHashes);
        List<CanonicalRecords.Candidate> merged = new ArrayList<>();
        laterLinks.forEach((id, studentIds) -> canonical.payload(college, ContingentIntake.GUARDIAN, id).ifPresent(payload -> {
            GuardianLinks stored = json.read(payload, GuardianLinks.class);
            List<String> all = new ArrayList<>(stored.studentIds());
            all.addAll(studentIds);
            merged.add(new CanonicalRecords.Candidate(id, id, new GuardianLinks(stored.guardian(), all), stored.guardian().name().masked()));
        }));
        if (!merged.isEmpty()) {
            canonical.saveChanged(college, ContingentIntake.GUARDIAN, ContingentStudentMapping.SOURCE, merged, json, guardianHashes);
        }
        return summary;
    }

    /**
     * After the last page: an id sent on different pages with different content is refused, every occurrence named,
     * as within one page. The first version was stored when its page came; a student new in this read is taken out
     * of the store again, a known one keeps that version until the source sends one.
     */
    public IntakeSummary finish() {
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, Seen> entry : conflicting.entrySet()) {
            String id = entry.getKey();
            int count = entry.getValue().occurrences;
            List<RecordError> errors = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                errors.add(new RecordError(id, "externalId", "DUPLICATE_ID", "Идентификатор встречается в ответе ИС «Контингент» " + count
                        + " раз(а) с разным содержимым (вхождение " + i + " из " + count + "): запись не принята, пока источник не исправит дубликат"));
            }
            intake.reject(college, ContingentIntake.STUDENT, errors, null, runId);
            if (entry.getValue().valid && !knownBefore.contains(id)) {
                dropped.add(id);
            }
        }
        if (!dropped.isEmpty()) {
            canonical.delete(college, ContingentIntake.STUDENT, dropped);
            dropped.forEach(studentHashes::remove);
        }
        int rejectedNow = conflicting.values().stream().mapToInt(conflict -> conflict.occurrences - conflict.refusedCounted).sum();
        return groupSummary.plus(students).plus(new IntakeSummary(0, rejectedNow, 0, 0, 0)).plus(guardians);
    }

    /** A delta read: the stored hashes of this page's records not looked up yet (a key the store lacks stays absent). */
    private void lookUp(String entityType, Map<String, String> known, List<ContingentIntake.Keyed> records) {
        if (lookUpPerPage) {
            List<String> missing = records.stream().map(ContingentIntake.Keyed::key).filter(key -> !known.containsKey(key)).toList();
            if (!missing.isEmpty()) {
                known.putAll(canonical.hashes(college, entityType, missing));
            }
        }
    }

    private String id(ContingentStudentRecord record) {
        return record.externalId() == null ? "" : record.externalId().strip();
    }

    /** 64 bits of the SHA-256 of the record's JSON: tells a repeated record from a different one under the same id. */
    private long fingerprint(ContingentStudentRecord record) {
        return Long.parseUnsignedLong(CanonicalJson.sha256(json.write(record)).substring(0, 16), 16);
    }

    private static final class Seen {
        private final long fingerprint;
        private final boolean valid;
        private int occurrences;
        /** Occurrences already counted as refused on their page. */
        private int refusedCounted;

        Seen(long fingerprint, boolean valid, int occurrences) {
            this.fingerprint = fingerprint;
            this.valid = valid;
            this.occurrences = occurrences;
            this.refusedCounted = valid ? 0 : occurrences;
        }
    }
}
