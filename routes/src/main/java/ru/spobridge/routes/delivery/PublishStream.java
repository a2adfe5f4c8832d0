package ru.spobridge.routes.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import ru.spobridge.routes.store.PendingRecord;

/**
 * The batches of one publish, formed while they are sent: the pending records of each target and entity type are read
 * page by page in delivery order, cut per lane into batches within the target's limit, and each batch is recorded as
 * published (its own short transaction) when it is asked for — so memory holds a page and a batch per lane whatever
 * the college's size, and the first batches are on the bus while the rest is still being read. A batch is committed
 * when {@link #next()} asks for it, once the one before it was sent (a splitter's look-ahead only calls
 * {@link #hasNext()}); so, with lanes, the wait for a parent type's outcomes comes after its last batch is on the bus.
 * With one lane the batches are exactly those of one list cut in order, as before streaming.
 */
public final class PublishStream implements Iterator<DeliveryBatch> {

    /** One target and entity type of the publish. */
    record Step(TargetAdapter target, String entityType) {
    }

    private final ChangePublisher publisher;
    private final String collegeId;
    private final long runId;
    private final String flow;
    private final ChangePublisher.Selection only;
    private final boolean afterCrash;
    private final boolean sending;
    private final Iterator<Step> steps;
    private final int[] actions = new int[3];
    private int published;

    private Step step;
    private Instant stepStarted;
    private Instant publishedBefore;
    private int limit;
    private int pageSize;
    private PendingRecord last;
    private boolean exhausted;
    private int stepPublished;
    private List<List<PendingRecord>> lanes;
    private final ArrayDeque<List<PendingRecord>> ready = new ArrayDeque<>();
    /** Parent types whose outcomes the next batch waits for. */
    private final List<Barrier> barriers = new ArrayList<>();

    private record Barrier(Step step, Instant since) {
    }

    PublishStream(ChangePublisher publisher, String collegeId, long runId, String flow, ChangePublisher.Selection only,
                  boolean afterCrash, boolean sending) {
        this.publisher = publisher;
        this.collegeId = collegeId;
        this.runId = runId;
        this.flow = flow;
        this.only = only;
        this.afterCrash = afterCrash;
        this.sending = sending;
        this.steps = publisher.steps(collegeId, flow, only).iterator();
    }

    /**
     * Reads ahead without writing: a splitter asks whether there is a next batch before the current one is sent (to
     * mark the last part), so nothing is committed and nothing waited for here.
     */
    @Override
    public boolean hasNext() {
        while (ready.isEmpty()) {
            if (step != null && !exhausted) {
                readPage();
            } else if (step != null) {
                if (sending && stepPublished > 0 && publisher.lanes().awaitsOutcomes(step.entityType())) {
                    barriers.add(new Barrier(step, stepStarted));
                }
                step = null;
            } else if (steps.hasNext()) {
                begin(steps.next());
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * The next batch, recorded as published; asked for once the one before it is on the bus, so a wait for the
     * outcomes of a parent type happens here, after the parent's last batch was sent.
     */
    @Override
    public DeliveryBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        for (Barrier barrier : barriers) {
            // the children of another target do not wait for this one's parents
            if (barrier.step().target() == step.target()) {
                publisher.awaitOutcomes(collegeId, barrier.step(), barrier.since());
            }
        }
        barriers.clear();
        List<PendingRecord> chunk = ready.poll();
        DeliveryBatch batch = publisher.commit(runId, collegeId, flow, step, chunk, actions);
        published += chunk.size();
        stepPublished += chunk.size();
        return batch;
    }

    /** Records the run's totals once every batch was handed out; returns the number of records published. */
    public int finish() {
        publisher.finish(runId, actions, published, afterCrash);
        return published;
    }

    private void begin(Step next) {
        step = next;
        stepStarted = publisher.now();
        publishedBefore = publisher.publishedBefore(afterCrash);
        limit = next.target().batchLimit(collegeId);
        int laneCount = publisher.lanes().settings().count();
        // a few batches a page: fewer queries, still a bounded amount of payloads in memory
        pageSize = limit * Math.max(4, laneCount);
        last = null;
        exhausted = false;
        stepPublished = 0;
        lanes = new ArrayList<>();
        for (int lane = 0; lane < laneCount; lane++) {
            lanes.add(new ArrayList<>());
        }
    }

    private void readPage() {
        List<PendingRecord> page = publisher.page(collegeId, step, publishedBefore, last, pageSize);
        exhausted = page.size() < pageSize;
        if (!page.isEmpty()) {
            last = page.get(page.size() - 1);
        }
        String target = step.target().name();
        for (PendingRecord record : page) {
            if (only != null && !only.contains(target, step.entityType(), record.entityKey())) {
                continue;
            }
            List<PendingRecord> lane = lanes.get(publisher.lanes().of(step.entityType(), record.entityKey(), record.payload()));
            lane.add(record);
            if (lane.size() == limit) {
                ready.add(List.copyOf(lane));
                lane.clear();
            }
        }
        if (exhausted) {
            // the rest of each lane, the lane holding the earliest record first: with few records, delivery order as one list
            List<List<PendingRecord>> rest = new ArrayList<>(lanes.stream().filter(lane -> !lane.isEmpty()).toList());
            rest.sort(Comparator.comparing((List<PendingRecord> lane) -> lane.get(0).sortKey(), Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(lane -> lane.get(0).entityKey()));
            rest.forEach(lane -> ready.add(List.copyOf(lane)));
            lanes.forEach(List::clear);
        }
    }
}
