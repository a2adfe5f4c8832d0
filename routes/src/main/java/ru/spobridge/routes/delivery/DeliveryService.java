package ru.spobridge.routes.delivery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.connectors.common.BatchResult;
import ru.spobridge.connectors.common.PermanentTargetException;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.flow.Flow;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.flow.Republish;
import ru.spobridge.routes.flow.RetryHorizon;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.DeliveryLedger;
import ru.spobridge.routes.store.DueReason;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Sends a batch to its target and records every record's outcome: delivered; refused by the platform (kept with
 * the platform's reason, not re-sent until it changes); waiting for a record it depends on; or — after the last
 * attempt — a dead letter. A student's movement order never overtakes an earlier one that is a dead letter.
 */
@Component
public class DeliveryService {

    /** Exchange property: how many times the batch was tried before it became a dead letter. */
    public static final String ATTEMPTS = "spoAttempts";

    /** Platform codes that mean "something this record refers to is not there yet": retried by the next run. */
    private static final Set<String> DEPENDENCY_CODES = Set.of("UNKNOWN_GROUP", "UNKNOWN_STUDENT", "MOVEMENT_OUT_OF_ORDER");

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final Map<String, TargetAdapter> targets;
    private final DeliveryLedger ledger;
    private final RejectedRecords rejected;
    private final DeadLetters deadLetters;
    private final SyncRuns runs;
    private final TransactionTemplate transaction;
    private final CanonicalJson json;
    private final List<DeliveryObserver> observers;
    private final TargetCircuits circuits;
    private final Flows flows;
    private final Republish republish;
    private final AuditLog audit;
    private final RetryHorizon horizon;

    public DeliveryService(List<TargetAdapter> adapters, DeliveryLedger ledger, RejectedRecords rejected,
                           DeadLetters deadLetters, SyncRuns runs, TransactionTemplate transaction, CanonicalJson json,
                           List<DeliveryObserver> observers, TargetCircuits circuits, Flows flows, Republish republish, AuditLog audit,
                           RetryHorizon horizon) {
        this.horizon = horizon;
        this.flows = flows;
        this.republish = republish;
        this.audit = audit;
        this.observers = observers;
        this.circuits = circuits;
        this.targets = adapters.stream().collect(Collectors.toMap(TargetAdapter::name, Function.identity()));
        this.ledger = ledger;
        this.rejected = rejected;
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * The step before sending (not repeated by retries): records that must wait behind an undelivered earlier one
     * are kept for a later run; the rest is returned to be sent.
     */
    public DeliveryBatch deferWaiting(DeliveryBatch batch) {
        List<DeliveryBatch.Item> waiting = waitingBehindDeadLetters(batch);
        if (!waiting.isEmpty()) {
            transaction.executeWithoutResult(status -> keepForLater(batch, waiting, "WAITING_FOR_EARLIER",
                    "Ждёт доставки более раннего приказа этого обучающегося, который не доставлен"));
        }
        return batch.without(waiting);
    }

    public void deliver(DeliveryBatch toSend) {
        TargetAdapter target = targets.get(toSend.target());
        if (target == null) {
            throw new PermanentTargetException(0, "UNKNOWN_TARGET", "Платформа " + toSend.target() + " не поддерживается");
        }
        BatchResult result = circuits.call(toSend.target(), () -> target.send(toSend));
        if (result.results().size() != toSend.items().size()) {
            // an answer that does not account for every record cannot be trusted; the same key makes a retry safe
            throw new TransientTargetException(result.httpStatus(), "INCOMPLETE_RESULT", null,
                    "Платформа вернула " + result.results().size() + " результатов на " + toSend.items().size() + " записей", null);
        }
        // outside the HTTP call: the transaction covers only the bookkeeping of one batch
        boolean parentsLost = Boolean.TRUE.equals(transaction.execute(status -> record(toSend, result)));
        if (parentsLost) {
            // after the commit, on another thread: the parents go first, then the children waiting for them
            republish.publishLater(toSend.collegeId(), toSend.flow(), "drift-repair");
        }
    }

    /** Records the outcome of every record of the batch; true when the platform lost parents the hub re-sends. */
    private boolean record(DeliveryBatch batch, BatchResult result) {
        List<String> delivered = new ArrayList<>();
        List<DeliveryLedger.Delivered> deliveredRows = new ArrayList<>();
        List<DeliveryLedger.Entry> refusedRows = new ArrayList<>();
        List<Object> marks = new ArrayList<>();
        List<RejectedRecords.Refusal> refusals = new ArrayList<>();
        List<DeliveryBatch.Item> dependent = new ArrayList<>();
        List<String> dependentReasons = new ArrayList<>();
        Map<DeliveryBatch.Item, Set<String>> dependencyCodes = new java.util.HashMap<>();
        int refused = 0;
        for (int i = 0; i < batch.items().size(); i++) {
            DeliveryBatch.Item item = batch.items().get(i);
            BatchResult.ItemResult outcome = result.results().get(i);
            if (outcome.accepted()) {
                deliveredRows.add(new DeliveryLedger.Delivered(item.entityKey(), item.contentHash(), outcome.id()));
                marks.add(deliveredRows.get(deliveredRows.size() - 1));
                delivered.add(item.entityKey());
            } else if (!outcome.errors().isEmpty() && outcome.errors().stream().allMatch(error -> DEPENDENCY_CODES.contains(error.code()))) {
                dependent.add(item);
                outcome.errors().forEach(error -> dependentReasons.add(error.code() + " (поле " + error.field() + ")"));
                outcome.errors().forEach(error -> dependencyCodes.computeIfAbsent(item, key -> new HashSet<>()).add(error.code()));
            } else {
                refused++;
                refusedRows.add(new DeliveryLedger.Entry(item.entityKey(), item.contentHash()));
                marks.add(refusedRows.get(refusedRows.size() - 1));
                List<RecordError> errors = outcome.errors().isEmpty()
                        ? List.of(new RecordError(item.entityKey(), "-", "REJECTED", "Платформа отклонила запись без указания причины"))
                        : outcome.errors().stream().map(error -> new RecordError(item.entityKey(), error.field(), error.code(), error.message())).toList();
                refusals.add(new RejectedRecords.Refusal(item.entityKey(), errors, item.maskedLabel()));
                String reason = "REJECTED: " + errors.stream().map(error -> error.field() + "/" + error.code()).collect(Collectors.joining(", "));
                observers.forEach(observer -> observer.notDelivered(batch, List.of(item.entityKey()), reason));
            }
        }
        // the ledger rows of the whole batch at once; a key twice in a batch is handled record by record, in order
        if (distinctKeys(batch)) {
            ledger.markDelivered(batch.collegeId(), batch.entityType(), batch.target(), deliveredRows);
            ledger.markRejected(batch.collegeId(), batch.entityType(), batch.target(), refusedRows);
            rejected.rejectAll(batch.collegeId(), batch.flow(), batch.entityType(), batch.target(), refusals, batch.runId());
        } else {
            markOneByOne(batch, marks);
            refusals.forEach(one -> rejected.reject(batch.collegeId(), batch.flow(), batch.entityType(), one.entityKey(), batch.target(),
                    one.errors(), one.maskedLabel(), batch.runId()));
        }
        observers.forEach(observer -> observer.delivered(batch, delivered));
        rejected.resolve(batch.collegeId(), batch.entityType(), delivered, batch.target());
        deadLetters.resolveDelivered(batch.collegeId(), batch.target(), batch.entityType(), delivered);
        if (!delivered.isEmpty()) {
            horizon.parentsDelivered(batch.collegeId(), batch.target());
        }
        ledger.completeBatch(batch.idempotencyKey(), result.httpStatus(), refused == 0 && dependent.isEmpty() ? "DELIVERED" : "PARTIAL");
        runs.addOutcome(batch.runId(), delivered.size(), refused, 0);
        boolean parentsLost = false;
        if (!dependent.isEmpty()) {
            keepForLater(batch, dependent, "DEPENDENCY_NOT_MET",
                    "Платформа ещё не знает связанную запись: " + String.join(", ", new java.util.TreeSet<>(dependentReasons)));
            parentsLost = repairLostParents(batch, dependencyCodes);
        }
        if (refused > 0) {
            log.warn("{} {} {}: платформа отклонила {} из {} записей пакета {}", batch.collegeId(), batch.target(),
                    batch.entityType(), refused, batch.items().size(), batch.idempotencyKey());
        }
        return parentsLost;
    }

    private static boolean distinctKeys(DeliveryBatch batch) {
        return batch.items().stream().map(DeliveryBatch.Item::entityKey).distinct().count() == batch.items().size();
    }

    /** Batch order, one record at a time: a later outcome for the same key overrides an earlier one as it always did. */
    private void markOneByOne(DeliveryBatch batch, List<Object> marks) {
        for (Object mark : marks) {
            if (mark instanceof DeliveryLedger.Delivered one) {
                ledger.markDelivered(batch.collegeId(), batch.entityType(), batch.target(), List.of(one));
            } else if (mark instanceof DeliveryLedger.Entry one) {
                ledger.markRejected(batch.collegeId(), batch.entityType(), batch.target(), List.of(one));
            }
        }
    }

    /**
     * A platform that answers "unknown parent" for a parent the hub delivered before this run began has lost it
     * (restored from a backup, a restarted demo): the parent is made due as new from the canonical state and the
     * drift reported; a parent delivered during this run is not re-sent, so a platform that keeps refusing cannot loop.
     */
    private boolean repairLostParents(DeliveryBatch batch, Map<DeliveryBatch.Item, Set<String>> dependencyCodes) {
        Flow flow = flows.find(batch.flow()).orElse(null);
        java.time.Instant runStarted = runs.get(batch.runId()).map(SyncRuns.Run::startedAt).orElse(null);
        if (flow == null || runStarted == null) {
            return false;
        }
        Map<String, Set<String>> parents = new java.util.TreeMap<>();
        dependencyCodes.forEach((item, codes) -> codes.forEach(code -> flow.parentsOf(batch.entityType(), item.payload(), code)
                .forEach((type, keys) -> parents.computeIfAbsent(type, t -> new java.util.TreeSet<>()).addAll(keys))));
        int lost = 0;
        for (Map.Entry<String, Set<String>> entry : parents.entrySet()) {
            Set<String> delivered = ledger.deliveredBefore(batch.collegeId(), entry.getKey(), batch.target(), entry.getValue(), runStarted);
            if (delivered.isEmpty()) {
                continue;
            }
            ledger.makeDue(batch.collegeId(), entry.getKey(), batch.target(), List.copyOf(delivered), DueReason.REPAIR);
            audit.record("hub", "DRIFT_REPAIRED", batch.collegeId(), batch.target() + " " + entry.getKey(),
                    delivered.size() + " ранее доставленных записей нет на платформе: отправлены заново");
            log.warn("{} {} {}: платформа потеряла {} ранее доставленных записей — отправляются заново, затем зависящие от них",
                    batch.collegeId(), batch.target(), entry.getKey(), delivered.size());
            lost += delivered.size();
        }
        return lost > 0;
    }

    /** Records that must wait behind an earlier undelivered change of the same entity, as their flow decides. */
    private List<DeliveryBatch.Item> waitingBehindDeadLetters(DeliveryBatch batch) {
        Flow flow = flows.find(batch.flow()).orElse(null);
        if (flow == null) {
            return List.of();
        }
        Map<String, String> inBatch = new java.util.LinkedHashMap<>();
        batch.items().forEach(item -> inBatch.put(item.entityKey(), item.payload()));
        Set<String> waiting = flow.mustWait(batch.entityType(), inBatch,
                () -> deadLetters.openPayloadsByKey(batch.collegeId(), batch.target(), batch.entityType()));
        return batch.items().stream().filter(item -> waiting.contains(item.entityKey())).toList();
    }

    /** Records that must be sent again later: retried by the hub itself, or kept for an operator; never dropped. */
    private void keepForLater(DeliveryBatch batch, List<DeliveryBatch.Item> items, String code, String reason) {
        List<String> keys = items.stream().map(DeliveryBatch.Item::entityKey).toList();
        Map<String, DeadLetters.Retry> retrying = horizon.plan(batch.collegeId(), batch.target(), batch.entityType(), keys, null);
        deadLetters.store(batch.collegeId(), batch.flow(), batch.target(), batch.entityType(), batch.idempotencyKey(),
                items.stream().map(item -> new DeadLetters.Letter(item.entityKey(), item.contentHash(), item.payload(), item.maskedLabel())).toList(),
                code, reason, 1, batch.runId(), retrying);
        ledger.makeDue(batch.collegeId(), batch.entityType(), batch.target(), keys, DueReason.RETRY);
        runs.addOutcome(batch.runId(), 0, 0, items.size());
        observers.forEach(observer -> observer.notDelivered(batch, keys, code));
        log.warn("{} {} {}: {} записей отложены ({} — автоматическая повторная отправка, {} — до решения оператора или следующего запуска): {}",
                batch.collegeId(), batch.target(), batch.entityType(), items.size(), retrying.size(), items.size() - retrying.size(), code);
    }

    private static String errorCode(Exception cause) {
        if (cause instanceof TransientTargetException t) {
            return t.code() + (t.status() > 0 ? " (HTTP " + t.status() + ")" : "");
        }
        if (cause instanceof PermanentTargetException p) {
            return p.code() + (p.status() > 0 ? " (HTTP " + p.status() + ")" : "");
        }
        return cause == null ? "UNKNOWN" : cause.getClass().getSimpleName();
    }

    /**
     * After the last attempt: every record of the batch is kept with the cause, nothing is dropped — retried by the hub
     * itself for a transient fault (an open circuit: once it lets probes through), for an operator on a refusal.
     */
    public void deadLetter(Exchange exchange) {
        DeliveryBatch unsent = exchange.getIn().getBody(DeliveryBatch.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int attempts = Math.max(1, exchange.getProperty(ATTEMPTS, 0, Integer.class));
        String code = errorCode(cause);
        String reason = cause == null || cause.getMessage() == null ? code : cause.getMessage();
        List<String> keys = unsent.items().stream().map(DeliveryBatch.Item::entityKey).toList();
        int retrying = Objects.requireNonNull(transaction.execute(status -> {
            Map<String, DeadLetters.Retry> plan = !(cause instanceof TransientTargetException) ? Map.of()
                    : horizon.plan(unsent.collegeId(), unsent.target(), unsent.entityType(), keys,
                            cause instanceof TargetCircuits.OpenCircuit open ? open.remaining() : null);
            deadLetters.store(unsent.collegeId(), unsent.flow(), unsent.target(), unsent.entityType(), unsent.idempotencyKey(),
                    unsent.items().stream().map(item -> new DeadLetters.Letter(item.entityKey(), item.contentHash(), item.payload(), item.maskedLabel())).toList(),
                    code.length() > 64 ? code.substring(0, 64) : code, reason, attempts, unsent.runId(), plan);
            ledger.makeDue(unsent.collegeId(), unsent.entityType(), unsent.target(), keys, DueReason.RETRY);
            ledger.completeBatch(unsent.idempotencyKey(), cause instanceof TransientTargetException t ? t.status() : null, "DEAD_LETTER");
            runs.addOutcome(unsent.runId(), 0, 0, unsent.items().size());
            observers.forEach(observer -> observer.notDelivered(unsent, keys, "PLATFORM_UNAVAILABLE: " + code));
            return plan.size();
        }));
        if (retrying == unsent.items().size()) {
            log.warn("{} {} {}: пакет {} ({} записей) не доставлен после {} попыток: {} — будет отправлен автоматически позже",
                    unsent.collegeId(), unsent.target(), unsent.entityType(), unsent.idempotencyKey(), unsent.items().size(), attempts, code);
        } else {
            log.error("{} {} {}: пакет {} ({} записей) не доставлен после {} попыток: {} — {} записей сохранены как недоставленные",
                    unsent.collegeId(), unsent.target(), unsent.entityType(), unsent.idempotencyKey(), unsent.items().size(), attempts, code,
                    unsent.items().size() - retrying);
        }
    }
}
