package ru.spobridge.connectors.contingent;

import java.time.Instant;
import java.util.List;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;

/** Everything one read of the registry returned, all pages together, and the cursor for the next delta read. */
public record ContingentRead(List<ContingentStudentRecord> students, List<ContingentMovementRecord> movements,
                             Instant asOf, int pages, int totalCount, boolean full) {
}
