package ru.spobridge.routes.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;

/**
 * One flow (contingent, staff, reference, schedule, marks) as the kernel sees it. A flow plugs in by being a bean of
 * this type; the kernel runs its lifecycle, publishes its entity types, dispatches its held runs and keeps its
 * per-college routes. A flow never depends on another flow.
 */
public interface Flow {

    /** The flow's name in runs, on the bus and in the console, e.g. {@code contingent}. */
    String name();

    /** Entity types this flow publishes to the platforms. */
    Set<String> entityTypes();

    /** The routes this flow needs for one college (schedules, inbox folders), made from the kernel's templates. */
    default List<CollegeRoute> collegeRoutes(String collegeId, CollegeSettings college, boolean schedules) {
        return List.of();
    }

    /** Where an operator's «Запустить» sends this flow for a college; empty when the flow only takes files. */
    default Optional<String> runEntry(String collegeId, CollegeSettings college) {
        return Optional.empty();
    }

    /** How a held run of this flow is applied once approved: the kept read's type and the step after the hold. */
    default Optional<HeldReads> heldReads() {
        return Optional.empty();
    }

    /**
     * A run failed after its retries; a flow that can keep what it read (a partial read held for an operator)
     * does so and answers true; otherwise the kernel marks the run failed.
     */
    default boolean keepFailedRun(long runId, String collegeId, Exception cause) {
        return false;
    }

    /**
     * Records of the same entity that must be sent before this one when it is replayed (one student's earlier
     * orders), among the undelivered records of its type at the same target, given as payload by key.
     */
    default Set<String> earlierChanges(String entityType, String entityKey, Map<String, String> undelivered) {
        return Set.of();
    }

    /**
     * Records of a batch about to be sent that must wait behind an earlier undelivered change of the same entity
     * which is not in the batch; the batch is given and the undelivered records supplied as payload by key.
     */
    default Set<String> mustWait(String entityType, Map<String, String> batch,
                                           Supplier<Map<String, String>> undelivered) {
        return Set.of();
    }

    /**
     * The records a refused record refers to, for a platform's "unknown parent" answer (e.g. UNKNOWN_GROUP): by entity
     * type, the keys of the parents the record needs. Used to re-deliver parents a platform has lost.
     */
    default Map<String, Set<String>> parentsOf(String entityType, String payload, String errorCode) {
        return Map.of();
    }

    /** Called when a run ends in any way, so that a flow can release what it holds for the run. */
    default void runEnded(String collegeId, Long runId) {
    }

    record HeldReads(Class<?> snapshotType, String applyEndpoint) {
    }
}
