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
import org.springframework.transaction.annotation.Transactional;

/** Pauses of a college (flow null) or of one of its flows: who paused, when and why; open until resumed. */
@Repository
public class RunPauses {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public RunPauses(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An open pause; {@code flow} null pauses every flow of the college. */
    public record Pause(long id, String collegeId, String flow, String reason, String pausedBy, Instant pausedAt) {

        public boolean covers(String flowName) {
            return flow == null || flow.equals(flowName);
        }
    }

    /** Pauses the college or one flow; an already open pause of the same scope is returned unchanged. */
    @Transactional
    public Pause pause(String collegeId, String flow, String reason, String actor) {
        Optional<Pause> open = find(collegeId, flow);
        if (open.isPresent()) {
            return open.get();
        }
        jdbc.update("INSERT INTO run_pause (college_id, flow, reason, paused_by, paused_at) VALUES (:college, :flow, :reason, :actor, :now)",
                new MapSqlParameterSource().addValue("college", collegeId).addValue("flow", flow).addValue("reason", reason)
                        .addValue("actor", actor).addValue("now", Timestamp.from(clock.instant())));
        return find(collegeId, flow).orElseThrow();
    }

    /** Ends the open pause of this scope; empty when there was none. */
    @Transactional
    public Optional<Pause> resume(String collegeId, String flow, String actor) {
        Optional<Pause> open = find(collegeId, flow);
        open.ifPresent(pause -> jdbc.update("UPDATE run_pause SET resumed_by = :actor, resumed_at = :now WHERE id = :id",
                new MapSqlParameterSource().addValue("actor", actor).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("id", pause.id())));
        return open;
    }

    public List<Pause> open(String collegeId) {
        return jdbc.query("SELECT * FROM run_pause WHERE college_id = :college AND resumed_at IS NULL ORDER BY id",
                Map.of("college", collegeId), RunPauses::map);
    }

    public List<Pause> openAll() {
        return jdbc.query("SELECT * FROM run_pause WHERE resumed_at IS NULL ORDER BY college_id, id", Map.of(), RunPauses::map);
    }

    private Optional<Pause> find(String collegeId, String flow) {
        return open(collegeId).stream().filter(pause -> java.util.Objects.equals(pause.flow(), flow)).findFirst();
    }

    private static Pause map(ResultSet rs, int row) throws SQLException {
        return new Pause(rs.getLong("id"), rs.getString("college_id"), rs.getString("flow"), rs.getString("reason"),
                rs.getString("paused_by"), rs.getTimestamp("paused_at").toInstant());
    }
}
