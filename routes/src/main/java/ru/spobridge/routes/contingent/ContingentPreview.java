package ru.spobridge.routes.contingent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.model.Movement;
import ru.spobridge.model.MovementKind;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.delivery.ChangePublisher;
import ru.spobridge.routes.flow.Holds;
import ru.spobridge.routes.delivery.DeliveryBatch;

/**
 * Dry run: reads the source and computes exactly what a run would send — by running the same intake and change
 * detection inside a transaction that is rolled back. Nothing is stored, published or sent.
 */
@Component
public class ContingentPreview {

    private final ContingentSync sync;
    private final HoldPolicy holdPolicy;
    private final ContingentIntake intake;
    private final ChangePublisher publisher;
    private final TransactionTemplate transaction;
    private final CanonicalJson json;

    public ContingentPreview(ContingentSync sync, HoldPolicy holdPolicy, ContingentIntake intake, ChangePublisher publisher,
                             TransactionTemplate transaction, CanonicalJson json) {
        this.sync = sync;
        this.holdPolicy = holdPolicy;
        this.intake = intake;
        this.publisher = publisher;
        this.transaction = transaction;
        this.json = json;
    }

    public record Item(String entityType, String entityKey, String action, String maskedLabel) {
    }

    public record TargetPreview(String target, int create, int update, int move, int remove, List<Item> items) {
    }

    public record Preview(String collegeId, String holdReason, int read, int rejected, Map<String, TargetPreview> targets) {
    }

    public Preview preview(String collegeId, boolean full) {
        ContingentSnapshot snapshot = sync.readWhole(collegeId, full);
        Optional<Holds.Hold> hold = holdPolicy.evaluate(snapshot);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            IntakeSummary summary = intake.accept(snapshot, 0);
            List<DeliveryBatch> batches = publisher.batches(collegeId, 0, ContingentIntake.FLOW, null);
            return new Preview(collegeId, hold.map(Holds.Hold::reason).orElse(null), summary.read(), summary.rejected(), byTarget(batches));
        });
    }

    private Map<String, TargetPreview> byTarget(List<DeliveryBatch> batches) {
        Map<String, List<Item>> items = new LinkedHashMap<>();
        for (DeliveryBatch batch : batches) {
            for (DeliveryBatch.Item item : batch.items()) {
                items.computeIfAbsent(batch.target(), target -> new ArrayList<>())
                        .add(new Item(batch.entityType(), item.entityKey(), action(batch.entityType(), item), item.maskedLabel()));
            }
        }
        Map<String, TargetPreview> result = new LinkedHashMap<>();
        items.forEach((target, list) -> result.put(target, new TargetPreview(target, count(list, "create"), count(list, "update"),
                count(list, "move"), count(list, "remove"), list)));
        return result;
    }

    private String action(String entityType, DeliveryBatch.Item item) {
        if (ContingentIntake.MOVEMENT.equals(entityType)) {
            return json.read(item.payload(), Movement.class).kind() == MovementKind.EXPULSION ? "remove" : "move";
        }
        return item.previousHash() == null ? "create" : "update";
    }

    private static int count(List<Item> items, String action) {
        return (int) items.stream().filter(item -> item.action().equals(action)).count();
    }
}
