package ru.spobridge.app.console;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.connectors.contingent.ContingentReadException;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.contingent.ContingentPreview;
import ru.spobridge.routes.flow.FlowLauncher;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.flow.HeldRunDecisions;
import ru.spobridge.routes.flow.RunGate;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.reconciliation.ReconciliationReports;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.reconciliation.Reconciliation;

/** What an operator may do, signed in: start a run, preview one, decide on a held run, reconcile and repair. */
@RestController
@RequestMapping("/api")
public class OperatorActions {

    private final Colleges colleges;
    private final SyncCommands commands;
    private final ContingentPreview preview;
    private final HeldRunDecisions decisions;
    private final Reconciliation reconciliation;
    private final Flows flows;
    private final FlowLauncher launcher;
    private final RunGate gate;
    private final AuditLog audit;
    private final Access access;
    private final HeldRuns heldRuns;
    private final ReconciliationReports reports;

    public OperatorActions(Colleges colleges, SyncCommands commands, ContingentPreview preview, HeldRunDecisions decisions,
                           Reconciliation reconciliation, Flows flows, FlowLauncher launcher, RunGate gate, AuditLog audit,
                           Access access, HeldRuns heldRuns, ReconciliationReports reports) {
        this.access = access;
        this.heldRuns = heldRuns;
        this.reports = reports;
        this.gate = gate;
        this.audit = audit;
        this.flows = flows;
        this.launcher = launcher;
        this.colleges = colleges;
        this.commands = commands;
        this.preview = preview;
        this.decisions = decisions;
        this.reconciliation = reconciliation;
    }

    @PostMapping("/colleges/{college}/contingent/runs")
    public ResponseEntity<Map<String, Object>> runContingent(@PathVariable String college, @RequestParam(defaultValue = "false") boolean full,
                                                             @RequestParam(defaultValue = "false") boolean confirm, Principal operator) {
        access.require(college);
        if (!colleges.ids().contains(college)) {
            return FlowCommands.unknownCollege();
        }
        ResponseEntity<Map<String, Object>> refused = FlowCommands.confirmIfClosed(gate, audit, college, "contingent", confirm, operator);
        if (refused != null) {
            return refused;
        }
        Long runId = commands.runContingent(college, full, "operator:" + operator.getName());
        if (runId == null) {
            return UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.RUN_IN_PROGRESS, "Предыдущий запуск ещё выполняется");
        }
        audit.record(operator.getName(), "RUN_STARTED", college, "run " + runId, "contingent" + (full ? ", полное чтение" : ""));
        return ResponseEntity.accepted().body(Map.of("runId", runId));
    }

    /** «Запустить» of any flow that can be started by command (contingent, staff, marks). */
    @PostMapping("/colleges/{college}/flows/{flow}/runs")
    public ResponseEntity<Map<String, Object>> runFlow(@PathVariable String college, @PathVariable String flow,
                                                       @RequestParam(defaultValue = "false") boolean full,
                                                       @RequestParam(defaultValue = "false") boolean confirm, Principal operator) {
        access.require(college);
        if (!colleges.ids().contains(college)) {
            return FlowCommands.unknownCollege();
        }
        if (flows.find(flow).isEmpty()) {
            return FlowCommands.unknownFlow(flow);
        }
        if (launcher.entry(college, flow).isEmpty()) {
            return UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.UPLOAD_ONLY, "Этот поток запускается загрузкой файла");
        }
        ResponseEntity<Map<String, Object>> refused = FlowCommands.confirmIfClosed(gate, audit, college, flow, confirm, operator);
        if (refused != null) {
            return refused;
        }
        Long runId = launcher.run(college, flow, "operator:" + operator.getName(), full, true);
        if (runId == null) {
            return UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.RUN_IN_PROGRESS, "Предыдущий запуск ещё выполняется");
        }
        audit.record(operator.getName(), "RUN_STARTED", college, "run " + runId, flow + (full ? ", полное чтение" : ""));
        return ResponseEntity.accepted().body(Map.of("runId", runId));
    }

    @PostMapping("/colleges/{college}/contingent/preview")
    public ResponseEntity<?> preview(@PathVariable String college, @RequestParam(defaultValue = "false") boolean full, Principal operator) {
        access.require(college);
        if (!colleges.ids().contains(college)) {
            return FlowCommands.unknownCollege();
        }
        var answer = preview.preview(college, full);
        audit.record(operator.getName(), "PREVIEW", college, "contingent", full ? "полное чтение" : "изменения с прошлого запуска");
        return ResponseEntity.ok(answer);
    }

    @PostMapping("/held-runs/{runId}/approve")
    public ResponseEntity<Map<String, Object>> approve(@PathVariable long runId, Principal operator) {
        heldRuns.get(runId).ifPresent(held -> access.require(held.collegeId()));
        return decided(decisions.approve(runId, operator.getName()), runId);
    }

    @PostMapping("/held-runs/{runId}/reject")
    public ResponseEntity<Map<String, Object>> reject(@PathVariable long runId, @RequestParam(required = false) String reason,
                                                      Principal operator) {
        heldRuns.get(runId).ifPresent(held -> access.require(held.collegeId()));
        return decided(decisions.reject(runId, operator.getName(), reason), runId);
    }

    @PostMapping("/colleges/{college}/reconciliation")
    public ResponseEntity<Map<String, Object>> reconcile(@PathVariable String college, Principal operator) {
        access.require(college);
        if (!colleges.ids().contains(college)) {
            return FlowCommands.unknownCollege();
        }
        List<Long> reports = reconciliation.reconcile(college, operator.getName());
        return ResponseEntity.ok(Map.of("reports", reports));
    }

    @PostMapping("/reconciliation/{reportId}/repair")
    public ResponseEntity<Map<String, Object>> repair(@PathVariable long reportId, Principal operator) {
        reports.get(reportId).ifPresent(report -> access.require(report.collegeId()));
        return reconciliation.repair(reportId, operator.getName())
                .<ResponseEntity<Map<String, Object>>>map(runId -> ResponseEntity.accepted().body(Map.of("runId", runId)))
                .orElseGet(() -> UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.NOT_FOUND_OR_DONE, "Отчёт не найден или уже исправлен"));
    }

    @ExceptionHandler(ContingentReadException.class)
    public ResponseEntity<Map<String, Object>> sourceUnavailable(ContingentReadException e) {
        return UploadErrors.answer(HttpStatus.BAD_GATEWAY, e.code(), e.getMessage());
    }

    private static ResponseEntity<Map<String, Object>> decided(HeldRunDecisions.Outcome outcome, long runId) {
        if (outcome == HeldRunDecisions.Outcome.NOT_HELD) {
            return UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.NOT_FOUND_OR_DONE, "Запуск не задержан или решение уже принято");
        }
        return ResponseEntity.ok(Map.of("runId", runId));
    }
}
