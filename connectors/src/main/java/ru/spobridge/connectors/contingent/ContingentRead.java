package ru.spobridge.connectors.contingent;

import java.time.Instant;
import java.util.List;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;

/**
 * Everything one read of the registry returned, all pages together, and the cursor for the next delta read.
 * {@code complete} is false when a page failed: the pages before it are kept so an operator can decide.
 * A read whose pages were handed over one by one ({@link ContingentSoapClient#readStudents(String, Instant,
 * java.util.function.Consumer)}) keeps no students: {@code studentCount} says how many came and, for a full read,
 * {@code presentKeys} which ids (trimmed, "" for none) — what the hold needs to find students gone from the registry.
 */
public record ContingentRead(List<ContingentStudentRecord> students, List<ContingentMovementRecord> movements,
                             Instant asOf, int pages, int totalCount, boolean full, boolean complete,
                             int studentCount, List<String> presentKeys) {

    public ContingentRead {
        students = students == null ? List.of() : students;
        movements = movements == null ? List.of() : movements;
        // a read kept before pages were handed over has its students and no count
        studentCount = Math.max(studentCount, students.size());
    }

    public ContingentRead(List<ContingentStudentRecord> students, List<ContingentMovementRecord> movements,
                          Instant asOf, int pages, int totalCount, boolean full, boolean complete) {
        this(students, movements, asOf, pages, totalCount, full, complete, students == null ? 0 : students.size(), null);
    }

    /** The source said it has more students than it handed over. */
    public boolean truncated() {
        return studentCount < totalCount;
    }

    /** The ids of the students this read carried (trimmed, "" for a record without one). */
    public List<String> present() {
        return presentKeys != null ? presentKeys
                : students.stream().map(student -> student.externalId() == null ? "" : student.externalId().strip()).toList();
    }

    /** The same read carrying the given students (the list-returning read collects the pages it handed over). */
    public ContingentRead withStudents(List<ContingentStudentRecord> collected) {
        return new ContingentRead(collected, movements, asOf, pages, totalCount, full, complete, collected.size(), presentKeys);
    }
}
