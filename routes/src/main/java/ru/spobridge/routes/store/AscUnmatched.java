package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * aSc elements an import could not match, open until a later import matches them. Short name and name live here
 * only: the rejection of the card names the element by its id, since a teacher's name is personal data.
 */
@Repository
public class AscUnmatched {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public AscUnmatched(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** kind is the name of {@code AscMatching.Kind}. */
    public record Element(long id, String collegeId, Long runId, String kind, String ascId, String shortName, String name,
                          Instant firstSeen) {
    }

    /** Keeps one open row per element (kind + short name + name): a repeated import refreshes its aSc id and run. */
    public void record(String collegeId, Long runId, String kind, String ascId, String shortName, String name) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("college", collegeId).addValue("run", runId)
                .addValue("kind", kind).addValue("ascId", ascId).addValue("short", shortName).addValue("name", name)
                .addValue("now", Timestamp.from(clock.instant()));
        String same = "college_id = :college AND kind = :kind AND resolved_at IS NULL "
                + "AND COALESCE(short_name, '') = COALESCE(:short, '') AND COALESCE(name, '') = COALESCE(:name, '')";
        if (jdbc.update("UPDATE asc_unmatched SET asc_id = :ascId, run_id = :run WHERE " + same, params) == 0) {
            jdbc.update("INSERT INTO asc_unmatched (college_id, run_id, kind, asc_id, short_name, name, first_seen) "
                    + "VALUES (:college, :run, :kind, :ascId, :short, :name, :now)", params);
        }
    }

    public List<Element> open(String collegeId) {
        return jdbc.query("SELECT id, college_id, run_id, kind, asc_id, short_name, name, first_seen FROM asc_unmatched "
                + "WHERE college_id = :college AND resolved_at IS NULL ORDER BY id", new MapSqlParameterSource("college", collegeId), AscUnmatched::row);
    }

    public Optional<Element> find(String collegeId, long id) {
        return jdbc.query("SELECT id, college_id, run_id, kind, asc_id, short_name, name, first_seen FROM asc_unmatched "
                        + "WHERE college_id = :college AND id = :id", new MapSqlParameterSource("college", collegeId).addValue("id", id),
                AscUnmatched::row).stream().findFirst();
    }

    public void resolve(long id) {
        jdbc.update("UPDATE asc_unmatched SET resolved_at = :now WHERE id = :id AND resolved_at IS NULL",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.instant())));
    }

    private static Element row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long run = rs.getLong(3);
        return new Element(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : run, rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
