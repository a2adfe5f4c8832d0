package ru.spobridge.routes.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One row per run of a flow for a college: what was read, changed, refused, published, and — as deliveries come
 * back from the bus — delivered, refused by a platform, or dead-lettered. A run is complete when every published
 * record has an outcome.
 */
@Repository
public class SyncRuns {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncRuns.class);

    public static final String READING = "READING";
    public static final String DELIVERING = "DELIVERING";
    public static final String COMPLETED = "COMPLETED";
    public static final String COMPLETED_WITH_ERRORS = "COMPLETED_WITH_ERRORS";
    public static final String FAILED = "FAILED";
    public static final String HELD = "HELD";
    public static final String REJECTED = "REJECTED";
    /** Left open by a crash of the hub, closed at the next start with what it had done; its remaining work resumes. */
    public static final String INTERRUPTED = "INTERRUPTED";
    /** A scheduled run the run gate kept closed (pause, blackout, college not active): nothing read, reason in error. */
    public static final String SKIPPED = "SKIPPED";
    /** The input file could not be read or is not one the hub knows: refused as a whole, nothing taken from it. */
    public static final String FILE_REFUSED = "FILE_REFUSED";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    /** The instance whose runs these are; null for a store used without a running hub (tools, tests). */
    private final String owner;

    public SyncRuns(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, (String) null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SyncRuns(NamedParameterJdbcTemplate jdbc, Clock clock, HubInstances instances) {
        this(jdbc, clock, instances.self());
    }

    private SyncRuns(NamedParameterJdbcTemplate jdbc, Clock clock, String owner) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.owner = owner;
    }

    public record Run(long id, String collegeId, String flow, String trigger, String status, Instant startedAt,
                      Instant readFinishedAt, Instant finishedAt, boolean fullRead, int read, int unchanged, int changed,
                      int rejected, int published, int delivered, int targetRejected, int deadLetters, String error, String owner,
                      Map<String, Integer> sourceCounts, int refusedFiles, int closedRejections, int created, int updated,
                      int removed) {

        public boolean finished() {
            return finishedAt != null;
        }
    }

    public long start(String collegeId, String flow, String trigger) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("college", collegeId).addValue("flow", flow)
                .addValue("trigger", trigger).addValue("now", Timestamp.from(clock.instant())).addValue("owner", owner);
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("INSERT INTO sync_run (college_id, flow, run_trigger, status, started_at, owner) "
                        + "VALUES (:college, :flow, :trigger, 'READING', :now, :owner)",
                params, keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    /** Records a run that did not start: finished at once, nothing read, so no cursor moved. */
    public long skipped(String collegeId, String flow, String trigger, String reason) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("college", collegeId).addValue("flow", flow)
                .addValue("trigger", trigger).addValue("now", Timestamp.from(clock.instant())).addValue("reason", reason)
                .addValue("owner", owner);
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("INSERT INTO sync_run (college_id, flow, run_trigger, status, started_at, finished_at, error, owner) "
                + "VALUES (:college, :flow, :trigger, 'SKIPPED', :now, :now, :reason, :owner)", params, keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    /** A college's skipped runs, newest first. */
    public List<Run> skipped(String collegeId, int limit) {
        return jdbc.query("SELECT * FROM sync_run WHERE college_id = :college AND status = 'SKIPPED' ORDER BY id DESC LIMIT :limit",
                Map.of("college", collegeId, "limit", limit), SyncRuns::map);
    }

    public void readFinished(long runId, boolean fullRead, int read, int unchanged, int changed, int rejected) {
        jdbc.update("UPDATE sync_run SET read_finished_at = :now, full_read = :full, read_count = :read, unchanged_count = :unchanged, "
                + "changed_count = :changed, rejected_count = :rejected WHERE id = :id",
                new MapSqlParameterSource().addValue("id", runId).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("full", fullRead).addValue("read", read).addValue("unchanged", unchanged)
                        .addValue("changed", changed).addValue("rejected", rejected));
        if (rejected > 0) {
            logCauses(runId);
        }
    }

    /**
     * One log line per cause of the run's intake rejections with its count, after the flow's own summary line: the log
     * of an import with 611 rejections has a few lines, the detail of each record is in rejected_record.
     */
    private void logCauses(long runId) {
        jdbc.query("SELECT r.college_id, r.flow, r.entity_type, r.field, r.code, COUNT(DISTINCT r.entity_key) FROM rejected_record r "
                        + "WHERE r.run_id = :run AND r.target IS NULL GROUP BY r.college_id, r.flow, r.entity_type, r.field, r.code "
                        + "ORDER BY COUNT(DISTINCT r.entity_key) DESC",
                Map.of("run", runId), rs -> {
                    log.warn("{} {}: запуск {} — отклонено {}: {} {}/{}", rs.getString(2), rs.getString(1), runId, rs.getInt(6),
                            rs.getString(3), rs.getString(4), rs.getString(5));
                });
    }

    /** Set before the batches go on the bus, so that a fast consumer cannot finish the run early. */
    public void publishing(long runId, int published) {
        jdbc.update("UPDATE sync_run SET status = 'DELIVERING', published_count = :published WHERE id = :id",
                Map.of("id", runId, "published", published));
        completeIfDone(runId);
    }

    /** More records published for a run that is already closed (an interrupted run whose rest resumes after a crash). */
    public void addPublished(long runId, int published) {
        jdbc.update("UPDATE sync_run SET published_count = published_count + :published WHERE id = :id",
                Map.of("id", runId, "published", published));
    }

    public void addOutcome(long runId, int delivered, int targetRejected, int deadLetters) {
        jdbc.update("UPDATE sync_run SET delivered_count = delivered_count + :delivered, target_rejected_count = target_rejected_count "
                + "+ :rejected, dead_letter_count = dead_letter_count + :dead WHERE id = :id",
                Map.of("id", runId, "delivered", delivered, "rejected", targetRejected, "dead", deadLetters));
        completeIfDone(runId);
    }

    /** Held for an operator: not finished, nothing sent. */
    public void held(long runId, String reason) {
        jdbc.update("UPDATE sync_run SET status = 'HELD', error = :reason WHERE id = :id",
                new MapSqlParameterSource().addValue("id", runId).addValue("reason", reason));
    }

    /** Approved by an operator: the held read is applied as if just read. */
    public void resumed(long runId) {
        jdbc.update("UPDATE sync_run SET status = 'READING' WHERE id = :id AND status = 'HELD'", Map.of("id", runId));
    }

    /** Rejected by an operator: finished, nothing sent. */
    public void rejectedByOperator(long runId, String reason) {
        jdbc.update("UPDATE sync_run SET status = 'REJECTED', finished_at = :now, error = :reason WHERE id = :id",
                new MapSqlParameterSource().addValue("id", runId).addValue("now", Timestamp.from(clock.instant())).addValue("reason", reason));
    }

    public void failed(long runId, String error) {
        jdbc.update("UPDATE sync_run SET status = 'FAILED', finished_at = :now, error = :error WHERE id = :id",
                new MapSqlParameterSource().addValue("id", runId).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("error", error == null ? null : error.substring(0, Math.min(error.length(), 2000))));
    }

    /** Runs left reading or delivering, oldest first, of any instance; a held run waits for an operator and is not among them. */
    public List<Run> open() {
        return jdbc.query("SELECT * FROM sync_run WHERE finished_at IS NULL AND status IN ('READING', 'DELIVERING') ORDER BY id",
                Map.of(), SyncRuns::map);
    }

    /**
     * Closes a run a crash left open, keeping its counts; outcomes that still arrive for it are added to them.
     *
     * @return false when the run was no longer open
     */
    public boolean interrupted(long runId, String reason) {
        return jdbc.update("UPDATE sync_run SET status = 'INTERRUPTED', finished_at = :now, error = :reason WHERE id = :id "
                        + "AND finished_at IS NULL AND status IN ('READING', 'DELIVERING')",
                new MapSqlParameterSource().addValue("id", runId).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("reason", reason)) == 1;
    }

    public Optional<Run> get(long runId) {
        return jdbc.query("SELECT * FROM sync_run WHERE id = :id", Map.of("id", runId), SyncRuns::map).stream().findFirst();
    }

    /** The latest run of every college and flow, for the console; skipped runs leave the last real figures shown. */
    public List<Run> latest() {
        return jdbc.query("SELECT * FROM sync_run r WHERE r.id = (SELECT MAX(id) FROM sync_run x WHERE x.college_id = r.college_id "
                + "AND x.flow = r.flow AND x.status <> 'SKIPPED') ORDER BY college_id, flow", Map.of(), SyncRuns::map);
    }

    public List<Run> recent(String collegeId, int limit) {
        return jdbc.query("SELECT * FROM sync_run WHERE college_id = :college ORDER BY id DESC LIMIT :limit",
                Map.of("college", collegeId, "limit", limit), SyncRuns::map);
    }

    private void completeIfDone(long runId) {
        jdbc.update("UPDATE sync_run SET finished_at = :now, status = CASE WHEN dead_letter_count > 0 OR target_rejected_count > 0 "
                + "THEN 'COMPLETED_WITH_ERRORS' ELSE 'COMPLETED' END WHERE id = :id AND status = 'DELIVERING' "
                + "AND delivered_count + target_rejected_count + dead_letter_count >= published_count",
                new MapSqlParameterSource().addValue("id", runId).addValue("now", Timestamp.from(clock.instant())));
    }

    private static Run map(ResultSet rs, int row) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("college_id"), rs.getString("flow"), rs.getString("run_trigger"),
                rs.getString("status"), instant(rs, "started_at"), instant(rs, "read_finished_at"), instant(rs, "finished_at"),
                rs.getBoolean("full_read"), rs.getInt("read_count"), rs.getInt("unchanged_count"), rs.getInt("changed_count"),
                rs.getInt("rejected_count"), rs.getInt("published_count"), rs.getInt("delivered_count"),
                rs.getInt("target_rejected_count"), rs.getInt("dead_letter_count"), rs.getString("error"), rs.getString("owner"),
                counts(rs.getString("source_counts")), rs.getInt("refused_files"), rs.getInt("closed_rejections"),
                rs.getInt("created_count"), rs.getInt("updated_count"), rs.getInt("removed_count"));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper COUNTS = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Map<String, Integer> counts(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return COUNTS.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Integer>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }

    /**
     * What the intake read in the source's own terms, in the order given (e.g. «карточек» 84, «уроков» 40 of an aSc
     * export; «строк» of a CSV file; «страниц» of a paged source); replaces what the run had.
     */
    public void sourceCounts(long runId, Map<String, Integer> counts) {
        try {
            jdbc.update("UPDATE sync_run SET source_counts = :counts WHERE id = :id",
                    new MapSqlParameterSource().addValue("id", runId).addValue("counts", COUNTS.writeValueAsString(counts)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The run's input was refused as a whole (unreadable, corrupt, a layout the hub does not know): the run ends
     * «файл отклонён» with the reason, never «завершён» with zeros; nothing of it is read or sent.
     */
    public void fileRefused(long runId, String reason) {
        jdbc.update("UPDATE sync_run SET status = 'FILE_REFUSED', finished_at = :now, refused_files = refused_files + 1, error = :reason "
                        + "WHERE id = :id AND finished_at IS NULL",
                new MapSqlParameterSource().addValue("id", runId).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("reason", reason == null ? null : reason.substring(0, Math.min(reason.length(), 2000))));
    }

    /** What a file intake counts in the source's terms: its rows. */
    public static final String ROWS = "строк";

    /** A file intake read this many rows (none for a file refused as a whole). */
    public void rowsRead(long runId, int rows) {
        sourceCounts(runId, Map.of(ROWS, rows));
    }

    /** Rejections of earlier runs this run closed because their defect is gone (a mapping added, a row fixed). */
    public void addClosedRejections(long runId, int closed) {
        if (closed > 0) {
            jdbc.update("UPDATE sync_run SET closed_rejections = closed_rejections + :closed WHERE id = :id",
                    Map.of("id", runId, "closed", closed));
        }
    }

    /** Adds to what the run's published records are on the platforms: created, updated, removed. */
    public void addActions(long runId, int created, int updated, int removed) {
        if (created + updated + removed > 0) {
            jdbc.update("UPDATE sync_run SET created_count = created_count + :created, updated_count = updated_count + :updated, "
                    + "removed_count = removed_count + :removed WHERE id = :id",
                    Map.of("id", runId, "created", created, "updated", updated, "removed", removed));
        }
    }

    /**
     * Filters of the run history; any may be null. {@code colleges} is the caller's scope (null: every college, empty:
     * none); {@code from} inclusive, {@code to} exclusive, on the start of the run.
     */
    public record Query(List<String> colleges, String college, String flow, String status, Instant from, Instant to) {
    }

    /** One page of the run history, newest first. */
    public List<Run> find(Query query, int offset, int limit) {
        MapSqlParameterSource params = params(query).addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("SELECT * FROM sync_run" + where(query) + " ORDER BY id DESC LIMIT :limit OFFSET :offset", params, SyncRuns::map);
    }

    public int count(Query query) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM sync_run" + where(query), params(query), Integer.class);
        return count == null ? 0 : count;
    }

    private static String where(Query query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.colleges() != null) {
            where.append(query.colleges().isEmpty() ? " AND 1 = 0" : " AND college_id IN (:colleges)");
        }
        if (query.college() != null) {
            where.append(" AND college_id = :college");
        }
        if (query.flow() != null) {
            where.append(" AND flow = :flow");
        }
        if (query.status() != null) {
            where.append(" AND status = :status");
        }
        if (query.from() != null) {
            where.append(" AND started_at >= :from");
        }
        if (query.to() != null) {
            where.append(" AND started_at < :to");
        }
        return where.toString();
    }

    private static MapSqlParameterSource params(Query query) {
        return new MapSqlParameterSource().addValue("colleges", query.colleges() == null || query.colleges().isEmpty() ? null : query.colleges())
                .addValue("college", query.college()).addValue("flow", query.flow()).addValue("status", query.status())
                .addValue("from", query.from() == null ? null : Timestamp.from(query.from()), java.sql.Types.TIMESTAMP)
                .addValue("to", query.to() == null ? null : Timestamp.from(query.to()), java.sql.Types.TIMESTAMP);
    }

    /** The newest run of each college and flow that changed something at its source (read a change), with when it started. */
    public record LastChange(String collegeId, String flow, long runId, Instant startedAt) {
    }

    public List<LastChange> lastChanges() {
        return jdbc.query("SELECT r.college_id, r.flow, r.id, r.started_at FROM sync_run r WHERE r.id = (SELECT MAX(id) FROM sync_run x "
                + "WHERE x.college_id = r.college_id AND x.flow = r.flow AND x.changed_count > 0)", Map.of(),
                (rs, i) -> new LastChange(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()));
    }

    /** Runs started since a moment, oldest first, for the console's charts (figures only). */
    public List<Run> since(Instant since) {
        return jdbc.query("SELECT * FROM sync_run WHERE started_at >= :since ORDER BY id",
                new MapSqlParameterSource("since", Timestamp.from(since)), SyncRuns::map);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
