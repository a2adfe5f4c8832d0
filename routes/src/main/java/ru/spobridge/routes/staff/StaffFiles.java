package ru.spobridge.routes.staff;

import ru.spobridge.routes.flow.FlowHeaders;

import java.io.StringReader;
import java.util.List;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.files.TextDecoding;
import ru.spobridge.mappings.Parsed;
import ru.spobridge.mappings.staff.EnterpriseDataStaffParser;
import ru.spobridge.mappings.staff.StaffCsv;
import ru.spobridge.model.RecordError;

/**
 * A file dropped in a college's staff inbox (or uploaded): EnterpriseData XML with HR orders, or CSV with orders,
 * workload or substitutions, in UTF-8 or windows-1251. What cannot be read is kept as an error against the file
 * and line; everything else goes through.
 */
@Component
public class StaffFiles {

    private static final Logger log = LoggerFactory.getLogger(StaffFiles.class);

    private final StaffIntake intake;

    public StaffFiles(StaffIntake intake) {
        this.intake = intake;
    }

    public StaffIntake.Summary accept(@Header(FlowHeaders.COLLEGE) String collegeId, @Header("CamelFileName") String fileName,
                                      byte[] content, @Header(FlowHeaders.RUN) long runId) {
        String name = fileName == null ? "(файл)" : fileName;
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        String text = decoded.text();
        StaffIntake.Summary summary;
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") || text.stripLeading().startsWith("<")) {
            summary = orders(collegeId, EnterpriseDataStaffParser.parse(name, new StringReader(text)), runId);
        } else {
            List<String> columns = StaffCsv.columnsOf(text);
            if (columns == StaffCsv.ORDER_COLUMNS) {
                summary = orders(collegeId, StaffCsv.orders(name, text), runId);
            } else if (columns == StaffCsv.WORKLOAD_COLUMNS) {
                Parsed<ru.spobridge.mappings.staff.WorkloadRecord> parsed = StaffCsv.workload(name, text);
                intake.rejectFileErrors(collegeId, parsed.errors(), runId);
                summary = intake.acceptWorkload(collegeId, parsed.records().stream().map(Parsed.Line::record).toList(), runId);
            } else if (columns == StaffCsv.SUBSTITUTION_COLUMNS) {
                Parsed<ru.spobridge.mappings.staff.SubstitutionRecord> parsed = StaffCsv.substitutions(name, text);
                intake.rejectFileErrors(collegeId, parsed.errors(), runId);
                summary = intake.acceptSubstitutions(collegeId, parsed.records().stream().map(Parsed.Line::record).toList(), runId);
            } else {
                intake.rejectFileErrors(collegeId, List.of(new RecordError(name, "header", "UNKNOWN_FILE",
                        "Файл не узнан: ожидается XML EnterpriseData или CSV с заголовком приказов, нагрузки или замещений")), runId);
                summary = new StaffIntake.Summary(0, 0, 1);
            }
        }
        log.info("Кадры {}: файл {} ({}) — прочитано {}, принято {}, отклонено {}", collegeId, name, decoded.charset().name(),
                summary.read(), summary.accepted(), summary.rejected());
        return summary;
    }

    private StaffIntake.Summary orders(String collegeId, Parsed<ru.spobridge.mappings.staff.StaffOrderRecord> parsed, long runId) {
        intake.rejectFileErrors(collegeId, parsed.errors(), runId);
        StaffIntake.Summary summary = intake.acceptOrders(collegeId, parsed.records().stream().map(Parsed.Line::record).toList(), runId);
        return new StaffIntake.Summary(summary.read(), summary.accepted(), summary.rejected() + parsed.errors().size());
    }
}
