package ru.spobridge.routes.contingent;

import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.schedule.ScheduleRoutes;
import ru.spobridge.routes.schedule.ScheduleSnapshot;
import ru.spobridge.routes.schedule.ScheduleState;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.SyncRuns;

/** An operator's decision on a held run: approve applies the kept read as it was, reject drops it. Both audited. */
@Component
public class HeldRunDecisions {

    private static final Logger log = LoggerFactory.getLogger(HeldRunDecisions.class);

    private final HeldRuns heldRuns;
    private final SyncRuns runs;
    private final AuditLog audit;
    private final CanonicalJson json;
    private final ProducerTemplate camel;

    public HeldRunDecisions(HeldRuns heldRuns, SyncRuns runs, AuditLog audit, CanonicalJson json, ProducerTemplate camel) {
        this.heldRuns = heldRuns;
        this.runs = runs;
        this.audit = audit;
        this.json = json;
        this.camel = camel;
    }

    public enum Outcome { DONE, NOT_HELD }

    public Outcome approve(long runId, String operator) {
        HeldRuns.Held held = heldRuns.get(runId).orElse(null);
        if (held == null || !heldRuns.decide(runId, HeldRuns.APPROVED, operator)) {
            return Outcome.NOT_HELD;
        }
        audit.record(operator, "HELD_RUN_APPROVED", held.collegeId(), "run " + runId, held.reasonCode());
        String snapshot = heldRuns.snapshot(runId).orElseThrow();
        runs.resumed(runId);
        log.info("{} {}: запуск {} одобрен оператором {}, применяется", held.flow(), held.collegeId(), runId, operator);
        // the kept read is applied at the step after the hold, as if it had just been read
        Object body = ScheduleState.FLOW.equals(held.flow()) ? json.read(snapshot, ScheduleSnapshot.class)
                : json.read(snapshot, ContingentSnapshot.class);
        String entry = ScheduleState.FLOW.equals(held.flow()) ? ScheduleRoutes.APPLY : ContingentSyncRoute.APPLY;
        camel.requestBodyAndHeaders(entry, body, Map.of(ContingentSync.COLLEGE, held.collegeId(), ContingentSync.RUN, runId));
        return Outcome.DONE;
    }

    public Outcome reject(long runId, String operator, String reason) {
        HeldRuns.Held held = heldRuns.get(runId).orElse(null);
        if (held == null || !heldRuns.decide(runId, HeldRuns.REJECTED, operator)) {
            return Outcome.NOT_HELD;
        }
        audit.record(operator, "HELD_RUN_REJECTED", held.collegeId(), "run " + runId, reason);
        runs.rejectedByOperator(runId, "Отклонён оператором: " + (reason == null || reason.isBlank() ? "без указания причины" : reason));
        log.info("Контингент {}: запуск {} отклонён оператором {}", held.collegeId(), runId, operator);
        return Outcome.DONE;
    }
}
