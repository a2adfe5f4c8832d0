package ru.spobridge.app.console;

import ru.spobridge.routes.flow.FlowHeaders;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.store.AuditLog;

/**
 * An operator's command to a flow — a file to import, a pull or a recomputation now: checks the college, audits
 * uploads, sends the command to the flow's route and answers with the run it opened.
 */
@Component
public class FlowCommands {

    private final Colleges colleges;
    private final ProducerTemplate camel;
    private final AuditLog audit;

    public FlowCommands(Colleges colleges, ProducerTemplate camel, AuditLog audit) {
        this.colleges = colleges;
        this.camel = camel;
        this.audit = audit;
    }

    /** A command without a file. */
    public ResponseEntity<Map<String, Object>> run(String college, String entry, Principal operator) {
        return send(college, entry, operator, Map.of(), null, null);
    }

    /** A file for a flow: audited with its name and size (never its content). */
    public ResponseEntity<Map<String, Object>> upload(String college, String entry, Principal operator, String fileName, byte[] content,
                                                      Map<String, Object> headers) {
        Map<String, Object> withName = new HashMap<>(headers);
        withName.put(Exchange.FILE_NAME, fileName);
        return send(college, entry, operator, withName, content, fileName);
    }

    public static ResponseEntity<Map<String, Object>> unknownCollege() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Колледж не настроен"));
    }

    private ResponseEntity<Map<String, Object>> send(String college, String entry, Principal operator, Map<String, Object> extra,
                                                     byte[] content, String fileName) {
        if (!colleges.ids().contains(college)) {
            return unknownCollege();
        }
        if (fileName != null) {
            audit.record(operator.getName(), "FILE_UPLOADED", college, entry.substring(entry.indexOf(':') + 1) + " " + fileName,
                    content.length + " байт");
        }
        Map<String, Object> headers = new HashMap<>(extra);
        headers.put(FlowHeaders.COLLEGE, college);
        headers.put(FlowHeaders.TRIGGER, "operator:" + operator.getName());
        Exchange exchange = camel.request(entry, ex -> {
            ex.getIn().setHeaders(headers);
            ex.getIn().setBody(content);
        });
        return ResponseEntity.accepted().body(Map.of("runId", exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class)));
    }
}
