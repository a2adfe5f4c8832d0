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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ru.spobridge.routes.flow.RunGate;
import ru.spobridge.routes.marks.MarksIntake;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.schedule.ReferenceIntake;
import ru.spobridge.routes.schedule.ScheduleRoutes;
import ru.spobridge.routes.schedule.ScheduleState;
import ru.spobridge.routes.staff.StaffIntake;
import ru.spobridge.routes.staff.StaffRoutes;
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
    private final RunGate gate;

    /** The flow each command entry belongs to, for the run gate. */
    private static final Map<String, String> FLOW_OF_ENTRY = Map.of(
            StaffRoutes.FILE, StaffIntake.FLOW, StaffRoutes.ZUP, StaffIntake.FLOW, StaffRoutes.REFRESH, StaffIntake.FLOW,
            MarksRoutes.PULL, MarksIntake.FLOW, MarksRoutes.STATEMENT, MarksIntake.FLOW,
            ScheduleRoutes.ASC, ScheduleState.FLOW, ScheduleRoutes.CHANGES, ScheduleState.FLOW, ScheduleRoutes.ATTESTATION, ScheduleState.FLOW,
            ScheduleRoutes.REFERENCE, ReferenceIntake.FLOW);

    public FlowCommands(Colleges colleges, ProducerTemplate camel, AuditLog audit, RunGate gate) {
        this.gate = gate;
        this.colleges = colleges;
        this.camel = camel;
        this.audit = audit;
    }

    /** A command without a file. */
    public ResponseEntity<Map<String, Object>> run(String college, String entry, Principal operator) {
        return send(college, entry, operator, Map.of(), null, null);
    }

    /** The content types an upload endpoint takes: the file as it is, never a form. */
    public static final String TEXT = "text/*";
    public static final String XML = "application/xml";
    public static final String BINARY = "application/octet-stream";
    /** What browsers and Windows give a .csv file. */
    public static final String EXCEL_CSV = "application/vnd.ms-excel";
    public static final String CSV = "application/csv";

    /**
     * A file for a flow: audited with its name and size (never its content). An empty or too large file is refused
     * here with its code, before a run is opened.
     */
    public ResponseEntity<Map<String, Object>> upload(String college, String entry, Principal operator, String fileName, byte[] content,
                                                      Map<String, Object> headers) {
        if (!colleges.ids().contains(college)) {
            return unknownCollege(college);
        }
        if (content == null || content.length == 0) {
            return UploadErrors.emptyFile();
        }
        if (content.length > UploadErrors.MAX_UPLOAD_BYTES) {
            return UploadErrors.tooLarge(content.length);
        }
        Map<String, Object> withName = new HashMap<>(headers);
        withName.put(Exchange.FILE_NAME, fileName);
        return send(college, entry, operator, withName, content, fileName);
    }

    /**
     * The run gate for an operator's command: closed and not confirmed → 409 asking to repeat with confirm=true; closed
     * and confirmed → audited; null when the command may go on.
     */
    static ResponseEntity<Map<String, Object>> confirmIfClosed(RunGate gate, AuditLog audit, String college, String flow, boolean confirm,
                                                               Principal operator) {
        RunGate.Decision decision = gate.manual(college, flow);
        if (decision.open()) {
            return null;
        }
        if (!confirm) {
            // the gate's own code (PAUSED, BLACKOUT…) tells why; "confirm" tells what the command lacks
            ResponseEntity<Map<String, Object>> refused = UploadErrors.answer(HttpStatus.CONFLICT, decision.code(),
                    decision.reason() + ". Запустить всё равно — повторите с confirm=true");
            refused.getBody().put("confirm", UploadErrors.CONFIRMATION_REQUIRED);
            return refused;
        }
        audit.record(operator.getName(), "RUN_WHILE_PAUSED", college, flow, decision.code() + ": " + decision.reason());
        return null;
    }

    static ResponseEntity<Map<String, Object>> unknownFlow(String flow) {
        return UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.UNKNOWN_FLOW, "Неизвестный поток: " + flow);
    }

    public static ResponseEntity<Map<String, Object>> unknownCollege() {
        return UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.UNKNOWN_COLLEGE, "Колледж не настроен");
    }

    static ResponseEntity<Map<String, Object>> unknownCollege(String college) {
        // the id is the operator's own input, not a person's data
        return UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.UNKNOWN_COLLEGE, "Колледж «" + college
                + "» не настроен: проверьте идентификатор колледжа в адресе");
    }

    private ResponseEntity<Map<String, Object>> send(String college, String entry, Principal operator, Map<String, Object> extra,
                                                     byte[] content, String fileName) {
        if (!colleges.ids().contains(college)) {
            return unknownCollege(college);
        }
        String flow = FLOW_OF_ENTRY.get(entry);
        if (flow != null) {
            ResponseEntity<Map<String, Object>> refused = confirmIfClosed(gate, audit, college, flow, confirmed(), operator);
            if (refused != null) {
                return refused;
            }
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
        Long runId = exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class);
        if (fileName == null) {
            // a pull or refresh on command is an operator-started run like «Запустить»
            audit.record(operator.getName(), "RUN_STARTED", college, runId == null ? entry.substring(entry.indexOf(':') + 1) : "run " + runId,
                    entry.substring(entry.indexOf(':') + 1));
        }
        return ResponseEntity.accepted().body(Map.of("runId", runId));
    }

    /** confirm=true of the request being answered: every flow command takes it without each API declaring it. */
    private static boolean confirmed() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && Boolean.parseBoolean(request.getRequest().getParameter("confirm"));
    }
}
