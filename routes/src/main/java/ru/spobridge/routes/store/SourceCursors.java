package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Where the last successful read of a source stopped, for the next delta read. */
@Repository
public class SourceCursors {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public SourceCursors(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Instant get(String collegeId, String source) {
        String value = text(collegeId, source);
        return value == null ? null : Instant.parse(value);
    }

    public void put(String collegeId, String source, Instant cursor) {
        putText(collegeId, source, cursor.toString());
    }

    /** A cursor the source hands out as an opaque token (the college journal's {@code next}). */
    public String text(String collegeId, String source) {
        List<String> values = jdbc.queryForList("SELECT cursor_value FROM source_cursor WHERE college_id = :college AND source = :source",
                Map.of("college", collegeId, "source", source), String.class);
        return values.isEmpty() ? null : values.get(0);
    }

    public void putText(String collegeId, String source, String cursor) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("college", collegeId).addValue("source", source)
                .addValue("cursor", cursor).addValue("now", Timestamp.from(clock.instant()));
        if (jdbc.update("UPDATE source_cursor SET cursor_value = :cursor, updated_at = :now WHERE college_id = :college AND source = :source", params) == 0) {
            jdbc.update("INSERT INTO source_cursor (college_id, source, cursor_value, updated_at) VALUES (:college, :source, :cursor, :now)", params);
        }
    }
}
