package ru.spobridge.routes.delivery;

import java.util.List;
import ru.spobridge.connectors.common.BatchResult;

/** One regional platform as the delivery route sees it: which entities it takes, in which order, and how to send a batch. */
public interface TargetAdapter {

    /** The name used in config/ and on the bus, e.g. {@code epos}. */
    String name();

    /** Entity types in delivery order (a group before the students in it). */
    List<String> entityTypes();

    int batchLimit(String collegeId);

    /**
     * Maps the batch to the platform's format and sends it with the batch's idempotency key.
     * Results come back in the batch's order.
     */
    BatchResult send(DeliveryBatch batch);

    /** Whether this record version is sent as a removal (deleted on the platform) rather than posted. */
    default boolean removes(String entityType, String payload) {
        return false;
    }
}
