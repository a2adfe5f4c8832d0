package ru.spobridge.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.spobridge.routes.delivery.DeliveryBatch;
import ru.spobridge.routes.delivery.DeliveryObserver;

/**
 * {@code spo.records}: what became of the records a platform was sent, by college, flow, target and outcome
 * (delivered, rejected by the platform, dead_letter = kept for a retry or an operator). Counted per batch, once its
 * bookkeeping is committed, so a rolled-back batch that the bus redelivers is not counted twice.
 */
@Component
public class DeliveryMeters implements DeliveryObserver {

    public static final String RECORDS = "spo.records";
    public static final String DELIVERED = "delivered";
    public static final String REJECTED = "rejected";
    public static final String DEAD_LETTER = "dead_letter";

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public DeliveryMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void delivered(DeliveryBatch batch, List<String> entityKeys) {
        count(batch, DELIVERED, entityKeys.size());
    }

    @Override
    public void notDelivered(DeliveryBatch batch, List<String> entityKeys, String reason) {
        // DeliveryService marks a platform's refusal "REJECTED: …"; every other reason keeps the records for later
        count(batch, reason != null && reason.startsWith("REJECTED") ? REJECTED : DEAD_LETTER, entityKeys.size());
    }

    private void count(DeliveryBatch batch, String outcome, int records) {
        if (records == 0) {
            return;
        }
        Counter counter = counters.computeIfAbsent(List.of(batch.collegeId(), batch.flow(), batch.target(), outcome),
                key -> Counter.builder(RECORDS).description("Записи, отправленные платформе, по исходу")
                        .tag("college", key.get(0)).tag("flow", key.get(1)).tag("target", key.get(2)).tag("outcome", key.get(3))
                        .register(registry));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment(records);
                }
            });
        } else {
            counter.increment(records);
        }
    }
}
