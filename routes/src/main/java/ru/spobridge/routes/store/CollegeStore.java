package ru.spobridge.routes.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.RegionProfile;

/**
 * Regions and colleges as stated (references, never secret values), with their versions and history. Every change
 * bumps {@code settings_revision} in its own transaction, which is how the other instances learn of it.
 */
@Repository
public class CollegeStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() { };

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public CollegeStore(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record StoredRegion(RegionProfile profile, int version, Instant updatedAt, String updatedBy) {
    }

    public record StoredCollege(CollegeDefinition definition, Colleges.Status status, int version, Instant updatedAt,
                                String updatedBy, String statusReason) {
    }

    /** One line of a college's history: definitions before and after as JSON (references only). */
    public record Change(long id, String collegeId, String regionId, int version, String action, String before, String after,
                         String changedBy, Instant changedAt) {
    }

    public boolean hasRegions() {
        return count("SELECT COUNT(*) FROM region") > 0;
    }

    public long revision() {
        return jdbc.queryForObject("SELECT revision FROM settings_revision WHERE id = 1", Map.of(), Long.class);
    }

    public List<StoredRegion> regions() {
        return jdbc.query("SELECT id, name, defaults, version, updated_at, updated_by FROM region ORDER BY id", Map.of(), this::mapRegion);
    }

    public Optional<StoredRegion> region(String id) {
        return jdbc.query("SELECT id, name, defaults, version, updated_at, updated_by FROM region WHERE id = :id", Map.of("id", id),
                this::mapRegion).stream().findFirst();
    }

    public List<StoredCollege> colleges() {
        return jdbc.query(COLLEGE_COLUMNS + " ORDER BY region_id, id", Map.of(), this::mapCollege);
    }

    public Optional<StoredCollege> college(String id) {
        return jdbc.query(COLLEGE_COLUMNS + " WHERE id = :id", Map.of("id", id), this::mapCollege).stream().findFirst();
    }

    /**
     * Saves a college's definition and status: a new one when {@code expectedVersion} is 0, else only over that version.
     * Returns the new version; {@link OptimisticLockingFailureException} when someone saved it meanwhile.
     */
    public int saveCollege(CollegeDefinition college, Colleges.Status status, String reason, int expectedVersion, String actor, String action) {
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            Optional<StoredCollege> before = college(college.id());
            MapSqlParameterSource params = new MapSqlParameterSource().addValue("id", college.id()).addValue("region", college.regionId())
                    .addValue("name", college.name()).addValue("ogrn", college.ogrn()).addValue("env", college.env())
                    .addValue("overrides", json(college.overrides())).addValue("status", status.name()).addValue("reason", reason)
                    .addValue("expected", expectedVersion).addValue("at", Timestamp.from(now)).addValue("by", actor);
            int version;
            if (expectedVersion == 0) {
                if (before.isPresent()) {
                    throw new OptimisticLockingFailureException("Колледж " + college.id() + " уже есть");
                }
                jdbc.update("INSERT INTO college (id, region_id, name, ogrn, env_prefix, overrides, status, version, created_at, updated_at, "
                        + "updated_by, status_reason) VALUES (:id, :region, :name, :ogrn, :env, :overrides, :status, 1, :at, :at, :by, :reason)", params);
                version = 1;
            } else {
                int updated = jdbc.update("UPDATE college SET region_id = :region, name = :name, ogrn = :ogrn, env_prefix = :env, "
                        + "overrides = :overrides, status = :status, status_reason = :reason, version = version + 1, updated_at = :at, "
                        + "updated_by = :by WHERE id = :id AND version = :expected", params);
                if (updated != 1) {
                    throw new OptimisticLockingFailureException("Колледж " + college.id() + " изменён с версии " + expectedVersion);
                }
                version = expectedVersion + 1;
            }
            recordChange(college.id(), college.regionId(), version, action, before.map(b -> definitionJson(b.definition(), b.status())).orElse(null),
                    definitionJson(college, status), actor, now);
            return version;
        });
    }

    /** Saves a region's profile (new when {@code expectedVersion} is 0); returns the new version. */
    public int saveRegion(RegionProfile region, int expectedVersion, String actor) {
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            Optional<StoredRegion> before = region(region.id());
            MapSqlParameterSource params = new MapSqlParameterSource().addValue("id", region.id())
                    .addValue("name", region.name() == null ? region.id() : region.name()).addValue("defaults", json(region.defaults()))
                    .addValue("expected", expectedVersion).addValue("at", Timestamp.from(now)).addValue("by", actor);
            int version;
            if (expectedVersion == 0) {
                if (before.isPresent()) {
                    throw new OptimisticLockingFailureException("Регион " + region.id() + " уже есть");
                }
                jdbc.update("INSERT INTO region (id, name, defaults, version, updated_at, updated_by) "
                        + "VALUES (:id, :name, :defaults, 1, :at, :by)", params);
                version = 1;
            } else {
                int updated = jdbc.update("UPDATE region SET name = :name, defaults = :defaults, version = version + 1, updated_at = :at, "
                        + "updated_by = :by WHERE id = :id AND version = :expected", params);
                if (updated != 1) {
                    throw new OptimisticLockingFailureException("Регион " + region.id() + " изменён с версии " + expectedVersion);
                }
                version = expectedVersion + 1;
            }
            recordChange(null, region.id(), version, expectedVersion == 0 ? "REGION_CREATED" : "REGION_CHANGED",
                    before.map(b -> json(b.profile().defaults())).orElse(null), json(region.defaults()), actor, now);
            return version;
        });
    }

    /** The region files of a first start, all or nothing: a start that fails half-way imports them again next time. */
    public void importRegions(List<RegionDocument> documents, String actor) {
        transaction.executeWithoutResult(tx -> documents.forEach(document -> {
            saveRegion(document.region(), 0, actor);
            document.colleges().values().forEach(college -> saveCollege(college, Colleges.Status.ACTIVE, null, 0, actor, "COLLEGE_IMPORTED"));
        }));
    }

    public List<Change> history(String collegeId, int limit) {
        return jdbc.query("SELECT id, college_id, region_id, version, action, before_json, after_json, changed_by, changed_at "
                        + "FROM college_change WHERE college_id = :college ORDER BY id DESC LIMIT :limit",
                new MapSqlParameterSource().addValue("college", collegeId).addValue("limit", limit),
                (rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()));
    }

    private void recordChange(String collegeId, String regionId, int version, String action, String before, String after, String actor,
                              Instant at) {
        jdbc.update("INSERT INTO college_change (college_id, region_id, version, action, before_json, after_json, changed_by, changed_at) "
                        + "VALUES (:college, :region, :version, :action, :before, :after, :by, :at)",
                new MapSqlParameterSource().addValue("college", collegeId).addValue("region", regionId).addValue("version", version)
                        .addValue("action", action).addValue("before", before).addValue("after", after).addValue("by", actor)
                        .addValue("at", Timestamp.from(at)));
        jdbc.update("UPDATE settings_revision SET revision = revision + 1, changed_at = :at WHERE id = 1",
                Map.of("at", Timestamp.from(at)));
    }

    private static final String COLLEGE_COLUMNS = "SELECT id, region_id, name, ogrn, env_prefix, overrides, status, version, updated_at, "
            + "updated_by, status_reason FROM college";

    private StoredCollege mapCollege(ResultSet rs, int row) throws SQLException {
        return new StoredCollege(new CollegeDefinition(rs.getString("id"), rs.getString("region_id"), rs.getString("name"),
                rs.getString("ogrn"), rs.getString("env_prefix"), tree(rs.getString("overrides"))),
                Colleges.Status.valueOf(rs.getString("status")), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"), rs.getString("status_reason"));
    }

    private StoredRegion mapRegion(ResultSet rs, int row) throws SQLException {
        return new StoredRegion(new RegionProfile(rs.getString("id"), rs.getString("name"), tree(rs.getString("defaults"))),
                rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private int count(String sql) {
        Integer count = jdbc.queryForObject(sql, Map.of(), Integer.class);
        return count == null ? 0 : count;
    }

    private static String definitionJson(CollegeDefinition college, Colleges.Status status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", college.id());
        json.put("region", college.regionId());
        json.put("name", college.name());
        json.put("ogrn", college.ogrn());
        json.put("env", college.env());
        json.put("status", status.name());
        json.put("overrides", college.overrides());
        return json(json);
    }

    private static String json(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> tree(String json) {
        try {
            return JSON.readValue(json, TREE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
