package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows of a college's code tables set by an administrator, each change kept with before, after, who, when and
 * why. Rows override the settings' defaults key by key (see {@code CodeTables}).
 */
@Repository
public class CodeTableEntries {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public CodeTableEntries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Entry(String sourceCode, String value, int version, String updatedBy, Instant updatedAt) {
    }

    public record Change(long id, String sourceCode, String before, String after, String reason, String changedBy, Instant changedAt) {
    }

    public List<Entry> entries(String collegeId, String table) {
        return jdbc.query("SELECT source_code, code_value, version, updated_by, updated_at FROM code_table_entry "
                        + "WHERE college_id = :college AND table_name = :table ORDER BY source_code",
                params(collegeId, table),
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
    }

    public Optional<Entry> entry(String collegeId, String table, String sourceCode) {
        return entries(collegeId, table).stream().filter(entry -> entry.sourceCode().equals(sourceCode)).findFirst();
    }

    /** Sets a row; an unchanged value writes nothing. Returns the row's version after the call. */
    @Transactional
    public int put(String collegeId, String table, String sourceCode, String value, String reason, String actor) {
        Optional<Entry> before = entry(collegeId, table, sourceCode);
        if (before.isPresent() && before.get().value().equals(value)) {
            return before.get().version();
        }
        Timestamp now = Timestamp.from(clock.instant());
        MapSqlParameterSource params = params(collegeId, table).addValue("code", sourceCode).addValue("value", value)
                .addValue("actor", actor).addValue("now", now);
        int version = before.map(entry -> entry.version() + 1).orElse(1);
        params.addValue("version", version);
        if (before.isPresent()) {
            jdbc.update("UPDATE code_table_entry SET code_value = :value, version = :version, updated_by = :actor, updated_at = :now "
                    + "WHERE college_id = :college AND table_name = :table AND source_code = :code", params);
        } else {
            jdbc.update("INSERT INTO code_table_entry (college_id, table_name, source_code, code_value, version, updated_by, updated_at) "
                    + "VALUES (:college, :table, :code, :value, :version, :actor, :now)", params);
        }
        history(params, before.map(Entry::value).orElse(null), value, reason);
        return version;
    }

    /** Removes a row, so the settings' default (if any) applies again; false when there was none. */
    @Transactional
    public boolean remove(String collegeId, String table, String sourceCode, String reason, String actor) {
        Optional<Entry> before = entry(collegeId, table, sourceCode);
        if (before.isEmpty()) {
            return false;
        }
        MapSqlParameterSource params = params(collegeId, table).addValue("code", sourceCode).addValue("actor", actor)
                .addValue("now", Timestamp.from(clock.instant()));
        jdbc.update("DELETE FROM code_table_entry WHERE college_id = :college AND table_name = :table AND source_code = :code", params);
        history(params, before.get().value(), null, reason);
        return true;
    }

    /** The table's changes, newest first. */
    public List<Change> history(String collegeId, String table) {
        return jdbc.query("SELECT id, source_code, before_value, after_value, reason, changed_by, changed_at FROM code_table_change "
                        + "WHERE college_id = :college AND table_name = :table ORDER BY changed_at DESC, id DESC",
                params(collegeId, table),
                (rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()));
    }

    private void history(MapSqlParameterSource params, String before, String after, String reason) {
        params.addValue("before", before).addValue("after", after).addValue("reason", reason == null || reason.length() <= 500 ? reason
                : reason.substring(0, 500));
        jdbc.update("INSERT INTO code_table_change (college_id, table_name, source_code, before_value, after_value, reason, changed_by, "
                + "changed_at) VALUES (:college, :table, :code, :before, :after, :reason, :actor, :now)", params);
    }

    private static MapSqlParameterSource params(String collegeId, String table) {
        return new MapSqlParameterSource().addValue("college", collegeId).addValue("table", table);
    }
}
