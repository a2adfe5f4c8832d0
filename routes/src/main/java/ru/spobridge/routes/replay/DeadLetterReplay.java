package ru.spobridge.routes.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.routes.delivery.ChangePublisher;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.flow.Republish;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.DeliveryLedger;
import ru.spobridge.routes.store.DueReason;

/**
 * An operator's replay or discard of dead letters. Replay sends exactly the replayed letters' records — with any
 * earlier undelivered change of the same entity, so that nothing overtakes it — in their latest version and delivery
 * order, as one run per college and flow. Other open letters stay as they are.
 */
@Component
public class DeadLetterReplay {

    private final DeadLetters deadLetters;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final DeliveryLedger ledger;
    private final Republish republish;
    private final Flows flows;

    public DeadLetterReplay(DeadLetters deadLetters, TransactionTemplate transaction, AuditLog audit, DeliveryLedger ledger,
                            Republish republish, Flows flows) {
        this.deadLetters = deadLetters;
        this.transaction = transaction;
        this.audit = audit;
        this.ledger = ledger;
        this.republish = republish;
        this.flows = flows;
    }

    public record Replayed(int letters, List<Long> runs) {
    }

    public Replayed replay(List<DeadLetters.DeadLetter> letters, String operator) {
        // college|flow → target|type → keys
        Map<String, Map<String, Set<String>>> chosen = new LinkedHashMap<>();
        for (DeadLetters.DeadLetter letter : letters) {
            Set<String> keys = chosen.computeIfAbsent(letter.collegeId() + "|" + letter.flow(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(letter.target() + "|" + letter.entityType(), k -> new LinkedHashSet<>());
            keys.add(letter.entityKey());
            Map<String, String> undelivered = deadLetters.openPayloadsByKey(letter.collegeId(), letter.target(), letter.entityType());
            keys.addAll(flows.get(letter.flow()).earlierChanges(letter.entityType(), letter.entityKey(), undelivered));
        }
        transaction.executeWithoutResult(status -> {
            chosen.forEach((collegeFlow, byTargetType) -> byTargetType.forEach((targetType, keys) -> {
                String[] at = targetType.split("\\|", 2);
                ledger.makeDue(collegeFlow.split("\\|", 2)[0], at[1], at[0], List.copyOf(keys), DueReason.REPLAY);
            }));
            for (DeadLetters.DeadLetter letter : letters) {
                audit.record(operator, "DEAD_LETTER_REPLAY", letter.collegeId(), letter.target() + " " + letter.entityType() + " "
                        + letter.entityKey(), "dead letter " + letter.id());
            }
        });
        List<Long> started = new ArrayList<>();
        chosen.forEach((collegeFlow, byTargetType) -> {
            String[] parts = collegeFlow.split("\\|", 2);
            Set<String> records = new LinkedHashSet<>();
            byTargetType.forEach((targetType, keys) -> {
                String[] at = targetType.split("\\|", 2);
                keys.forEach(key -> records.add(ChangePublisher.Selection.id(at[0], at[1], key)));
            });
            started.add(republish.publish(parts[0], parts[1], "replay:" + operator, records.size(), new ChangePublisher.Selection(records)));
        });
        return new Replayed(letters.size(), started);
    }

    public Optional<DeadLetters.DeadLetter> discard(long id, String operator, String reason) {
        Optional<DeadLetters.DeadLetter> letter = deadLetters.get(id);
        if (letter.isEmpty()) {
            return Optional.empty();
        }
        DeadLetters.DeadLetter found = letter.get();
        boolean done = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!deadLetters.discard(id, reason)) {
                return false;
            }
            // not sent again until the record changes at its source
            ledger.markRejected(found.collegeId(), found.entityType(), found.target(), found.entityKey(), deadLetters.contentHash(id));
            audit.record(operator, "DEAD_LETTER_DISCARDED", found.collegeId(), found.target() + " " + found.entityType() + " " + found.entityKey(),
                    reason);
            return true;
        }));
        return done ? letter : Optional.empty();
    }
}
