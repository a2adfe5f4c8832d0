package ru.spobridge.routes.replay;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.delivery.PublishRoute;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.SyncRuns;

/**
 * An operator's replay or discard of dead letters. Replay makes the records due again and publishes each affected
 * college and flow once: records go in their delivery order (oldest change first, one student's orders in sequence),
 * always in their latest version, so a later change of an entity never overtakes an earlier one.
 */
@Component
public class DeadLetterReplay {

    private final DeadLetters deadLetters;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final SyncRuns runs;
    private final ProducerTemplate camel;
    private final ru.spobridge.routes.store.DeliveryLedger ledger;

    public DeadLetterReplay(DeadLetters deadLetters, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, AuditLog audit,
                            SyncRuns runs, ProducerTemplate camel, ru.spobridge.routes.store.DeliveryLedger ledger) {
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.runs = runs;
        this.camel = camel;
    }

    public record Replayed(int letters, List<Long> runs) {
    }

    public Replayed replay(List<DeadLetters.DeadLetter> letters, String operator) {
        Set<String> collegeFlows = new LinkedHashSet<>();
        transaction.executeWithoutResult(status -> {
            for (DeadLetters.DeadLetter letter : letters) {
                jdbc.update("UPDATE sync_state SET published_hash = NULL, published_at = NULL, rejected_hash = NULL WHERE college_id = :college "
                        + "AND entity_type = :type AND entity_key = :key AND target = :target", new MapSqlParameterSource()
                        .addValue("college", letter.collegeId()).addValue("type", letter.entityType()).addValue("key", letter.entityKey())
                        .addValue("target", letter.target()));
                collegeFlows.add(letter.collegeId() + "|" + letter.flow());
                audit.record(operator, "DEAD_LETTER_REPLAY", letter.collegeId(), letter.target() + " " + letter.entityType() + " " + letter.entityKey(),
                        "dead letter " + letter.id());
            }
        });
        List<Long> started = collegeFlows.stream().map(collegeFlow -> {
            String[] parts = collegeFlow.split("\\|", 2);
            long runId = runs.start(parts[0], parts[1], "replay:" + operator);
            runs.readFinished(runId, false, 0, 0, 0, 0);
            camel.requestBodyAndHeaders(PublishRoute.ENTRY, null, Map.of(ContingentSync.COLLEGE, parts[0], ContingentSync.RUN, runId,
                    PublishRoute.FLOW, parts[1]));
            return runId;
        }).toList();
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
