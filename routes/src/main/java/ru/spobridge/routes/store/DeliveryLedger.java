package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Per record and target: what was published, delivered or refused (sync_state); per batch: its key (delivery_batch). */
@Repository
public class DeliveryLedger {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public DeliveryLedger(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Entry(String entityKey, String contentHash) {
    }

    public void markPublished(String collegeId, String entityType, String target, List<Entry> entries) {
        upsert(collegeId, entityType, target, entries.stream().map(one -> new Row(one.entityKey(), one.contentHash(), null)).toList(),
                "published_hash = :hash, published_at = :now",
                "published_hash, published_at", ":hash, :now");
    }

    /** One record the target confirmed; targetId null keeps the id the ledger already has. */
    public record Delivered(String entityKey, String contentHash, String targetId) {
    }

    private static final String DELIVERED_SET = "delivered_hash = :hash, delivered_at = :now, target_id = COALESCE(:targetId, target_id), "
            + "rejected_hash = NULL, published_hash = NULL";
    private static final String REJECTED_SET = "rejected_hash = :hash, published_hash = NULL";

    public void markDelivered(String collegeId, String entityType, String target, String entityKey, String hash, String targetId) {
        markDelivered(collegeId, entityType, target, List.of(new Delivered(entityKey, hash, targetId)));
    }

    /** The records of one batch the target confirmed: one batched UPDATE and one batched INSERT, not two statements a record. */
    public void markDelivered(String collegeId, String entityType, String target, List<Delivered> records) {
        if (!distinct(records.stream().map(Delivered::entityKey).toList())) {
            // a key twice: the later version must win over the earlier one, as one record after the other
            records.forEach(one -> markDelivered(collegeId, entityType, target, List.of(one)));
            return;
        }
        upsert(collegeId, entityType, target, records.stream().map(one -> new Row(one.entityKey(), one.contentHash(), one.targetId())).toList(),
                DELIVERED_SET, "delivered_hash, delivered_at, target_id", ":hash, :now, :targetId");
    }

    /** The platform refused this version: not sent again until the record changes. */
    public void markRejected(String collegeId, String entityType, String target, String entityKey, String hash) {
        markRejected(collegeId, entityType, target, List.of(new Entry(entityKey, hash)));
    }

    /** The versions of one batch the platform refused, in one batched UPDATE and one batched INSERT. */
    public void markRejected(String collegeId, String entityType, String target, List<Entry> entries) {
        if (!distinct(entries.stream().map(Entry::entityKey).toList())) {
            entries.forEach(one -> markRejected(collegeId, entityType, target, List.of(one)));
            return;
        }
        upsert(collegeId, entityType, target, entries.stream().map(one -> new Row(one.entityKey(), one.contentHash(), null)).toList(),
                REJECTED_SET, "rejected_hash", ":hash");
    }

    private static boolean distinct(List<String> keys) {
        return new java.util.HashSet<>(keys).size() == keys.size();
    }

    /**
     * The one way to make records due again: the next publish of their flow sends them. Every reason clears what was
     * published and refused; {@link DueReason#forgetsDelivery()} also forgets the delivered version.
     */
    public void makeDue(String collegeId, String entityType, String target, List<String> entityKeys, DueReason reason) {
        List<MapSqlParameterSource> params = new ArrayList<>();
        for (String key : entityKeys) {
            params.add(new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType)
                    .addValue("target", target).addValue("key", key).addValue("forget", reason.forgetsDelivery()));
        }
        jdbc.batchUpdate("UPDATE sync_state SET published_hash = NULL, published_at = NULL, rejected_hash = NULL, "
                + "delivered_hash = CASE WHEN :forget THEN NULL ELSE delivered_hash END "
                + "WHERE college_id = :college AND entity_type = :type AND target = :target AND entity_key = :key",
                params.toArray(MapSqlParameterSource[]::new));
    }

    /** Of these records, the ones the target confirmed before a moment (and has, as far as the hub knows). */
    public java.util.Set<String> deliveredBefore(String collegeId, String entityType, String target, java.util.Collection<String> entityKeys,
                                                 java.time.Instant moment) {
        if (entityKeys.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.queryForList("SELECT entity_key FROM sync_state WHERE college_id = :college AND entity_type = :type "
                + "AND target = :target AND entity_key IN (:keys) AND delivered_hash IS NOT NULL AND delivered_at < :moment",
                new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType).addValue("target", target)
                        .addValue("keys", entityKeys).addValue("moment", Timestamp.from(moment)), String.class));
    }

    /**
     * True when a platform gave a definitive answer to a batch with this key (applied, or refused item by item). A
     * batch that became a dead letter after timeouts may have been applied unseen, so its key is not "answered".
     */
    public boolean answered(String idempotencyKey) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_batch WHERE idempotency_key = :key AND completed_at IS NOT NULL "
                + "AND outcome IN ('DELIVERED', 'PARTIAL')",
                new MapSqlParameterSource("key", idempotencyKey), Integer.class);
        return count != null && count > 0;
    }

    /** The query of {@link #awaitingOutcome}, public for the test of its plan: a range of the index sync_state_published (V17). */
    public static final String AWAITING_OUTCOME = "SELECT COUNT(*) FROM sync_state WHERE college_id = :college AND entity_type = :type "
            + "AND target = :target AND published_at >= :since AND published_hash IS NOT NULL";

    /**
     * Records of a type put on the bus for a target since a moment and still without an outcome: every outcome
     * (delivered, refused, kept for a retry or an operator) clears published_hash.
     */
    public int awaitingOutcome(String collegeId, String entityType, String target, java.time.Instant since) {
        Integer count = jdbc.queryForObject(AWAITING_OUTCOME,
                new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType).addValue("target", target)
                        .addValue("since", Timestamp.from(since)), Integer.class);
        return count == null ? 0 : count;
    }

    public void recordBatch(String idempotencyKey, String collegeId, String target, String entityType, Long runId, int records) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("key", idempotencyKey).addValue("college", collegeId)
                .addValue("target", target).addValue("type", entityType).addValue("run", runId).addValue("count", records)
                .addValue("now", Timestamp.from(clock.instant()));
        int updated = jdbc.update("UPDATE delivery_batch SET run_id = :run WHERE idempotency_key = :key", params);
        if (updated == 0) {
            jdbc.update("INSERT INTO delivery_batch (idempotency_key, college_id, target, entity_type, run_id, record_count, created_at) "
                    + "VALUES (:key, :college, :target, :type, :run, :count, :now)", params);
        }
    }

    public void completeBatch(String idempotencyKey, Integer httpStatus, String outcome) {
        jdbc.update("UPDATE delivery_batch SET completed_at = :now, http_status = :status, outcome = :outcome WHERE idempotency_key = :key",
                new MapSqlParameterSource().addValue("key", idempotencyKey).addValue("status", httpStatus)
                        .addValue("outcome", outcome).addValue("now", Timestamp.from(clock.instant())));
    }

    private record Row(String entityKey, String hash, String targetId) {
    }

    /** Update what exists, insert the rest: a concurrent insert of the same row fails on the key and rolls the batch back. */
    private void upsert(String collegeId, String entityType, String target, List<Row> rows, String setClause,
                        String insertColumns, String insertValues) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> params = new ArrayList<>();
        for (Row row : rows) {
            params.add(new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType)
                    .addValue("target", target).addValue("key", row.entityKey()).addValue("hash", row.hash())
                    .addValue("now", now).addValue("targetId", row.targetId(), java.sql.Types.VARCHAR));
        }
        int[] updated = jdbc.batchUpdate("UPDATE sync_state SET " + setClause + " WHERE college_id = :college AND entity_type = :type "
                + "AND target = :target AND entity_key = :key", params.toArray(MapSqlParameterSource[]::new));
        List<MapSqlParameterSource> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(params.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO sync_state (college_id, entity_type, entity_key, target, " + insertColumns + ") "
                + "VALUES (:college, :type, :key, :target, " + insertValues + ")", missing.toArray(MapSqlParameterSource[]::new));
    }
}
