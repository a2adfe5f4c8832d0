package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who did what and when: operator decisions and commands. Subjects are keys and ids, never personal data. */
@Repository
public class AuditLog {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Entry(long id, Instant at, String actor, String action, String collegeId, String subject, String details) {
    }

    public void record(String actor, String action, String collegeId, String subject, String details) {
        jdbc.update("INSERT INTO audit_log (at, actor, action, college_id, subject, details) VALUES (:at, :actor, :action, :college, :subject, :details)",
                new MapSqlParameterSource().addValue("at", Timestamp.from(clock.instant())).addValue("actor", actor)
                        .addValue("action", action).addValue("college", collegeId).addValue("subject", subject)
                        .addValue("details", details == null || details.length() <= 2000 ? details : details.substring(0, 2000)));
    }

    public List<Entry> recent(int limit) {
        return jdbc.query("SELECT id, at, actor, action, college_id, subject, details FROM audit_log ORDER BY id DESC LIMIT :limit",
                Map.of("limit", limit), (rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
    }
}
