package ru.spobridge.app.console;

import java.security.Principal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.schedule.ScheduleImport;
import ru.spobridge.routes.schedule.ScheduleRoutes;
import ru.spobridge.routes.store.SyncRuns;

/** Reference data and schedule files from an operator: an aSc export for a period, changes, attestation, справочники. */
@RestController
@RequestMapping("/api/colleges/{college}")
public class ScheduleApi {

    private final FlowCommands commands;
    private final SyncRuns runs;

    public ScheduleApi(FlowCommands commands, SyncRuns runs) {
        this.commands = commands;
        this.runs = runs;
    }

    /**
     * An aSc Timetables 2012 XML export, expanded into dated lessons for [from, to]; weeks A/B counted from termStart;
     * {@code term} (1-based, default 1) selects the term of the export's positional term masks.
     */
    @PostMapping(value = "/schedule/asc", consumes = {FlowCommands.TEXT, FlowCommands.XML, FlowCommands.BINARY, FlowCommands.EXCEL_CSV, FlowCommands.CSV})
    public ResponseEntity<Map<String, Object>> asc(@PathVariable String college, @RequestParam String name,
                                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termStart,
                                                   @RequestParam(required = false) Integer term,
                                                   @RequestBody(required = false) byte[] content, Principal operator) {
        if (to.isBefore(from) || to.isAfter(from.plusDays(190))) {
            return UploadErrors.answer(HttpStatus.BAD_REQUEST, "INVALID_PERIOD", "Период задаётся датами from ≤ to, не длиннее семестра");
        }
        if (term != null && (term < 1 || term > 12)) {
            return UploadErrors.answer(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Номер семестра (term) — от 1 до 12");
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(ScheduleImport.FROM, from);
        headers.put(ScheduleImport.TO, to);
        headers.put(ScheduleImport.TERM_START, termStart == null ? from : termStart);
        headers.put(ScheduleImport.TERM, term == null ? 1 : term);
        return refusedAtOnce(send(college, ScheduleRoutes.ASC, name, content, operator, headers));
    }

    /** The file is read while the request waits: a file refused as corrupt is answered 422 with the reason, not 202. */
    private ResponseEntity<Map<String, Object>> refusedAtOnce(ResponseEntity<Map<String, Object>> answer) {
        Object runId = answer.getBody() == null ? null : answer.getBody().get("runId");
        if (answer.getStatusCode() != HttpStatus.ACCEPTED || !(runId instanceof Long id)) {
            return answer;
        }
        return runs.get(id).filter(run -> SyncRuns.FILE_REFUSED.equals(run.status()))
                .<ResponseEntity<Map<String, Object>>>map(run -> ResponseEntity.unprocessableEntity().body(Map.of("runId", id,
                        "status", run.status(), "message", run.error() == null ? "Файл отклонён" : run.error())))
                .orElse(answer);
    }

    @PostMapping(value = "/schedule/changes", consumes = {FlowCommands.TEXT, FlowCommands.XML, FlowCommands.BINARY, FlowCommands.EXCEL_CSV, FlowCommands.CSV})
    public ResponseEntity<Map<String, Object>> changes(@PathVariable String college, @RequestParam String name, @RequestBody(required = false) byte[] content,
                                                       Principal operator) {
        return send(college, ScheduleRoutes.CHANGES, name, content, operator, Map.of());
    }

    @PostMapping(value = "/schedule/attestation", consumes = {FlowCommands.TEXT, FlowCommands.XML, FlowCommands.BINARY, FlowCommands.EXCEL_CSV, FlowCommands.CSV})
    public ResponseEntity<Map<String, Object>> attestation(@PathVariable String college, @RequestParam String name, @RequestBody(required = false) byte[] content,
                                                           Principal operator) {
        return send(college, ScheduleRoutes.ATTESTATION, name, content, operator, Map.of());
    }

    @PostMapping(value = "/reference", consumes = {FlowCommands.TEXT, FlowCommands.XML, FlowCommands.BINARY, FlowCommands.EXCEL_CSV, FlowCommands.CSV})
    public ResponseEntity<Map<String, Object>> reference(@PathVariable String college, @RequestParam String name, @RequestBody(required = false) byte[] content,
                                                         Principal operator) {
        return send(college, ScheduleRoutes.REFERENCE, name, content, operator, Map.of());
    }

    private ResponseEntity<Map<String, Object>> send(String college, String entry, String name, byte[] content, Principal operator,
                                                     Map<String, Object> extra) {
        return commands.upload(college, entry, operator, name, content, extra);
    }
}
