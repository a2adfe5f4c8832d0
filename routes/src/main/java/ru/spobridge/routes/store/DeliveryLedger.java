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
        upsert(collegeId, entityType, target, entries,
                "published_hash = :hash, published_at = :now",
                "published_hash, published_at", ":hash, :now", null);
    }

    public void markDelivered(String collegeId, String entityType, String target, String entityKey, String hash, String targetId) {
        upsert(collegeId, entityType, target, List.of(new Entry(entityKey, hash)),
                "delivered_hash = :hash, delivered_at = :now, target_id = COALESCE(:targetId, target_id), rejected_hash = NULL, published_hash = NULL",
                "delivered_hash, delivered_at, target_id", ":hash, :now, :targetId", targetId);
    }

    /** The platform refused this version: not sent again until the record changes. */
    public void markRejected(String collegeId, String entityType, String target, String entityKey, String hash) {
        upsert(collegeId, entityType, target, List.of(new Entry(entityKey, hash)),
                "rejected_hash = :hash, published_hash = NULL",
                "rejected_hash", ":hash", null);
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

    private void upsert(String collegeId, String entityType, String target, List<Entry> entries, String setClause,
                        String insertColumns, String insertValues, String targetId) {
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> params = new ArrayList<>();
        for (Entry entry : entries) {
            params.add(new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType)
                    .addValue("target", target).addValue("key", entry.entityKey()).addValue("hash", entry.contentHash())
                    .addValue("now", now).addValue("targetId", targetId));
        }
        int[] updated = jdbc.batchUpdate("UPDATE sync_state SET " + setClause + " WHERE college_id = :college AND entity_type = :type "
                + "AND target = :target AND entity_key = :key", params.toArray(MapSqlParameterSource[]::new));
        List<MapSqlParameterSource> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(params.get(i));
            }
        }
        jdbc.batchUpdate("INSERT INTO sync_state (college_id, entity_type, entity_key, target, " + insertColumns + ") "
                + "VALUES (:college, :type, :key, :target, " + insertValues + ")", missing.toArray(MapSqlParameterSource[]::new));
    }
}
