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

    /** What the audit page filters by; a null criterion does not filter, {@code colleges} null means every college. */
    public record Filter(List<String> colleges, String college, String actor, String action, Instant from, Instant to) {
    }

    /** One page of entries by filter, the latest first. */
    public List<Entry> page(Filter filter, int offset, int limit) {
        return jdbc.query("SELECT id, at, actor, action, college_id, subject, details FROM audit_log WHERE " + where(filter)
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset", params(filter).addValue("offset", offset).addValue("limit", limit),
                (rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)));
    }

    public int count(Filter filter) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE " + where(filter), params(filter), Integer.class);
        return count == null ? 0 : count;
    }

    // entries of no college (hub settings, users) are seen only by those who see the whole hub
    private static String where(Filter filter) {
        return "TRUE" + (filter.colleges() == null ? "" : filter.colleges().isEmpty() ? " AND FALSE" : " AND college_id IN (:colleges)")
                + (filter.college() == null ? "" : " AND college_id = :college") + (filter.actor() == null ? "" : " AND actor = :actor")
                + (filter.action() == null ? "" : " AND action = :action") + (filter.from() == null ? "" : " AND at >= :from")
                + (filter.to() == null ? "" : " AND at < :to");
    }

    private static MapSqlParameterSource params(Filter filter) {
        return new MapSqlParameterSource().addValue("colleges", filter.colleges()).addValue("college", filter.college())
                .addValue("actor", filter.actor()).addValue("action", filter.action())
                .addValue("from", filter.from() == null ? null : Timestamp.from(filter.from()), java.sql.Types.TIMESTAMP)
                .addValue("to", filter.to() == null ? null : Timestamp.from(filter.to()), java.sql.Types.TIMESTAMP);
    }
}
