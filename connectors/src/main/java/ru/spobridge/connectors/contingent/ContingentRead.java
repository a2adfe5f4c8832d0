package ru.spobridge.connectors.contingent;

import java.time.Instant;
import java.util.List;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;

/**
 * Everything one read of the registry returned, all pages together, and the cursor for the next delta read.
 * {@code complete} is false when a page failed: the pages before it are kept so an operator can decide.
 */
public record ContingentRead(List<ContingentStudentRecord> students, List<ContingentMovementRecord> movements,
                             Instant asOf, int pages, int totalCount, boolean full, boolean complete) {

    /** The source said it has more students than it handed over. */
    public boolean truncated() {
        return students.size() < totalCount;
    }
}
