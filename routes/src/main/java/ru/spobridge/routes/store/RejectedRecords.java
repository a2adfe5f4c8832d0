package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.spobridge.model.RecordError;

/**
 * Records refused with a reason: at intake (target null) or by a platform. Open until a later version of the
 * record passes, so the console always shows what is still wrong, once per record and field.
 */
@Repository
public class RejectedRecords {

    /** Marks the intake stage in the target column of the console and API. */
    public static final String INTAKE = null;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public RejectedRecords(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Rejection(long id, String collegeId, String flow, String entityType, String entityKey, String target,
                            String field, String code, String message, String maskedLabel, Instant firstSeen, Instant lastSeen) {
    }

    /** Replaces the open reasons of one record at one stage with the given ones. */
    @Transactional
    /**
     * Refuses every record named in a list of intake errors, each with all of its errors: a row with three defects
     * shows three, not the last one.
     */
    public void rejectEach(String collegeId, String flow, String entityType, List<RecordError> errors, Long runId) {
        java.util.Map<String, List<RecordError>> byRecord = new java.util.LinkedHashMap<>();
        errors.forEach(error -> byRecord.computeIfAbsent(error.recordKey(), key -> new java.util.ArrayList<>()).add(error));
        byRecord.forEach((key, recordErrors) -> reject(collegeId, flow, entityType, key, INTAKE, recordErrors, null, runId));
    }

    public void reject(String collegeId, String flow, String entityType, String entityKey, String target,
                       List<RecordError> errors, String maskedLabel, Long runId) {
        rejectAll(collegeId, flow, entityType, target, List.of(new Refusal(entityKey, errors, maskedLabel)), runId);
    }

    /** One refused record with the platform's reasons. */
    public record Refusal(String entityKey, List<RecordError> errors, String maskedLabel) {
    }

    /**
     * The refused records of one batch (distinct keys): earlier reasons closed and the new ones kept in one batched
     * statement each, as {@link #reject} does record by record.
     */
    public void rejectAll(String collegeId, String flow, String entityType, String target, List<Refusal> refusals, Long runId) {
        if (refusals.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        resolve(collegeId, entityType, refusals.stream().map(Refusal::entityKey).toList(), target, now);
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Refusal refusal : refusals) {
            for (RecordError error : refusal.errors()) {
                rows.add(new MapSqlParameterSource().addValue("college", collegeId).addValue("flow", flow).addValue("type", entityType)
                        .addValue("key", refusal.entityKey()).addValue("target", target).addValue("field", truncate(error.field(), 64))
                        .addValue("code", truncate(error.code(), 64)).addValue("message", truncate(error.message(), 1000))
                        .addValue("label", refusal.maskedLabel()).addValue("run", runId).addValue("now", now));
            }
        }
        jdbc.batchUpdate("INSERT INTO rejected_record (college_id, flow, entity_type, entity_key, target, field, code, message, "
                + "masked_label, run_id, first_seen, last_seen) VALUES (:college, :flow, :type, :key, :target, :field, :code, "
                + ":message, :label, :run, :now, :now)", rows.toArray(MapSqlParameterSource[]::new));
    }

    /** Closes the open reasons of records that now pass this stage. */
    public void resolve(String collegeId, String entityType, Collection<String> entityKeys, String target) {
        resolve(collegeId, entityType, entityKeys, target, Timestamp.from(clock.instant()));
    }

    /** Keys with an open reason at intake, to resolve only those that were open. */
    public Set<String> openIntakeKeys(String collegeId, String entityType) {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT entity_key FROM rejected_record WHERE college_id = :college "
                + "AND entity_type = :type AND target IS NULL AND resolved_at IS NULL",
                Map.of("college", collegeId, "type", entityType), String.class));
    }

    public List<Rejection> open(String collegeId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("college", collegeId).addValue("limit", limit);
        return jdbc.query("SELECT id, college_id, flow, entity_type, entity_key, target, field, code, message, masked_label, "
                + "first_seen, last_seen FROM rejected_record WHERE resolved_at IS NULL "
                + (collegeId == null ? "" : "AND college_id = :college ")
                + "ORDER BY last_seen DESC, id DESC LIMIT :limit", params,
                (rs, i) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant()));
    }

    /** One example of a cause: the record's key, its masked label and the message. */
    public record Example(String entityKey, String maskedLabel, String message) {
    }

    /** Rejections of a run grouped by cause (entity type, field and code), the largest first, with a few examples each. */
    public record Cause(String entityType, String field, String code, int records, List<Example> examples) {
    }

    public List<Cause> causes(long runId, int examplesPerCause) {
        List<Cause> causes = new ArrayList<>();
        jdbc.query("SELECT entity_type, field, code, COUNT(DISTINCT entity_key) FROM rejected_record WHERE run_id = :run "
                        + "GROUP BY entity_type, field, code ORDER BY COUNT(DISTINCT entity_key) DESC, entity_type, field, code",
                Map.of("run", runId), rs -> {
                    causes.add(new Cause(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), new ArrayList<>()));
                });
        for (Cause cause : causes) {
            cause.examples().addAll(jdbc.query("SELECT entity_key, masked_label, message FROM rejected_record WHERE run_id = :run "
                            + "AND entity_type = :type AND field = :field AND code = :code ORDER BY id LIMIT :limit",
                    new MapSqlParameterSource().addValue("run", runId).addValue("type", cause.entityType()).addValue("field", cause.field())
                            .addValue("code", cause.code()).addValue("limit", examplesPerCause),
                    (rs, i) -> new Example(rs.getString(1), rs.getString(2), rs.getString(3))));
        }
        return causes;
    }

    /**
     * Closes the open intake rejections of records read again without a defect (a mapping added, a row fixed) and
     * counts them on the run that found them fixed.
     *
     * @return how many records had open rejections that are now closed
     */
    public int closeFixed(String collegeId, String entityType, Collection<String> readWithoutDefect) {
        // only the keys read now are looked up: the college's open refusals can be thousands, and this runs per page
        Set<String> open = new HashSet<>();
        KeyList.chunks(new HashSet<>(readWithoutDefect), new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType),
                (values, params) -> open.addAll(jdbc.queryForList("SELECT DISTINCT r.entity_key FROM " + values + " JOIN rejected_record r "
                        + "ON r.college_id = :college AND r.entity_type = :type AND r.entity_key = v.k "
                        + "WHERE r.target IS NULL AND r.resolved_at IS NULL", params, String.class)));
        List<String> fixed = readWithoutDefect.stream().filter(open::contains).distinct().toList();
        if (!fixed.isEmpty()) {
            resolve(collegeId, entityType, fixed, INTAKE);
        }
        return fixed.size();
    }

    public int countOpen(String collegeId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE resolved_at IS NULL AND college_id = :college",
                Map.of("college", collegeId), Integer.class);
        return count == null ? 0 : count;
    }

    /** The records a run refused (at intake or by a platform), open or since resolved, oldest first. */
    public List<Rejection> ofRun(long runId, int offset, int limit) {
        return jdbc.query("SELECT id, college_id, flow, entity_type, entity_key, target, field, code, message, masked_label, "
                        + "first_seen, last_seen FROM rejected_record WHERE run_id = :run ORDER BY id LIMIT :limit OFFSET :offset",
                new MapSqlParameterSource().addValue("run", runId).addValue("offset", offset).addValue("limit", limit),
                (rs, i) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant()));
    }

    public int countOfRun(long runId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE run_id = :run", Map.of("run", runId), Integer.class);
        return count == null ? 0 : count;
    }

    private void resolve(String collegeId, String entityType, Collection<String> entityKeys, String target, Timestamp now) {
        List<MapSqlParameterSource> params = new ArrayList<>();
        for (String key : entityKeys) {
            params.add(new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType)
                    .addValue("key", key).addValue("target", target).addValue("now", now));
        }
        String targetClause = target == null ? "target IS NULL" : "target = :target";
        jdbc.batchUpdate("UPDATE rejected_record SET resolved_at = :now WHERE college_id = :college AND entity_type = :type "
                + "AND entity_key = :key AND " + targetClause + " AND resolved_at IS NULL", params.toArray(MapSqlParameterSource[]::new));
    }

    private static String truncate(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** What the console filters open rejections by; a null criterion does not filter, {@code colleges} null means every college. */
    public record Filter(java.util.List<String> colleges, String college, String flow, String entityType, String code, String keyText) {
    }

    /** One page of open rejections by filter, the latest first. */
    public List<Rejection> page(Filter filter, int offset, int limit) {
        MapSqlParameterSource params = filterParams(filter).addValue("offset", offset).addValue("limit", limit);
        return jdbc.query("SELECT id, college_id, flow, entity_type, entity_key, target, field, code, message, masked_label, "
                + "first_seen, last_seen FROM rejected_record WHERE " + where(filter) + " ORDER BY last_seen DESC, id DESC "
                + "LIMIT :limit OFFSET :offset", params,
                (rs, i) -> new Rejection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant()));
    }

    public int count(Filter filter) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE " + where(filter), filterParams(filter), Integer.class);
        return count == null ? 0 : count;
    }

    /** Open rejections by cause code: reasons and distinct records, the largest first. */
    public record CauseCount(String code, int reasons, int records) {
    }

    public List<CauseCount> causeCounts(Filter filter) {
        return jdbc.query("SELECT code, COUNT(*), COUNT(DISTINCT college_id || '/' || entity_type || '/' || entity_key) FROM rejected_record WHERE "
                + where(filter) + " GROUP BY code ORDER BY COUNT(*) DESC, code", filterParams(filter),
                (rs, i) -> new CauseCount(rs.getString(1), rs.getInt(2), rs.getInt(3)));
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder("resolved_at IS NULL");
        if (filter.colleges() != null) {
            where.append(filter.colleges().isEmpty() ? " AND FALSE" : " AND college_id IN (:colleges)");
        }
        if (filter.college() != null) {
            where.append(" AND college_id = :college");
        }
        if (filter.flow() != null) {
            where.append(" AND flow = :flow");
        }
        if (filter.entityType() != null) {
            where.append(" AND entity_type = :type");
        }
        if (filter.code() != null) {
            where.append(" AND code = :code");
        }
        if (filter.keyText() != null) {
            where.append(" AND entity_key ILIKE :key ESCAPE '\\'");
        }
        return where.toString();
    }

    private static MapSqlParameterSource filterParams(Filter filter) {
        String key = filter.keyText() == null ? null
                : "%" + filter.keyText().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new MapSqlParameterSource().addValue("colleges", filter.colleges() == null || filter.colleges().isEmpty() ? null : filter.colleges())
                .addValue("college", filter.college()).addValue("flow", filter.flow()).addValue("type", filter.entityType())
                .addValue("code", filter.code()).addValue("key", key);
    }
}
