package ru.spobridge.routes.reconciliation;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import ru.spobridge.routes.CanonicalJson;

/** Drift reports per college and target (table reconciliation_report); details are keys and field names only. */
@Repository
public class ReconciliationReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final CanonicalJson json;

    public ReconciliationReports(NamedParameterJdbcTemplate jdbc, Clock clock, CanonicalJson json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    public record Report(long id, String collegeId, String target, Instant createdAt, String createdBy, int missing,
                         int extra, int different, List<Drift> drift, Instant repairedAt, String repairedBy) {
    }

    public long save(String collegeId, String target, String operator, List<Drift> drift) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO reconciliation_report (college_id, target, created_at, created_by, missing, extra, different, details) "
                        + "VALUES (:college, :target, :now, :by, :missing, :extra, :different, :details)",
                new MapSqlParameterSource().addValue("college", collegeId).addValue("target", target)
                        .addValue("now", Timestamp.from(clock.instant())).addValue("by", operator)
                        .addValue("missing", count(drift, Drift.MISSING)).addValue("extra", count(drift, Drift.EXTRA))
                        .addValue("different", count(drift, Drift.DIFFERENT)).addValue("details", json.write(drift)),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public Optional<Report> get(long id) {
        return jdbc.query("SELECT * FROM reconciliation_report WHERE id = :id", Map.of("id", id), (rs, i) -> {
            Timestamp repaired = rs.getTimestamp("repaired_at");
            List<Drift> drift;
            try {
                drift = json.mapper().readValue(rs.getString("details"), new TypeReference<>() { });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("reconciliation report " + id + " is not readable");
            }
            return new Report(rs.getLong("id"), rs.getString("college_id"), rs.getString("target"),
                    rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("missing"), rs.getInt("extra"),
                    rs.getInt("different"), drift, repaired == null ? null : repaired.toInstant(), rs.getString("repaired_by"));
        }).stream().findFirst();
    }

    public List<Long> latestIds(int limit) {
        return jdbc.queryForList("SELECT id FROM reconciliation_report ORDER BY id DESC LIMIT :limit", Map.of("limit", limit), Long.class);
    }

    public boolean markRepaired(long id, String operator) {
        return jdbc.update("UPDATE reconciliation_report SET repaired_at = :now, repaired_by = :by WHERE id = :id AND repaired_at IS NULL",
                new MapSqlParameterSource().addValue("id", id).addValue("by", operator).addValue("now", Timestamp.from(clock.instant()))) == 1;
    }

    private static int count(List<Drift> drift, String kind) {
        return (int) drift.stream().filter(item -> item.kind().equals(kind)).count();
    }
}
