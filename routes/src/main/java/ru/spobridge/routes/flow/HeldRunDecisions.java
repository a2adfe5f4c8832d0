package ru.spobridge.routes.flow;

import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.SyncRuns;

/**
 * An operator's decision on a held run, dispatched to the flow that owns it: approve applies the kept read at the
 * flow's step after the hold, as it was; reject drops it. Both audited.
 */
@Component
public class HeldRunDecisions {

    private static final Logger log = LoggerFactory.getLogger(HeldRunDecisions.class);

    private final HeldRuns heldRuns;
    private final SyncRuns runs;
    private final AuditLog audit;
    private final CanonicalJson json;
    private final ProducerTemplate camel;
    private final Flows flows;

    public HeldRunDecisions(HeldRuns heldRuns, SyncRuns runs, AuditLog audit, CanonicalJson json, ProducerTemplate camel, Flows flows) {
        this.heldRuns = heldRuns;
        this.runs = runs;
        this.audit = audit;
        this.json = json;
        this.camel = camel;
        this.flows = flows;
    }

    public enum Outcome { DONE, NOT_HELD }

    public Outcome approve(long runId, String operator) {
        HeldRuns.Held held = heldRuns.get(runId).orElse(null);
        if (held == null) {
            return Outcome.NOT_HELD;
        }
        Flow.HeldReads reads = flows.get(held.flow()).heldReads()
                .orElseThrow(() -> new IllegalStateException("Поток " + held.flow() + " не задерживает запуски"));
        if (!heldRuns.decide(runId, HeldRuns.APPROVED, operator)) {
            return Outcome.NOT_HELD;
        }
        audit.record(operator, "HELD_RUN_APPROVED", held.collegeId(), "run " + runId, held.reasonCode());
        String snapshot = heldRuns.snapshot(runId).orElseThrow();
        runs.resumed(runId);
        log.info("{} {}: запуск {} одобрен оператором {}, применяется", held.flow(), held.collegeId(), runId, operator);
        camel.requestBodyAndHeaders(reads.applyEndpoint(), json.read(snapshot, reads.snapshotType()),
                Map.of(FlowHeaders.COLLEGE, held.collegeId(), FlowHeaders.RUN, runId, FlowHeaders.FLOW, held.flow()));
        return Outcome.DONE;
    }

    public Outcome reject(long runId, String operator, String reason) {
        HeldRuns.Held held = heldRuns.get(runId).orElse(null);
        if (held == null || !heldRuns.decide(runId, HeldRuns.REJECTED, operator)) {
            return Outcome.NOT_HELD;
        }
        audit.record(operator, "HELD_RUN_REJECTED", held.collegeId(), "run " + runId, reason);
        runs.rejectedByOperator(runId, "Отклонён оператором: " + (reason == null || reason.isBlank() ? "без указания причины" : reason));
        log.info("{} {}: запуск {} отклонён оператором {}", held.flow(), held.collegeId(), runId, operator);
        return Outcome.DONE;
    }
}
