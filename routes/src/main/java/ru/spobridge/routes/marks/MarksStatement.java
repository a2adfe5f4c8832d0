package ru.spobridge.routes.marks;

import java.util.List;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.files.TextDecoding;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.mappings.marks.StatementCsv;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;

/**
 * A statement file (ведомость) → journal changes; rows that cannot be read are kept as errors against the file and
 * line. A statement refused as a whole (empty, not a statement, required columns missing) ends its run «файл
 * отклонён» with the reason.
 */
@Component
public class MarksStatement {

    /** What a statement run read, in the file's own terms. */

    private final RejectedRecords rejected;
    private final SyncRuns runs;

    public MarksStatement(RejectedRecords rejected, SyncRuns runs) {
        this.rejected = rejected;
        this.runs = runs;
    }

    /**
     * @param brokenRows  rows refused before the intake (a broken quote, a wrong count of fields)
     * @param fileRefused the whole file was refused and its run closed: nothing to take in or send
     */
    public record Read(List<JournalChange> changes, int brokenRows, boolean fileRefused) {
    }

    public Read read(String college, String fileName, byte[] content, long runId) {
        StatementCsv.Rows rows = StatementCsv.parse(fileName, TextDecoding.decode(content).text());
        rows.errors().forEach(error -> rejected.reject(college, MarksIntake.FLOW, "file", error.recordKey(), RejectedRecords.INTAKE,
                List.of(error), null, runId));
        runs.rowsRead(runId, rows.rows());
        if (rows.refused()) {
            runs.readFinished(runId, false, 0, 0, 0, 1);
            runs.fileRefused(runId, rows.refusal().message());
            return new Read(List.of(), 0, true);
        }
        return new Read(rows.changes(), rows.errors().size(), false);
    }
}
