package ru.spobridge.routes.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.DeliveryLedger;
import ru.spobridge.routes.store.PendingRecord;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Change detection: for every enabled target of a college, the canonical records the target does not have in
 * their current version, cut into batches within the target's limit, each with a content-derived idempotency key.
 */
@Component
public class ChangePublisher {

    private final Colleges colleges;
    private final Map<String, TargetAdapter> targets;
    private final CanonicalRecords canonical;
    private final DeliveryLedger ledger;
    private final SyncRuns runs;
    private final HubProperties properties;
    private final Clock clock;

    public ChangePublisher(Colleges colleges, List<TargetAdapter> adapters, CanonicalRecords canonical, DeliveryLedger ledger,
                           SyncRuns runs, HubProperties properties, Clock clock) {
        this.colleges = colleges;
        this.targets = adapters.stream().collect(Collectors.toMap(TargetAdapter::name, Function.identity()));
        this.canonical = canonical;
        this.ledger = ledger;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    /** The entity types each flow publishes; a target takes them in its own order. */
    private static final Map<String, java.util.Set<String>> FLOW_TYPES = Map.of(
            "contingent", java.util.Set.of("group", "student", "guardian", "movement"),
            "staff", java.util.Set.of("staff", "workload", "substitution_grant"),
            "reference", java.util.Set.of("reference"),
            "schedule", java.util.Set.of("lesson", "attestation_event"),
            "marks", java.util.Set.of("mark", "attendance"));

    @Transactional
    public List<DeliveryBatch> batches(@Header(ContingentSync.COLLEGE) String collegeId, @Header(ContingentSync.RUN) long runId, String flow) {
        List<DeliveryBatch> batches = new ArrayList<>();
        for (String targetName : colleges.enabledTargets(collegeId)) {
            TargetAdapter target = targets.get(targetName);
            if (target == null) {
                throw new IllegalStateException("Платформа " + targetName + " колледжа " + collegeId + " не поддерживается этой версией");
            }
            for (String entityType : target.entityTypes()) {
                if (!FLOW_TYPES.getOrDefault(flow, java.util.Set.of()).contains(entityType)) {
                    continue;
                }
                List<PendingRecord> pending = canonical.pending(collegeId, entityType, targetName,
                        clock.instant().minus(properties.sync().inFlightWindow()));
                int limit = target.batchLimit(collegeId);
                for (int from = 0; from < pending.size(); from += limit) {
                    List<PendingRecord> chunk = pending.subList(from, Math.min(pending.size(), from + limit));
                    DeliveryBatch batch = batch(runId, collegeId, flow, targetName, entityType, chunk);
                    ledger.markPublished(collegeId, entityType, targetName,
                            chunk.stream().map(record -> new DeliveryLedger.Entry(record.entityKey(), record.contentHash())).toList());
                    ledger.recordBatch(batch.idempotencyKey(), collegeId, targetName, entityType, runId, chunk.size());
                    batches.add(batch);
                }
            }
        }
        runs.publishing(runId, batches.stream().mapToInt(batch -> batch.items().size()).sum());
        return batches;
    }

    private static DeliveryBatch batch(long runId, String collegeId, String flow, String target, String entityType,
                                       List<PendingRecord> chunk) {
        List<DeliveryBatch.Item> items = chunk.stream()
                .map(record -> new DeliveryBatch.Item(record.entityKey(), record.contentHash(), record.deliveredHash(),
                        record.payload(), record.maskedLabel()))
                .toList();
        return new DeliveryBatch(runId, collegeId, flow, target, entityType, idempotencyKey(collegeId, target, entityType, items), items);
    }

    /**
     * Same records in the same versions, coming from the same versions → same key: a batch re-sent after a crash
     * is answered from the platform's idempotency store; an A→B→A change still gets a fresh key.
     */
    static String idempotencyKey(String collegeId, String target, String entityType, List<DeliveryBatch.Item> items) {
        StringBuilder identity = new StringBuilder(collegeId).append('|').append(target).append('|').append(entityType);
        for (DeliveryBatch.Item item : items) {
            identity.append('|').append(item.entityKey()).append(':').append(item.previousHash()).append('>').append(item.contentHash());
        }
        return "spo-" + CanonicalJson.sha256(identity.toString()).substring(0, 48);
    }
}
