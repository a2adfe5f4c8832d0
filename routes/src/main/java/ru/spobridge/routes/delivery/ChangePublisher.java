package ru.spobridge.routes.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
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
 * their current version, cut into batches within the target's limit (per lane, {@link Lanes}), each with a
 * content-derived idempotency key; every item carries a key of its record version too ({@link DeliveryBatch#itemKeys()}),
 * the same in any grouping. Batches are formed page by page while earlier ones are already on the bus ({@link PublishStream}).
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
    private final TransactionTemplate transaction;
    private final Lanes lanes;

    private static final Logger log = LoggerFactory.getLogger(ChangePublisher.class);

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
                           SyncRuns runs, HubProperties properties, Clock clock, Flows flows, TransactionTemplate transaction, Lanes lanes) {
        this.flows = flows;
        this.colleges = colleges;
        this.targets = adapters.stream().collect(Collectors.toMap(TargetAdapter::name, Function.identity()));
        this.canonical = canonical;
        this.ledger = ledger;
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
        this.transaction = transaction;
        this.lanes = lanes;
    }

    /**
     * Publishes what the college's targets lack of a flow's entity types — all of it, or only the selected records (an
     * operator's replay of one dead letter) — as batches formed while they are sent: each batch handed out is already
     * recorded as published; once the stream is drained, {@link PublishStream#finish()} records the run's totals.
     *
     * @param afterCrash also what a run of a stopped process marked published: its batch may never have reached the bus
     *                   (killed between the commit and the send); one that did is answered by the platform from its item
     *                   keys, not applied twice
     */
    public PublishStream stream(String collegeId, long runId, String flow, Selection only, boolean afterCrash) {
        return new PublishStream(this, collegeId, runId, flow, only, afterCrash, true);
    }

    /**
     * Every batch at once, nothing sent and no wait for outcomes: for a preview inside a transaction it rolls back. Holds
     * the whole publish in memory, so only for one college looked at by an operator.
     */
    public List<DeliveryBatch> batches(String collegeId, long runId, String flow, Selection only) {
        PublishStream stream = new PublishStream(this, collegeId, runId, flow, only, false, false);
        List<DeliveryBatch> batches = new ArrayList<>();
        stream.forEachRemaining(batches::add);
        stream.finish();
        return batches;
    }

    /** The targets and entity types a publish goes through, in delivery order per target. */
    List<PublishStream.Step> steps(String collegeId, String flow, Selection only) {
        java.util.Set<String> flowTypes = flows.get(flow).entityTypes();
        List<PublishStream.Step> steps = new ArrayList<>();
        for (String targetName : colleges.enabledTargets(collegeId)) {
            TargetAdapter target = targets.get(targetName);
            if (target == null) {
                throw new IllegalStateException("Платформа " + targetName + " колледжа " + collegeId + " не поддерживается этой версией");
            }
            for (String entityType : target.entityTypes()) {
                if (flowTypes.contains(entityType) && (only == null || only.covers(targetName, entityType))) {
                    steps.add(new PublishStream.Step(target, entityType));
                }
            }
        }
        return steps;
    }

    /** Records published at or after this moment by a run still on the bus are not published again. */
    Instant publishedBefore(boolean afterCrash) {
        return afterCrash ? clock.instant().plus(java.time.Duration.ofDays(1)) : clock.instant().minus(properties.sync().inFlightWindow());
    }

    Instant now() {
        return clock.instant();
    }

    Lanes lanes() {
        return lanes;
    }

    List<PendingRecord> page(String collegeId, PublishStream.Step step, Instant publishedBefore, PendingRecord after, int size) {
        return canonical.pending(collegeId, step.entityType(), step.target().name(), publishedBefore, after, size);
    }

    /** One batch recorded as published, in its own short transaction (or the caller's, for a preview). */
    DeliveryBatch commit(long runId, String collegeId, String flow, PublishStream.Step step, List<PendingRecord> chunk, int[] actions) {
        String targetName = step.target().name();
        String entityType = step.entityType();
        DeliveryBatch formed = batch(runId, collegeId, flow, targetName, entityType, chunk);
        count(actions, step.target(), entityType, chunk);
        return transaction.execute(status -> {
            DeliveryBatch batch = formed;
            if (ledger.answered(batch.idempotencyKey())) {
                // the platform already answered this key (a refusal, a repair after it lost data): a re-send must
                // be applied, not answered from the platform's idempotency store; an unanswered key is reused.
                // Item keys stay: a platform that lost the records lost their keys too, or applies them anew
                batch = batch.withKey(batch.idempotencyKey() + "-r" + runId);
            }
            ledger.markPublished(collegeId, entityType, targetName,
                    chunk.stream().map(record -> new DeliveryLedger.Entry(record.entityKey(), record.contentHash())).toList());
            ledger.recordBatch(batch.idempotencyKey(), collegeId, targetName, entityType, runId, chunk.size());
            return batch;
        });
    }

    /**
     * With lanes, a child type published after its parents could overtake them on another lane: this waits until
     * every record of the type sent to the target since the moment has an outcome, or the timeout passes.
     */
    void awaitOutcomes(String collegeId, PublishStream.Step step, Instant since) {
        LaneSettings settings = lanes.settings();
        long deadline = System.nanoTime() + settings.barrierTimeout().toNanos();
        long pause = settings.barrierPoll().toMillis();
        int waiting;
        while ((waiting = ledger.awaitingOutcome(collegeId, step.entityType(), step.target().name(), since)) > 0) {
            if (System.nanoTime() >= deadline) {
                log.warn("{} {} {}: {} записей без ответа платформы за {} с — следующие типы публикуются без ожидания "
                        + "(запись, опередившую свою родительскую, ядро отправит повторно)", collegeId, step.target().name(),
                        step.entityType(), waiting, settings.barrierTimeout().toSeconds());
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Публикация прервана при ожидании доставки " + step.entityType(), e);
            }
            // the store is asked less often the longer the platform takes
            pause = Math.min(pause * 2, 1000);
        }
    }

    /** The run's totals once every batch of the publish has been handed out. */
    void finish(long runId, int[] actions, int published, boolean afterCrash) {
        runs.addActions(runId, actions[0], actions[1], actions[2]);
        if (afterCrash) {
            // the rest of an interrupted run: counted in that run, which stays closed as «прерван»
            runs.addPublished(runId, published);
        } else {
            // outcomes of batches already delivered are in the run's counts: this completes the run if they are all in
            runs.publishing(runId, published);
        }
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
