package ru.spobridge.routes.marks;

import ru.spobridge.routes.flow.FlowHeaders;

import java.util.List;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.files.TextDecoding;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.mappings.marks.StatementCsv;
import ru.spobridge.routes.store.RejectedRecords;

/** A statement file (ведомость) → journal changes; rows that cannot be read are kept as errors against the file. */
@Component
public class MarksStatement {

    private final RejectedRecords rejected;

    public MarksStatement(RejectedRecords rejected) {
        this.rejected = rejected;
    }

    public List<JournalChange> read(@Header(FlowHeaders.COLLEGE) String college, @Header("CamelFileName") String fileName, byte[] content,
                                    @Header(FlowHeaders.RUN) long runId) {
        StatementCsv.Rows rows = StatementCsv.parse(fileName, TextDecoding.decode(content).text());
        rows.errors().forEach(error -> rejected.reject(college, MarksIntake.FLOW, "file", error.recordKey(), RejectedRecords.INTAKE,
                List.of(error), null, runId));
        return rows.changes();
    }
}
