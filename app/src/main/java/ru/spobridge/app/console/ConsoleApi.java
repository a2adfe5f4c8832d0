package ru.spobridge.app.console;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.model.College;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The operator console's API: runs, refused records and dead letters — labels masked, no payloads.
 * Also starts a run on command.
 */
@RestController
@RequestMapping("/api")
public class ConsoleApi {

    private final SyncRuns runs;
    private final RejectedRecords rejected;
    private final DeadLetters deadLetters;
    private final Colleges colleges;
    private final SyncCommands commands;

    public ConsoleApi(SyncRuns runs, RejectedRecords rejected, DeadLetters deadLetters, Colleges colleges, SyncCommands commands) {
        this.runs = runs;
        this.rejected = rejected;
        this.deadLetters = deadLetters;
        this.colleges = colleges;
        this.commands = commands;
    }

    @GetMapping("/colleges")
    public List<College> colleges() {
        return colleges.ids().stream().map(colleges::college).toList();
    }

    @GetMapping("/runs/latest")
    public List<SyncRuns.Run> latestRuns() {
        return runs.latest();
    }

    @GetMapping("/runs/{id}")
    public ResponseEntity<SyncRuns.Run> run(@PathVariable long id) {
        return ResponseEntity.of(runs.get(id));
    }

    @GetMapping("/rejected")
    public List<RejectedRecords.Rejection> rejected(@RequestParam(required = false) String college,
                                                    @RequestParam(defaultValue = "200") int limit) {
        return rejected.open(college, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/dead-letters")
    public List<DeadLetters.DeadLetter> deadLetters(@RequestParam(required = false) String college,
                                                    @RequestParam(defaultValue = "200") int limit) {
        return deadLetters.open(college, Math.min(Math.max(limit, 1), 1000));
    }

    @PostMapping("/colleges/{college}/contingent/runs")
    public ResponseEntity<Map<String, Object>> runContingent(@PathVariable String college,
                                                             @RequestParam(defaultValue = "false") boolean full) {
        if (!colleges.ids().contains(college)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Колледж не настроен"));
        }
        Long runId = commands.runContingent(college, full, "operator");
        if (runId == null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", "Предыдущий запуск ещё выполняется"));
        }
        return ResponseEntity.accepted().body(Map.of("runId", runId));
    }
}
