package ru.spobridge.routes.contingent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.Student;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.flow.CollegeRoute;
import ru.spobridge.routes.flow.Flow;

/**
 * The contingent flow in the kernel: groups, students, guardians and movements; a nightly read per college; held
 * reads; one student's movement orders never overtake one another.
 */
@Component
public class ContingentFlow implements Flow {

    private final ContingentSync sync;
    private final CanonicalJson json;

    public ContingentFlow(ContingentSync sync, CanonicalJson json) {
        this.sync = sync;
        this.json = json;
    }

    @Override
    public String name() {
        return ContingentIntake.FLOW;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(ContingentIntake.GROUP, ContingentIntake.STUDENT, ContingentIntake.GUARDIAN, ContingentIntake.MOVEMENT);
    }

    @Override
    public List<CollegeRoute> collegeRoutes(String collegeId, CollegeSettings college, boolean schedules) {
        if (!schedules) {
            return List.of();
        }
        return List.of(CollegeRoute.schedule("contingent-schedule-" + collegeId, ContingentIntake.FLOW, "contingent", collegeId, college.contingent().schedule(),
                college.zone(), "schedule", ContingentSyncRoute.ENTRY));
    }

    @Override
    public Optional<String> runEntry(String collegeId, CollegeSettings college) {
        return Optional.of(ContingentSyncRoute.ENTRY);
    }

    @Override
    public Optional<HeldReads> heldReads() {
        return Optional.of(new HeldReads(ContingentSnapshot.class, ContingentSyncRoute.APPLY));
    }

    @Override
    public boolean keepFailedRun(long runId, String collegeId, Exception cause) {
        return sync.holdPartialRead(runId, cause);
    }

    @Override
    public void runEnded(String collegeId, Long runId) {
        sync.finish(collegeId, runId);
    }

    /** A student needs its group; a guardian its students; an order its student and the groups it names. */
    @Override
    public Map<String, Set<String>> parentsOf(String entityType, String payload, String errorCode) {
        boolean group = "UNKNOWN_GROUP".equals(errorCode);
        boolean student = "UNKNOWN_STUDENT".equals(errorCode);
        Map<String, Set<String>> parents = new HashMap<>();
        switch (entityType) {
            case ContingentIntake.STUDENT -> {
                Student child = json.read(payload, Student.class);
                if (group && child.groupCode() != null) {
                    parents.put(ContingentIntake.GROUP, Set.of(child.groupCode()));
                }
            }
            case ContingentIntake.GUARDIAN -> {
                if (student) {
                    parents.put(ContingentIntake.STUDENT, Set.copyOf(json.read(payload, GuardianLinks.class).studentIds()));
                }
            }
            case ContingentIntake.MOVEMENT -> {
                Movement order = json.read(payload, Movement.class);
                if (student) {
                    parents.put(ContingentIntake.STUDENT, Set.of(order.studentId()));
                }
                if (group) {
                    Set<String> groups = new java.util.HashSet<>();
                    if (order.fromGroup() != null) {
                        groups.add(order.fromGroup());
                    }
                    if (order.toGroup() != null) {
                        groups.add(order.toGroup());
                    }
                    parents.put(ContingentIntake.GROUP, groups);
                }
            }
            default -> {
            }
        }
        return parents;
    }

    /** A student's earlier undelivered orders go before the replayed one. */
    @Override
    public Set<String> earlierChanges(String entityType, String entityKey, Map<String, String> undelivered) {
        if (!ContingentIntake.MOVEMENT.equals(entityType) || !undelivered.containsKey(entityKey)) {
            return Set.of();
        }
        Movement replayed = json.read(undelivered.get(entityKey), Movement.class);
        String sortKey = MovementRules.sortKey(replayed);
        return undelivered.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(entityKey))
                .filter(entry -> {
                    Movement other = json.read(entry.getValue(), Movement.class);
                    return other.studentId().equals(replayed.studentId()) && MovementRules.sortKey(other).compareTo(sortKey) < 0;
                })
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /**
     * Movement orders that must wait: an earlier order of the same student is undelivered at this target and is
     * not in this batch (when it is, the batch carries both in order and nothing needs to wait).
     */
    @Override
    public Set<String> mustWait(String entityType, Map<String, String> batch, Supplier<Map<String, String>> undelivered) {
        if (!ContingentIntake.MOVEMENT.equals(entityType)) {
            return Set.of();
        }
        Map<String, String> earliestBlocking = new HashMap<>();
        undelivered.get().forEach((key, payload) -> {
            if (!batch.containsKey(key)) {
                Movement blocked = json.read(payload, Movement.class);
                earliestBlocking.merge(blocked.studentId(), MovementRules.sortKey(blocked), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        if (earliestBlocking.isEmpty()) {
            return Set.of();
        }
        return batch.entrySet().stream()
                .filter(entry -> {
                    Movement movement = json.read(entry.getValue(), Movement.class);
                    String blocking = earliestBlocking.get(movement.studentId());
                    return blocking != null && blocking.compareTo(MovementRules.sortKey(movement)) < 0;
                })
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
