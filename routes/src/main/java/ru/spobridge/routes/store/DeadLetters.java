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
import ru.spobridge.routes.protection.PayloadCipher;

/**
 * Records that could not be delivered, with the payload for replay and the cause: RETRYING while the hub sends them
 * again by itself (a transient fault), OPEN once an operator must decide (a permanent refusal, or the horizon passed).
 * Payloads are sealed at rest ({@link PayloadCipher}) and dropped by the retention purge once the letter is closed.
 */
@Repository
public class DeadLetters {

    public static final String OPEN = "OPEN";
    public static final String RETRYING = "RETRYING";
    public static final String RESOLVED = "RESOLVED";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final PayloadCipher cipher;

    public DeadLetters(NamedParameterJdbcTemplate jdbc, Clock clock, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
    }

    public record Letter(String entityKey, String contentHash, String payload, String maskedLabel) {
    }

    public record DeadLetter(long id, String collegeId, String flow, String target, String entityType, String entityKey,
                             String maskedLabel, String errorCode, String cause, int attempts, Instant createdAt) {
    }

    /** When a record kept for automatic retry is sent again, since when it has been retried, how many rounds so far. */
    public record Retry(Instant nextAttemptAt, Instant since, int rounds) {
    }

    /** A record's automatic retry so far. */
    public record RetryState(Instant since, int rounds) {
    }

    /** A record whose automatic retry is due. */
    public record Due(long id, String collegeId, String flow, String target, String entityType, String entityKey) {
    }

    public void store(String collegeId, String flow, String target, String entityType, String idempotencyKey,
                      List<Letter> letters, String errorCode, String cause, int attempts, Long runId) {
        store(collegeId, flow, target, entityType, idempotencyKey, letters, errorCode, cause, attempts, runId, Map.of());
    }

    /** Stores the letters: those with a retry in {@code retrying} (by record key) as RETRYING, the others OPEN. */
    public void store(String collegeId, String flow, String target, String entityType, String idempotencyKey,
                      List<Letter> letters, String errorCode, String cause, int attempts, Long runId, Map<String, Retry> retrying) {
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Letter letter : letters) {
            Retry retry = retrying.get(letter.entityKey());
            rows.add(new MapSqlParameterSource()
                    .addValue("status", retry == null ? OPEN : RETRYING)
                    .addValue("next", retry == null ? null : Timestamp.from(retry.nextAttemptAt()), java.sql.Types.TIMESTAMP)
                    .addValue("since", retry == null ? null : Timestamp.from(retry.since()), java.sql.Types.TIMESTAMP)
                    .addValue("rounds", retry == null ? 0 : retry.rounds()).addValue("college", collegeId).addValue("flow", flow).addValue("target", target)
                    .addValue("type", entityType).addValue("key", letter.entityKey()).addValue("hash", letter.contentHash())
                    .addValue("payload", cipher.seal(letter.payload())).addValue("label", letter.maskedLabel())
                    .addValue("idem", idempotencyKey).addValue("code", errorCode)
                    .addValue("cause", cause.length() > 2000 ? cause.substring(0, 2000) : cause)
                    .addValue("attempts", attempts).addValue("run", runId).addValue("now", now));
        }
        // one undelivered letter per record and target: a newer failure replaces the older one
        jdbc.batchUpdate("UPDATE dead_letter SET status = 'SUPERSEDED', resolved_at = :now, resolution = 'заменено более поздней попыткой' "
                + "WHERE college_id = :college AND target = :target AND entity_type = :type AND entity_key = :key "
                + "AND status IN ('OPEN', 'RETRYING')", rows.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("INSERT INTO dead_letter (college_id, flow, target, entity_type, entity_key, content_hash, payload, "
                + "masked_label, idempotency_key, error_code, cause, attempts, run_id, status, created_at, next_attempt_at, retrying_since, "
                + "retry_rounds) VALUES (:college, :flow, :target, :type, :key, :hash, :payload, :label, :idem, :code, :cause, :attempts, "
                + ":run, :status, :now, :next, :since, :rounds)", rows.toArray(MapSqlParameterSource[]::new));
    }

    /** The automatic retry so far of those of the records that are RETRYING, by record key. */
    public Map<String, RetryState> retryStates(String collegeId, String target, String entityType, java.util.Collection<String> entityKeys) {
        Map<String, RetryState> states = new java.util.HashMap<>();
        if (entityKeys.isEmpty()) {
            return states;
        }
        jdbc.query("SELECT entity_key, retrying_since, retry_rounds FROM dead_letter WHERE status = 'RETRYING' AND college_id = :college "
                + "AND target = :target AND entity_type = :type AND entity_key IN (:keys)",
                new MapSqlParameterSource().addValue("college", collegeId).addValue("target", target).addValue("type", entityType)
                        .addValue("keys", List.copyOf(entityKeys)),
                rs -> {
                    states.put(rs.getString(1), new RetryState(rs.getTimestamp(2).toInstant(), rs.getInt(3)));
                });
        return states;
    }

    /** RETRYING letters whose next attempt has come, oldest first. */
    public List<Due> due(Instant now, int limit) {
        return jdbc.query("SELECT id, college_id, flow, target, entity_type, entity_key FROM dead_letter WHERE status = 'RETRYING' "
                + "AND next_attempt_at <= :now ORDER BY id LIMIT :limit",
                new MapSqlParameterSource().addValue("now", Timestamp.from(now)).addValue("limit", limit),
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
    }

    /**
     * Takes due letters for sending again by moving their next attempt to {@code until}; a letter another hub took
     * first is not taken.
     *
     * @return the ids taken
     */
    public java.util.Set<Long> claim(List<Long> ids, Instant now, Instant until) {
        MapSqlParameterSource[] rows = ids.stream().map(id -> new MapSqlParameterSource().addValue("id", id)
                .addValue("now", Timestamp.from(now)).addValue("until", Timestamp.from(until))).toArray(MapSqlParameterSource[]::new);
        int[] taken = jdbc.batchUpdate("UPDATE dead_letter SET next_attempt_at = :until WHERE id = :id AND status = 'RETRYING' "
                + "AND next_attempt_at <= :now", rows);
        java.util.Set<Long> claimed = new java.util.HashSet<>();
        for (int i = 0; i < taken.length; i++) {
            // a driver may answer "done, count unknown" for a batched statement
            if (taken[i] > 0 || taken[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                claimed.add(ids.get(i));
            }
        }
        return claimed;
    }

    /** Records waiting for another record of the same platform go on the next tick, not after their backoff. */
    public int bringForwardWaiting(String collegeId, String target, Instant now) {
        return jdbc.update("UPDATE dead_letter SET next_attempt_at = :now WHERE status = 'RETRYING' AND college_id = :college "
                + "AND target = :target AND error_code IN ('DEPENDENCY_NOT_MET', 'WAITING_FOR_EARLIER') AND next_attempt_at > :now",
                new MapSqlParameterSource().addValue("college", collegeId).addValue("target", target).addValue("now", Timestamp.from(now)));
    }

    /** Targets with RETRYING letters. */
    public List<String> retryingTargets() {
        return jdbc.queryForList("SELECT DISTINCT target FROM dead_letter WHERE status = 'RETRYING'", Map.of(), String.class);
    }

    /**
     * RETRYING letters of a target retried since before {@code since} become OPEN for an operator.
     *
     * @return how many, by college
     */
    public Map<String, Integer> giveUp(String target, Instant since) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("target", target).addValue("since", Timestamp.from(since));
        Map<String, Integer> byCollege = new java.util.TreeMap<>();
        jdbc.query("SELECT college_id, COUNT(*) FROM dead_letter WHERE status = 'RETRYING' AND target = :target AND retrying_since < :since "
                + "GROUP BY college_id", params, rs -> {
                    byCollege.put(rs.getString(1), rs.getInt(2));
                });
        if (!byCollege.isEmpty()) {
            jdbc.update("UPDATE dead_letter SET status = 'OPEN', next_attempt_at = NULL WHERE status = 'RETRYING' AND target = :target "
                    + "AND retrying_since < :since", params);
        }
        return byCollege;
    }

    /** Letters the hub is still retrying by itself, of one college or (null) all. */
    public int countRetrying(String collegeId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = 'RETRYING'"
                + (collegeId == null ? "" : " AND college_id = :college"), collegeId == null ? Map.of() : Map.of("college", collegeId), Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * Closes retrying letters whose record version the platform already has: two batches of one record in flight at
     * once (a run and a retry) can end as "delivered" and then "circuit open"; the later letter would otherwise wait
     * for a re-send that never comes, since a delivered version is no longer due.
     *
     * @return letters closed
     */
    public int resolveAlreadyDelivered() {
        return jdbc.update("UPDATE dead_letter SET status = 'RESOLVED', resolved_at = :now, resolution = 'уже доставлено другим пакетом' "
                + "WHERE status = 'RETRYING' AND EXISTS (SELECT 1 FROM sync_state s WHERE s.college_id = dead_letter.college_id "
                + "AND s.target = dead_letter.target AND s.entity_type = dead_letter.entity_type AND s.entity_key = dead_letter.entity_key "
                + "AND s.delivered_hash = dead_letter.content_hash)",
                new MapSqlParameterSource("now", Timestamp.from(clock.instant())));
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
                + "WHERE college_id = :college AND target = :target AND entity_type = :type AND entity_key = :key "
                + "AND status IN ('OPEN', 'RETRYING')",
                params.toArray(MapSqlParameterSource[]::new));
    }

    /** Open dead letters by filter (any of the criteria may be null), oldest first. */
    public List<DeadLetter> find(String collegeId, String flow, String target, String errorCode, Instant olderThan, int limit) {
        return find(OPEN, collegeId, flow, target, errorCode, olderThan, limit);
    }

    /** Dead letters in a status ({@link #OPEN} or {@link #RETRYING}) by filter, oldest first. */
    public List<DeadLetter> find(String status, String collegeId, String flow, String target, String errorCode, Instant olderThan, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, college_id, flow, target, entity_type, entity_key, masked_label, error_code, cause, "
                + "attempts, created_at FROM dead_letter WHERE status = :status");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("limit", limit).addValue("status", status);
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
                + "AND target = :target AND entity_type = :type", Map.of("college", collegeId, "target", target, "type", entityType), String.class)
                .stream().map(cipher::open).toList();
    }

    /** The undelivered (open or retrying) dead letters of one entity type at one target, payload by record key. */
    public Map<String, String> openPayloadsByKey(String collegeId, String target, String entityType) {
        Map<String, String> byKey = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT entity_key, payload FROM dead_letter WHERE status IN ('OPEN', 'RETRYING') AND college_id = :college "
                + "AND target = :target AND entity_type = :type ORDER BY id", Map.of("college", collegeId, "target", target, "type", entityType),
                rs -> {
                    byKey.put(rs.getString(1), cipher.open(rs.getString(2)));
                });
        return byKey;
    }

    /**
     * Drops the payloads of letters closed (resolved, discarded, superseded) before {@code closedBefore}: nothing sends
     * them again, and personal data is not kept longer than needed. The letter itself, its cause and outcome stay.
     *
     * @return payloads dropped, by college
     */
    public Map<String, Integer> purgeClosedPayloads(Instant closedBefore) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("before", Timestamp.from(closedBefore))
                .addValue("now", Timestamp.from(clock.instant()));
        String closed = "status IN ('RESOLVED', 'DISCARDED', 'SUPERSEDED') AND resolved_at < :before AND payload IS NOT NULL";
        Map<String, Integer> byCollege = new java.util.TreeMap<>();
        jdbc.query("SELECT college_id, COUNT(*) FROM dead_letter WHERE " + closed + " GROUP BY college_id", params,
                rs -> {
                    byCollege.put(rs.getString(1), rs.getInt(2));
                });
        if (!byCollege.isEmpty()) {
            jdbc.update("UPDATE dead_letter SET payload = NULL, payload_purged_at = :now WHERE " + closed, params);
        }
        return byCollege;
    }

    /** Dead letters waiting for an operator, of one college or (null) all. */
    public int countOpen(String collegeId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = 'OPEN'"
                + (collegeId == null ? "" : " AND college_id = :college"), collegeId == null ? Map.of() : Map.of("college", collegeId), Integer.class);
        return count == null ? 0 : count;
    }

    /** One page of dead letters in a status by filter, oldest first; {@code colleges} null means every college, ids the selection. */
    public List<DeadLetter> page(String status, List<String> colleges, String collegeId, String target, List<Long> ids, int offset, int limit) {
        return jdbc.query("SELECT id, college_id, flow, target, entity_type, entity_key, masked_label, error_code, cause, attempts, created_at "
                        + "FROM dead_letter WHERE " + pageWhere(colleges, collegeId, target, ids) + " ORDER BY id LIMIT :limit OFFSET :offset",
                pageParams(status, colleges, collegeId, target, ids).addValue("offset", offset).addValue("limit", limit),
                (rs, i) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getTimestamp(11).toInstant()));
    }

    public int count(String status, List<String> colleges, String collegeId, String target) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE " + pageWhere(colleges, collegeId, target, null),
                pageParams(status, colleges, collegeId, target, null), Integer.class);
        return count == null ? 0 : count;
    }

    private static String pageWhere(List<String> colleges, String collegeId, String target, List<Long> ids) {
        return "status = :status" + (colleges == null ? "" : colleges.isEmpty() ? " AND FALSE" : " AND college_id IN (:colleges)")
                + (collegeId == null ? "" : " AND college_id = :college") + (target == null ? "" : " AND target = :target")
                + (ids == null ? "" : ids.isEmpty() ? " AND FALSE" : " AND id IN (:ids)");
    }

    private static MapSqlParameterSource pageParams(String status, List<String> colleges, String collegeId, String target, List<Long> ids) {
        return new MapSqlParameterSource().addValue("status", status).addValue("colleges", colleges).addValue("college", collegeId)
                .addValue("target", target).addValue("ids", ids);
    }

    /** A run's dead letters in any status, with when and how each was closed (null while open). */
    public record RunLetter(long id, String target, String entityType, String entityKey, String maskedLabel, String errorCode,
                            String cause, int attempts, String status, Instant createdAt, Instant resolvedAt, String resolution) {
    }

    public List<RunLetter> ofRun(long runId, int limit) {
        return jdbc.query("SELECT id, target, entity_type, entity_key, masked_label, error_code, cause, attempts, status, created_at, "
                + "resolved_at, resolution FROM dead_letter WHERE run_id = :run ORDER BY id LIMIT :limit",
                new MapSqlParameterSource().addValue("run", runId).addValue("limit", limit),
                (rs, i) -> new RunLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getString(12)));
    }

    /** When each letter opened and closed (null: still open), of those open at or after a moment; for the console's chart. */
    public record Span(String collegeId, Instant createdAt, Instant resolvedAt) {
    }

    public List<Span> spans(Instant since) {
        return jdbc.query("SELECT college_id, created_at, resolved_at FROM dead_letter WHERE status <> 'SUPERSEDED' "
                        + "AND (resolved_at IS NULL OR resolved_at >= :since)",
                new MapSqlParameterSource("since", Timestamp.from(since)),
                (rs, i) -> new Span(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()));
    }
}
