package ru.spobridge.routes.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.DeliveryLedger;
import ru.spobridge.routes.store.PendingRecord;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Change detection: for every enabled target of a college, the canonical records the target does not have in
 * their current version, cut into batches within the target's limit, each with a content-derived idempotency key;
 * every item carries a key of its record version too ({@link DeliveryBatch#itemKeys()}), the same in any grouping.
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
    private final Flows flows;

    /** Records chosen by target, entity type and key. */
    public record Selection(java.util.Set<String> records) {

        public static String id(String target, String entityType, String entityKey) {
            return target + '|' + entityType + '|' + entityKey;
        }

        boolean covers(String target, String entityType) {
            String prefix = target + '|' + entityType + '|';
            return records.stream().anyMatch(record -> record.startsWith(prefix));
        }

        boolean contains(String target, String entityType, String entityKey) {
            return records.contains(id(target, entityType, entityKey));
        }
    }

    public ChangePublisher(Colleges colleges, List<TargetAdapter> adapters, CanonicalRecords canonical, DeliveryLedger ledger,
                           SyncRuns runs, HubProperties properties, Clock clock, Flows flows) {
        this.flows = flows;
        this.colleges = colleges;
        this.targets = adapters.stream().collect(Collectors.toMap(TargetAdapter::name, Function.identity()));
        this.canonical = canonical;
        this.ledger = ledger;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Publishes what the college's targets lack of a flow's entity types — all of it, or only the selected records
     * (an operator's replay of one dead letter).
     */
    @Transactional
    public List<DeliveryBatch> batches(String collegeId, long runId, String flow, Selection only) {
        return batches(collegeId, runId, flow, only, false);
    }

    /**
     * @param afterCrash also what a run of a stopped process marked published: its batch may never have reached the bus
     *                   (killed between the commit and the send); one that did is answered by the platform from its item
     *                   keys, not applied twice
     */
    @Transactional
    public List<DeliveryBatch> batches(String collegeId, long runId, String flow, Selection only, boolean afterCrash) {
        java.util.Set<String> flowTypes = flows.get(flow).entityTypes();
        List<DeliveryBatch> batches = new ArrayList<>();
        int[] actions = new int[3];
        for (String targetName : colleges.enabledTargets(collegeId)) {
            TargetAdapter target = targets.get(targetName);
            if (target == null) {
                throw new IllegalStateException("Платформа " + targetName + " колледжа " + collegeId + " не поддерживается этой версией");
            }
            for (String entityType : target.entityTypes()) {
                if (!flowTypes.contains(entityType) || only != null && !only.covers(targetName, entityType)) {
                    continue;
                }
                List<PendingRecord> pending = canonical.pending(collegeId, entityType, targetName, afterCrash
                        ? clock.instant().plus(java.time.Duration.ofDays(1))
                        : clock.instant().minus(properties.sync().inFlightWindow()));
                if (only != null) {
                    pending = pending.stream().filter(record -> only.contains(targetName, entityType, record.entityKey())).toList();
                }
                int limit = target.batchLimit(collegeId);
                for (int from = 0; from < pending.size(); from += limit) {
                    List<PendingRecord> chunk = pending.subList(from, Math.min(pending.size(), from + limit));
                    DeliveryBatch batch = batch(runId, collegeId, flow, targetName, entityType, chunk);
                    count(actions, target, entityType, chunk);
                    if (ledger.answered(batch.idempotencyKey())) {
                        // the platform already answered this key (a refusal, a repair after it lost data): a re-send must
                        // be applied, not answered from the platform's idempotency store; an unanswered key is reused.
                        // Item keys stay: a platform that lost the records lost their keys too, or applies them anew
                        batch = batch.withKey(batch.idempotencyKey() + "-r" + runId);
                    }
                    ledger.markPublished(collegeId, entityType, targetName,
                            chunk.stream().map(record -> new DeliveryLedger.Entry(record.entityKey(), record.contentHash())).toList());
                    ledger.recordBatch(batch.idempotencyKey(), collegeId, targetName, entityType, runId, chunk.size());
                    batches.add(batch);
                }
            }
        }
        int published = batches.stream().mapToInt(batch -> batch.items().size()).sum();
        runs.addActions(runId, actions[0], actions[1], actions[2]);
        if (afterCrash) {
            // the rest of an interrupted run: counted in that run, which stays closed as «прерван»
            runs.addPublished(runId, published);
        } else {
            runs.publishing(runId, published);
        }
        return batches;
    }

    /** Created (the platform never had it), updated or removed, per record and target as the run page shows them. */
    private static void count(int[] actions, TargetAdapter target, String entityType, List<PendingRecord> chunk) {
        for (PendingRecord record : chunk) {
            actions[target.removes(entityType, record.payload()) ? 2 : record.deliveredHash() == null ? 0 : 1]++;
        }
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
