package ru.spobridge.routes.archive;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The catalog of archives: what was built or attempted, for which college and period, and where each copy lies. */
@Repository
public class ArchiveCatalog {

    public static final String BUILDING = "BUILDING";
    public static final String COMPLETE = "COMPLETE";
    public static final String INCOMPLETE = "INCOMPLETE";
    public static final String FAILED = "FAILED";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ArchiveCatalog(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Copy(String store, String location, String status, String error, Instant writtenAt, Instant verifiedAt, Integer findings) {
    }

    public record Archive(long id, String key, String collegeId, String kind, LocalDate from, LocalDate to, String groupCode,
                          String source, String target, String status, boolean encrypted, Instant createdAt, Instant finishedAt,
                          Long runId, String requestedBy, int files, long bytes, String manifestSha256, LocalDate retainUntil,
                          String error, List<Copy> copies) {
    }

    /**
     * Opens the row of an archive about to be built.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the key is taken (another instance builds it)
     */
    public long open(String key, ArchiveRequest request, boolean encrypted, Long runId, String requestedBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO archive (archive_key, college_id, kind, period_from, period_to, group_code, source, target, status, "
                        + "encrypted, created_at, run_id, requested_by) VALUES (:key, :college, :kind, :from, :to, :group, :source, :target, "
                        + "'BUILDING', :encrypted, :now, :run, :by)",
                new MapSqlParameterSource().addValue("key", key).addValue("college", request.collegeId()).addValue("kind", request.kind().name())
                        .addValue("from", Date.valueOf(request.from())).addValue("to", Date.valueOf(request.to()))
                        .addValue("group", request.groupCode()).addValue("source", request.source().name()).addValue("target", request.target())
                        .addValue("encrypted", encrypted).addValue("now", Timestamp.from(clock.instant())).addValue("run", runId)
                        .addValue("by", requestedBy),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public void copyWritten(long archiveId, ArchiveCopies.Written copy) {
        jdbc.update("INSERT INTO archive_copy (archive_id, store_name, location, status, error, written_at) "
                        + "VALUES (:id, :store, :location, :status, :error, :now)",
                new MapSqlParameterSource().addValue("id", archiveId).addValue("store", copy.store()).addValue("location", copy.location())
                        .addValue("status", copy.ok() ? "WRITTEN" : "FAILED").addValue("error", cut(copy.error()))
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    public void finished(long archiveId, String status, ArchiveManifest manifest, String manifestSha256, String error) {
        LocalDate retainUntil = manifest == null ? null : manifest.files().stream().map(ArchiveManifest.Entry::retainUntil)
                .filter(java.util.Objects::nonNull).min(LocalDate::compareTo).orElse(null);
        jdbc.update("UPDATE archive SET status = :status, finished_at = :now, file_count = :files, total_bytes = :bytes, "
                        + "manifest_sha256 = :digest, retain_until = :retain, error = :error WHERE id = :id",
                new MapSqlParameterSource().addValue("id", archiveId).addValue("status", status).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("files", manifest == null ? 0 : manifest.files().size())
                        .addValue("bytes", manifest == null ? 0L : manifest.files().stream().mapToLong(ArchiveManifest.Entry::bytes).sum())
                        .addValue("digest", manifestSha256).addValue("retain", retainUntil == null ? null : Date.valueOf(retainUntil))
                        .addValue("error", cut(error)));
    }

    public void verified(long archiveId, String store, int findings) {
        jdbc.update("UPDATE archive_copy SET verified_at = :now, findings = :findings WHERE archive_id = :id AND store_name = :store",
                new MapSqlParameterSource().addValue("id", archiveId).addValue("store", store).addValue("findings", findings)
                        .addValue("now", Timestamp.from(clock.instant())));
    }

    public Optional<Archive> get(long id) {
        return jdbc.query("SELECT * FROM archive WHERE id = :id", Map.of("id", id), this::map).stream().findFirst();
    }

    /** A college's archives (or every college's when null), newest first. */
    public List<Archive> list(String collegeId, int limit) {
        return jdbc.query("SELECT * FROM archive WHERE (CAST(:college AS VARCHAR(64)) IS NULL OR college_id = :college) "
                + "ORDER BY created_at DESC, id DESC LIMIT :limit", new MapSqlParameterSource().addValue("college", collegeId)
                .addValue("limit", limit), this::map);
    }

    /** The keys already used for an archive's base key: the base itself and its numbered attempts. */
    public List<Archive> attempts(String baseKey) {
        return jdbc.query("SELECT * FROM archive WHERE archive_key = :key OR archive_key LIKE :attempts ORDER BY id",
                Map.of("key", baseKey, "attempts", baseKey.replace("%", "\\%").replace("_", "\\_") + "~%"), this::map);
    }

    /** Complete archives holding a document whose retention has ended before {@code today}. */
    public List<Archive> retentionEnded(LocalDate today) {
        return jdbc.query("SELECT * FROM archive WHERE status IN ('COMPLETE', 'INCOMPLETE') AND retain_until < :today ORDER BY retain_until, id",
                Map.of("today", Date.valueOf(today)), this::map);
    }

    private Archive map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Copy> copies = jdbc.query("SELECT * FROM archive_copy WHERE archive_id = :id ORDER BY store_name", Map.of("id", id),
                (c, n) -> new Copy(c.getString("store_name"), c.getString("location"), c.getString("status"), c.getString("error"),
                        instant(c, "written_at"), instant(c, "verified_at"), (Integer) c.getObject("findings", Integer.class)));
        Date retain = rs.getDate("retain_until");
        Long runId = rs.getObject("run_id") == null ? null : rs.getLong("run_id");
        return new Archive(id, rs.getString("archive_key"), rs.getString("college_id"), rs.getString("kind"),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(), rs.getString("group_code"),
                rs.getString("source"), rs.getString("target"), rs.getString("status"), rs.getBoolean("encrypted"),
                instant(rs, "created_at"), instant(rs, "finished_at"), runId, rs.getString("requested_by"),
                rs.getInt("file_count"), rs.getLong("total_bytes"), rs.getString("manifest_sha256"),
                retain == null ? null : retain.toLocalDate(), rs.getString("error"), copies);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static String cut(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 2000));
    }
}
