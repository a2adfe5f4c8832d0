package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.spobridge.routes.protection.PayloadCipher;

/**
 * Runs held for an operator: why, the read they would apply (sealed at rest by {@link PayloadCipher}, dropped by the
 * retention purge some time after the decision), and who decided what and when.
 */
@Repository
public class HeldRuns {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final PayloadCipher cipher;

    public HeldRuns(NamedParameterJdbcTemplate jdbc, Clock clock, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
    }

    public record Held(long runId, String collegeId, String flow, String reasonCode, String reason, Instant createdAt,
                       Instant decidedAt, String decidedBy, String decision) {
    }

    public void hold(long runId, String collegeId, String flow, String reasonCode, String reason, String snapshot) {
        jdbc.update("INSERT INTO held_run (run_id, college_id, flow, reason_code, reason, snapshot, created_at) VALUES "
                        + "(:run, :college, :flow, :code, :reason, :snapshot, :now)",
                new MapSqlParameterSource().addValue("run", runId).addValue("college", collegeId).addValue("flow", flow)
                        .addValue("code", reasonCode).addValue("reason", reason).addValue("snapshot", cipher.seal(snapshot))
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    /** Records the decision once; false when the run was not held or was decided already. */
    public boolean decide(long runId, String decision, String operator) {
        return jdbc.update("UPDATE held_run SET decision = :decision, decided_by = :operator, decided_at = :now "
                        + "WHERE run_id = :run AND decided_at IS NULL",
                new MapSqlParameterSource().addValue("run", runId).addValue("decision", decision).addValue("operator", operator)
                        .addValue("now", Timestamp.from(clock.instant()))) == 1;
    }

    /** The held read in clear; empty when the run was not held or its snapshot was purged after the decision. */
    public Optional<String> snapshot(long runId) {
        return jdbc.queryForList("SELECT snapshot FROM held_run WHERE run_id = :run AND snapshot IS NOT NULL", Map.of("run", runId), String.class)
                .stream().findFirst().map(cipher::open);
    }

    /**
     * Drops the snapshots of runs decided before {@code decidedBefore}: an approved read was applied, a rejected one
     * never will be, and the personal data in it is not kept longer than needed. The decision stays.
     *
     * @return snapshots dropped, by college
     */
    public Map<String, Integer> purgeDecidedSnapshots(Instant decidedBefore) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("before", Timestamp.from(decidedBefore))
                .addValue("now", Timestamp.from(clock.instant()));
        String decided = "decided_at IS NOT NULL AND decided_at < :before AND snapshot IS NOT NULL";
        Map<String, Integer> byCollege = new java.util.TreeMap<>();
        jdbc.query("SELECT college_id, COUNT(*) FROM held_run WHERE " + decided + " GROUP BY college_id", params,
                rs -> {
                    byCollege.put(rs.getString(1), rs.getInt(2));
                });
        if (!byCollege.isEmpty()) {
            jdbc.update("UPDATE held_run SET snapshot = NULL, snapshot_purged_at = :now WHERE " + decided, params);
        }
        return byCollege;
    }

    public Optional<Held> get(long runId) {
        return jdbc.query("SELECT * FROM held_run WHERE run_id = :run", Map.of("run", runId), (rs, i) -> map(rs)).stream().findFirst();
    }

    public List<Held> open() {
        return jdbc.query("SELECT * FROM held_run WHERE decided_at IS NULL ORDER BY run_id", Map.of(), (rs, i) -> map(rs));
    }

    private static Held map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Held(rs.getLong("run_id"), rs.getString("college_id"), rs.getString("flow"), rs.getString("reason_code"),
                rs.getString("reason"), rs.getTimestamp("created_at").toInstant(), decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"), rs.getString("decision"));
    }
}
