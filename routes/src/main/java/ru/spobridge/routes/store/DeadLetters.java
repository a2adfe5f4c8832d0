package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Records that could not be delivered after the last attempt, with the payload for replay and the cause. */
@Repository
public class DeadLetters {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public DeadLetters(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Letter(String entityKey, String contentHash, String payload, String maskedLabel) {
    }

    public record DeadLetter(long id, String collegeId, String flow, String target, String entityType, String entityKey,
                             String maskedLabel, String errorCode, String cause, int attempts, Instant createdAt) {
    }

    public void store(String collegeId, String flow, String target, String entityType, String idempotencyKey,
                      List<Letter> letters, String errorCode, String cause, int attempts, Long runId) {
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Letter letter : letters) {
            rows.add(new MapSqlParameterSource().addValue("college", collegeId).addValue("flow", flow).addValue("target", target)
                    .addValue("type", entityType).addValue("key", letter.entityKey()).addValue("hash", letter.contentHash())
                    .addValue("payload", letter.payload()).addValue("label", letter.maskedLabel())
                    .addValue("idem", idempotencyKey).addValue("code", errorCode)
                    .addValue("cause", cause.length() > 2000 ? cause.substring(0, 2000) : cause)
                    .addValue("attempts", attempts).addValue("run", runId).addValue("now", now));
        }
        // one open dead letter per record and target: a newer failure replaces the older one
        jdbc.batchUpdate("UPDATE dead_letter SET status = 'SUPERSEDED', resolved_at = :now, resolution = 'заменено более поздней попыткой' "
                + "WHERE college_id = :college AND target = :target AND entity_type = :type AND entity_key = :key AND status = 'OPEN'",
                rows.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("INSERT INTO dead_letter (college_id, flow, target, entity_type, entity_key, content_hash, payload, "
                + "masked_label, idempotency_key, error_code, cause, attempts, run_id, status, created_at) VALUES (:college, :flow, "
                + ":target, :type, :key, :hash, :payload, :label, :idem, :code, :cause, :attempts, :run, 'OPEN', :now)",
                rows.toArray(MapSqlParameterSource[]::new));
    }

    /** A later delivery of the same record closes its open dead letters. */
    public void resolveDelivered(String collegeId, String target, String entityType, List<String> entityKeys) {
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> params = new ArrayList<>();
        for (String key : entityKeys) {
            params.add(new MapSqlParameterSource().addValue("college", collegeId).addValue("target", target)
                    .addValue("type", entityType).addValue("key", key).addValue("now", now));
        }
        jdbc.batchUpdate("UPDATE dead_letter SET status = 'RESOLVED', resolved_at = :now, resolution = 'доставлено повторной отправкой' "
                + "WHERE college_id = :college AND target = :target AND entity_type = :type AND entity_key = :key AND status = 'OPEN'",
                params.toArray(MapSqlParameterSource[]::new));
    }

    /** Open dead letters by filter (any of the criteria may be null), oldest first. */
    public List<DeadLetter> find(String collegeId, String flow, String target, String errorCode, Instant olderThan, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, college_id, flow, target, entity_type, entity_key, masked_label, error_code, cause, "
                + "attempts, created_at FROM dead_letter WHERE status = 'OPEN'");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("limit", limit);
        if (collegeId != null) {
            sql.append(" AND college_id = :college");
            params.addValue("college", collegeId);
        }
        if (flow != null) {
            sql.append(" AND flow = :flow");
            params.addValue("flow", flow);
        }
        if (target != null) {
            sql.append(" AND target = :target");
            params.addValue("target", target);
        }
        if (errorCode != null) {
            sql.append(" AND error_code LIKE :code");
            params.addValue("code", errorCode + "%");
        }
        if (olderThan != null) {
            sql.append(" AND created_at < :before");
            params.addValue("before", Timestamp.from(olderThan));
        }
        sql.append(" ORDER BY id LIMIT :limit");
        return jdbc.query(sql.toString(), params, (rs, i) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getTimestamp(11).toInstant()));
    }

    public java.util.Optional<DeadLetter> get(long id) {
        return jdbc.query("SELECT id, college_id, flow, target, entity_type, entity_key, masked_label, error_code, cause, attempts, created_at "
                + "FROM dead_letter WHERE id = :id", Map.of("id", id), (rs, i) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                rs.getTimestamp(11).toInstant())).stream().findFirst();
    }

    /** Gives up on one dead letter: not sent again until the record changes at its source. */
    public boolean discard(long id, String reason) {
        return jdbc.update("UPDATE dead_letter SET status = 'DISCARDED', resolved_at = :now, resolution = :reason WHERE id = :id AND status = 'OPEN'",
                new MapSqlParameterSource().addValue("id", id).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("reason", reason == null || reason.isBlank() ? "отказ оператора" : reason.substring(0, Math.min(reason.length(), 200)))) == 1;
    }

    /** The content hash a dead letter was made of, for marking it as not to be sent. */
    public String contentHash(long id) {
        return jdbc.queryForObject("SELECT content_hash FROM dead_letter WHERE id = :id", Map.of("id", id), String.class);
    }

    public List<DeadLetter> open(String collegeId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("college", collegeId).addValue("limit", limit);
        return jdbc.query("SELECT id, college_id, flow, target, entity_type, entity_key, masked_label, error_code, cause, attempts, "
                + "created_at FROM dead_letter WHERE status = 'OPEN' " + (collegeId == null ? "" : "AND college_id = :college ")
                + "ORDER BY id LIMIT :limit", params,
                (rs, i) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                        rs.getTimestamp(11).toInstant()));
    }

    /** Payloads of the open dead letters of one entity type at one target (to keep later orders behind them). */
    public List<String> openPayloads(String collegeId, String target, String entityType) {
        return jdbc.queryForList("SELECT payload FROM dead_letter WHERE status = 'OPEN' AND college_id = :college "
                + "AND target = :target AND entity_type = :type", Map.of("college", collegeId, "target", target, "type", entityType), String.class);
    }

    /** The open dead letters of one entity type at one target, payload by record key. */
    public Map<String, String> openPayloadsByKey(String collegeId, String target, String entityType) {
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT entity_key, payload FROM dead_letter WHERE status = 'OPEN' AND college_id = :college "
                + "AND target = :target AND entity_type = :type ORDER BY id", Map.of("college", collegeId, "target", target, "type", entityType),
                rs -> {
                    byKey.put(rs.getString(1), rs.getString(2));
                });
        return byKey;
    }

    public int countOpen(String collegeId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = 'OPEN' AND college_id = :college",
                Map.of("college", collegeId), Integer.class);
        return count == null ? 0 : count;
    }
}
