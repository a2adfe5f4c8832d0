package ru.spobridge.app.console;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.flow.FlowLauncher;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.flow.RunGate;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.RunPauses;
import ru.spobridge.routes.store.RunPauses.Pause;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Pause and resume a college or one of its flows, with who, when and why. Resuming starts a catch-up run of every flow
 * whose scheduled runs were skipped during the pause: the source cursors did not move, so it reads all that changed.
 */
@RestController
@RequestMapping("/api")
public class PauseApi {

    private static final int SKIPPED_SHOWN = 200;

    private final Colleges colleges;
    private final Flows flows;
    private final RunGate gate;
    private final RunPauses pauses;
    private final SyncRuns runs;
    private final FlowLauncher launcher;
    private final AuditLog audit;

    public PauseApi(Colleges colleges, Flows flows, RunGate gate, RunPauses pauses, SyncRuns runs, FlowLauncher launcher, AuditLog audit) {
        this.colleges = colleges;
        this.flows = flows;
        this.gate = gate;
        this.pauses = pauses;
        this.runs = runs;
        this.launcher = launcher;
        this.audit = audit;
    }

    @PostMapping("/colleges/{college}/pause")
    public ResponseEntity<Map<String, Object>> pause(@PathVariable String college, @RequestParam(required = false) String flow,
                                                     @RequestParam(required = false) String reason, Principal operator) {
        ResponseEntity<Map<String, Object>> refused = refused(college, flow);
        if (refused != null) {
            return refused;
        }
        if (reason == null || reason.isBlank()) {
            return UploadErrors.answer(HttpStatus.UNPROCESSABLE_ENTITY, UploadErrors.REASON_REQUIRED, "Укажите причину приостановки (reason)");
        }
        String why = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        Pause pause = gate.pause(college, blankToNull(flow), why, operator.getName());
        audit.record(operator.getName(), "PAUSED", college, flow == null ? "*" : flow, why);
        return ResponseEntity.ok(view(pause));
    }

    @PostMapping("/colleges/{college}/resume")
    public ResponseEntity<Map<String, Object>> resume(@PathVariable String college, @RequestParam(required = false) String flow,
                                                      Principal operator) {
        ResponseEntity<Map<String, Object>> refused = refused(college, flow);
        if (refused != null) {
            return refused;
        }
        Optional<Pause> resumed = gate.resume(college, blankToNull(flow), operator.getName());
        if (resumed.isEmpty()) {
            return UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.NOT_PAUSED, "Приостановки нет");
        }
        List<String> catchUp = catchUp(resumed.get());
        audit.record(operator.getName(), "RESUMED", college, flow == null ? "*" : flow, "догоняющий запуск: " + catchUp);
        Map<String, Object> answer = view(resumed.get());
        answer.put("catchUp", catchUp);
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/pauses")
    public List<Map<String, Object>> pauses() {
        return pauses.openAll().stream().map(PauseApi::view).toList();
    }

    @GetMapping("/colleges/{college}/skipped-runs")
    public ResponseEntity<?> skipped(@PathVariable String college) {
        if (!colleges.known(college)) {
            return FlowCommands.unknownCollege();
        }
        return ResponseEntity.ok(runs.skipped(college, SKIPPED_SHOWN).stream().map(run -> Map.of("runId", run.id(), "flow", run.flow(),
                "trigger", run.trigger(), "at", run.startedAt().toString(), "reason", run.error() == null ? "" : run.error())).toList());
    }

    @GetMapping("/colleges/{college}/blackouts")
    public ResponseEntity<?> blackouts(@PathVariable String college) {
        if (!colleges.known(college)) {
            return FlowCommands.unknownCollege();
        }
        return ResponseEntity.ok(colleges.settings(college).blackouts());
    }

    /** Flows covered by the pause that had a scheduled run skipped since it began; each is started once, through the gate. */
    private List<String> catchUp(Pause pause) {
        Instant since = pause.pausedAt();
        List<String> started = new ArrayList<>();
        runs.skipped(pause.collegeId(), SKIPPED_SHOWN).stream()
                .filter(run -> !run.startedAt().isBefore(since) && pause.covers(run.flow()))
                .map(SyncRuns.Run::flow).distinct()
                .filter(flow -> flows.find(flow).isPresent() && launcher.entry(pause.collegeId(), flow).isPresent())
                .forEach(flow -> {
                    launcher.runAsync(pause.collegeId(), flow, "resume");
                    started.add(flow);
                });
        return started;
    }

    private ResponseEntity<Map<String, Object>> refused(String college, String flow) {
        if (!colleges.known(college)) {
            return FlowCommands.unknownCollege();
        }
        if (flow != null && !flow.isBlank() && flows.find(flow).isEmpty()) {
            return FlowCommands.unknownFlow(flow);
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<String, Object> view(Pause pause) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("college", pause.collegeId());
        view.put("flow", pause.flow() == null ? "*" : pause.flow());
        view.put("reason", pause.reason());
        view.put("pausedBy", pause.pausedBy());
        view.put("pausedAt", pause.pausedAt().toString());
        return view;
    }
}
