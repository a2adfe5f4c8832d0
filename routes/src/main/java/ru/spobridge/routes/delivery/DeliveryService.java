package ru.spobridge.routes.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.connectors.common.BatchResult;
import ru.spobridge.connectors.common.PermanentTargetException;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.DeliveryLedger;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Sends a batch to its target and records every record's outcome: delivered, refused by the platform (kept with
 * the platform's reason, not re-sent until it changes), or — after the last attempt — a dead letter.
 */
@Component
public class DeliveryService {

    /** Exchange property: how many times the batch was tried before it became a dead letter. */
    public static final String ATTEMPTS = "spoAttempts";

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final Map<String, TargetAdapter> targets;
    private final DeliveryLedger ledger;
    private final RejectedRecords rejected;
    private final DeadLetters deadLetters;
    private final SyncRuns runs;
    private final TransactionTemplate transaction;

    public DeliveryService(List<TargetAdapter> adapters, DeliveryLedger ledger, RejectedRecords rejected,
                           DeadLetters deadLetters, SyncRuns runs, TransactionTemplate transaction) {
        this.transaction = transaction;
        this.targets = adapters.stream().collect(Collectors.toMap(TargetAdapter::name, Function.identity()));
        this.ledger = ledger;
        this.rejected = rejected;
        this.deadLetters = deadLetters;
        this.runs = runs;
    }

    public void deliver(DeliveryBatch batch) {
        TargetAdapter target = targets.get(batch.target());
        if (target == null) {
            throw new PermanentTargetException(0, "UNKNOWN_TARGET", "Платформа " + batch.target() + " не поддерживается");
        }
        BatchResult result = target.send(batch);
        if (result.results().size() != batch.items().size()) {
            // an answer that does not account for every record cannot be trusted; the same key makes a retry safe
            throw new TransientTargetException(result.httpStatus(), "INCOMPLETE_RESULT", null,
                    "Платформа вернула " + result.results().size() + " результатов на " + batch.items().size() + " записей", null);
        }
        // outside the HTTP call: the transaction covers only the bookkeeping of one batch
        transaction.executeWithoutResult(status -> record(batch, result));
    }

    private void record(DeliveryBatch batch, BatchResult result) {
        List<String> delivered = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < batch.items().size(); i++) {
            DeliveryBatch.Item item = batch.items().get(i);
            BatchResult.ItemResult outcome = result.results().get(i);
            if (outcome.accepted()) {
                ledger.markDelivered(batch.collegeId(), batch.entityType(), batch.target(), item.entityKey(), item.contentHash(), outcome.id());
                delivered.add(item.entityKey());
            } else {
                refused++;
                ledger.markRejected(batch.collegeId(), batch.entityType(), batch.target(), item.entityKey(), item.contentHash());
                List<RecordError> errors = outcome.errors().isEmpty()
                        ? List.of(new RecordError(item.entityKey(), "-", "REJECTED", "Платформа отклонила запись без указания причины"))
                        : outcome.errors().stream().map(error -> new RecordError(item.entityKey(), error.field(), error.code(), error.message())).toList();
                rejected.reject(batch.collegeId(), batch.flow(), batch.entityType(), item.entityKey(), batch.target(), errors,
                        item.maskedLabel(), batch.runId());
            }
        }
        rejected.resolve(batch.collegeId(), batch.entityType(), delivered, batch.target());
        deadLetters.resolveDelivered(batch.collegeId(), batch.target(), batch.entityType(), delivered);
        ledger.completeBatch(batch.idempotencyKey(), result.httpStatus(), refused == 0 ? "DELIVERED" : "PARTIAL");
        runs.addOutcome(batch.runId(), delivered.size(), refused, 0);
        if (refused > 0) {
            log.warn("{} {} {}: платформа отклонила {} из {} записей пакета {}", batch.collegeId(), batch.target(),
                    batch.entityType(), refused, batch.items().size(), batch.idempotencyKey());
        }
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

    /** After the last attempt: every record of the batch becomes a dead letter with the cause; nothing is dropped. */
    @Transactional
    public void deadLetter(Exchange exchange) {
        DeliveryBatch batch = exchange.getIn().getBody(DeliveryBatch.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int attempts = Math.max(1, exchange.getProperty(ATTEMPTS, 0, Integer.class));
        String code = errorCode(cause);
        String reason = cause == null ? "причина неизвестна" : cause.getMessage();
        deadLetters.store(batch.collegeId(), batch.flow(), batch.target(), batch.entityType(), batch.idempotencyKey(),
                batch.items().stream().map(item -> new DeadLetters.Letter(item.entityKey(), item.contentHash(), item.payload(), item.maskedLabel())).toList(),
                code.length() > 64 ? code.substring(0, 64) : code, reason == null ? code : reason, attempts, batch.runId());
        ledger.clearPublished(batch.collegeId(), batch.entityType(), batch.target(),
                batch.items().stream().map(DeliveryBatch.Item::entityKey).toList());
        ledger.completeBatch(batch.idempotencyKey(), cause instanceof TransientTargetException t ? t.status() : null, "DEAD_LETTER");
        runs.addOutcome(batch.runId(), 0, 0, batch.items().size());
        log.error("{} {} {}: пакет {} ({} записей) не доставлен после {} попыток: {} — записи сохранены как недоставленные",
                batch.collegeId(), batch.target(), batch.entityType(), batch.idempotencyKey(), batch.items().size(), attempts, code);
    }
}
