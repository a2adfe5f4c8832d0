package ru.spobridge.routes.staff;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.files.TextDecoding;
import ru.spobridge.mappings.Parsed;
import ru.spobridge.mappings.csv.CsvLayout;
import ru.spobridge.mappings.staff.EnterpriseDataStaffParser;
import ru.spobridge.mappings.staff.StaffCsv;
import ru.spobridge.mappings.staff.StaffOrderRecord;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.store.SyncRuns;

/**
 * A file dropped in a college's staff inbox (or uploaded): EnterpriseData XML with HR orders, or CSV with orders,
 * workload or substitutions, in UTF-8 or windows-1251. A broken row is kept as an error against the file and its
 * line and everything else goes through; a file that cannot be taken at all (empty, unknown layout, missing columns,
 * DTD) ends its run «файл отклонён» with the reason.
 */
@Component
public class StaffFiles {

    private static final Logger log = LoggerFactory.getLogger(StaffFiles.class);
    /** What a CSV run read, in the file's own terms. */

    private final StaffIntake intake;
    private final SyncRuns runs;

    public StaffFiles(StaffIntake intake, SyncRuns runs) {
        this.intake = intake;
        this.runs = runs;
    }

    public StaffIntake.Summary accept(String collegeId, String fileName, byte[] content, long runId) {
        String name = fileName == null ? "(файл)" : fileName;
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        String text = decoded.text();
        StaffIntake.Summary summary;
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") || text.stripLeading().startsWith("<")) {
            Parsed<StaffOrderRecord> parsed = EnterpriseDataStaffParser.parse(name, new StringReader(text));
            // an error filed against the file itself, with nothing read, refuses the whole file (a DTD, another root)
            Optional<RecordError> refusal = parsed.records().isEmpty()
                    ? parsed.errors().stream().filter(error -> error.recordKey().equals(name)).findFirst() : Optional.empty();
            summary = refusal.isPresent() ? refused(collegeId, refusal.get(), runId) : orders(collegeId, parsed, runId);
        } else {
            StaffCsv.File file = StaffCsv.read(name, text);
            if (file.check().refused()) {
                summary = refused(collegeId, file.check().refusal(), runId);
            } else {
                CsvLayout layout = file.check().layout();
                if (layout == CsvLayout.STAFF_ORDERS) {
                    summary = orders(collegeId, StaffCsv.orders(file), runId);
                } else if (layout == CsvLayout.WORKLOAD) {
                    Parsed<ru.spobridge.mappings.staff.WorkloadRecord> parsed = StaffCsv.workload(file);
                    intake.rejectFileErrors(collegeId, parsed.errors(), runId);
                    summary = intake.acceptWorkload(collegeId, parsed.records().stream().map(Parsed.Line::record).toList(), runId)
                            .plusRejected(parsed.errors().size());
                } else {
                    Parsed<ru.spobridge.mappings.staff.SubstitutionRecord> parsed = StaffCsv.substitutions(file);
                    intake.rejectFileErrors(collegeId, parsed.errors(), runId);
                    summary = intake.acceptSubstitutions(collegeId, parsed.records().stream().map(Parsed.Line::record).toList(), runId)
                            .plusRejected(parsed.errors().size());
                }
            }
            runs.rowsRead(runId, file.rows());
        }
        log.info("Кадры {}: файл {} ({}) — прочитано {}, принято {}, отклонено {}, закрыто прежних отклонений {}{}", collegeId, name,
                decoded.charset().name(), summary.read(), summary.accepted(), summary.rejected(), summary.closed(),
                summary.fileRefused() ? ", файл отклонён" : "");
        return summary;
    }

    /** The whole file refused: kept against the file like any refusal, and its run ends «файл отклонён» with the reason. */
    private StaffIntake.Summary refused(String collegeId, RecordError refusal, long runId) {
        intake.rejectFileErrors(collegeId, List.of(refusal), runId);
        runs.fileRefused(runId, refusal.message());
        return StaffIntake.Summary.refusedFile();
    }

    private StaffIntake.Summary orders(String collegeId, Parsed<StaffOrderRecord> parsed, long runId) {
        intake.rejectFileErrors(collegeId, parsed.errors(), runId);
        return intake.acceptOrders(collegeId, parsed.records().stream().map(Parsed.Line::record).toList(), runId)
                .plusRejected(parsed.errors().size());
    }
}
