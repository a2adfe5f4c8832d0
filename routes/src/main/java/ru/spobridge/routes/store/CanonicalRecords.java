package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.spobridge.routes.protection.PayloadCipher;

/**
 * The canonical state of every record as last read from its source (table canonical_record). Payloads are sealed at
 * rest ({@link PayloadCipher}) and given back in clear; keys and content hashes stay clear for matching and change
 * detection.
 */
@Repository
public class CanonicalRecords {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final PayloadCipher cipher;

    public CanonicalRecords(NamedParameterJdbcTemplate jdbc, Clock clock, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
    }

    public record Row(String entityKey, String sortKey, String sourceSystem, String contentHash, String payload, String maskedLabel) {
    }

    /** Changed rows written per batch: memory stays bounded however many records a read brings. */
    static final int CHUNK = 500;

    /** Content hashes by key: one query, so a snapshot of thousands compares in memory. */
    public Map<String, String> hashes(String collegeId, String entityType) {
        return byKey(collegeId, entityType, "content_hash");
    }

    /** The keys of every record of a type, without their hashes: a set of strings kept through a long read. */
    public java.util.Set<String> keys(String collegeId, String entityType) {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT entity_key FROM canonical_record WHERE college_id = :college "
                + "AND entity_type = :type", Map.of("college", collegeId, "type", entityType), String.class));
    }

    /** A record to keep: its key, delivery order, canonical value and a masked label for the console. */
    public record Candidate(String key, String sortKey, Object value, String label) {
    }

    /**
     * Stores the candidates whose canonical JSON differs from what is stored (by content hash) and returns their
     * number: one place decides what "changed" means for every flow.
     */
    @Transactional
    public int saveChanged(String collegeId, String entityType, String sourceSystem, java.util.Collection<Candidate> candidates,
                           ru.spobridge.routes.CanonicalJson json) {
        return saveChanged(collegeId, entityType, sourceSystem, candidates, json, hashes(collegeId, entityType));
    }

    /**
     * As {@link #saveChanged(String, String, String, java.util.Collection, ru.spobridge.routes.CanonicalJson)}, against
     * hashes the caller keeps ({@code known}, updated with what is written): a read taken page by page loads them once.
     * Works chunk by chunk — a chunk's changed rows built, written in one batch, then dropped — so no list of every
     * payload is ever built.
     */
    @Transactional
    public int saveChanged(String collegeId, String entityType, String sourceSystem, java.util.Collection<Candidate> candidates,
                           ru.spobridge.routes.CanonicalJson json, Map<String, String> known) {
        int changed = 0;
        List<Row> rows = new ArrayList<>(Math.min(CHUNK, candidates.size()));
        for (Candidate candidate : candidates) {
            String payload = json.write(candidate.value());
            String hash = ru.spobridge.routes.CanonicalJson.sha256(payload);
            if (!java.util.Objects.equals(known.get(candidate.key()), hash)) {
                rows.add(new Row(candidate.key(), candidate.sortKey(), sourceSystem, hash, payload, candidate.label()));
            }
            if (rows.size() == CHUNK) {
                changed += saveChunk(collegeId, entityType, rows, known);
            }
        }
        return changed + saveChunk(collegeId, entityType, rows, known);
    }

    private int saveChunk(String collegeId, String entityType, List<Row> rows, Map<String, String> known) {
        int written = rows.size();
        save(collegeId, entityType, rows, known);
        rows.forEach(row -> known.put(row.entityKey(), row.contentHash()));
        rows.clear();
        return written;
    }

    /** Writes new and changed rows; the caller has compared hashes already. */
    @Transactional
    public void save(String collegeId, String entityType, List<Row> rows, Map<String, String> knownHashes) {
        Timestamp now = Timestamp.from(clock.instant());
        List<MapSqlParameterSource> updates = new ArrayList<>();
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        for (Row row : rows) {
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("college", collegeId).addValue("type", entityType).addValue("key", row.entityKey())
                    .addValue("source", row.sourceSystem()).addValue("hash", row.contentHash())
                    .addValue("payload", cipher.seal(row.payload())).addValue("label", row.maskedLabel()).addValue("now", now)
                    .addValue("sort", row.sortKey());
            (knownHashes.containsKey(row.entityKey()) ? updates : inserts).add(params);
        }
        jdbc.batchUpdate("UPDATE canonical_record SET source_system = :source, content_hash = :hash, payload = :payload, "
                + "masked_label = :label, sort_key = :sort, updated_at = :now WHERE college_id = :college AND entity_type = :type AND entity_key = :key",
                updates.toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("INSERT INTO canonical_record (college_id, entity_type, entity_key, source_system, content_hash, payload, "
                + "masked_label, sort_key, updated_at) VALUES (:college, :type, :key, :source, :hash, :payload, :label, :sort, :now)",
                inserts.toArray(MapSqlParameterSource[]::new));
    }

    /**
     * One page of the records whose current version the target has neither received nor refused, and that no recent
     * run has already put on the bus: in delivery order (sort key, then key), so that batches, and so their idempotency
     * keys, are stable; the page starts after {@code after} (null: from the first), so memory stays one page whatever
     * the college's size.
     */
    public List<PendingRecord> pending(String collegeId, String entityType, String target, Instant publishedBefore,
                                       PendingRecord after, int pageSize) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType)
                .addValue("target", target).addValue("publishedBefore", Timestamp.from(publishedBefore)).addValue("size", pageSize);
        if (after != null) {
            params.addValue("sortKey", after.sortKey()).addValue("entityKey", after.entityKey());
        }
        return jdbc.query(pendingQuery(after != null), params,
                (rs, i) -> new PendingRecord(rs.getString(1), rs.getString(2), cipher.open(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }

    /**
     * The query of {@link #pending}, public for the test of its plan. The page is chosen from the index of delivery
     * order with the content hash (V17) — keys, hashes and the target's state, no payload — and only its records are
     * then read whole: H2 reads each row it visits with its payload, so a sync with no change used to read every
     * record of the type (100,000 students: 4 s a type and target). The ORDER BY names the index's leading columns
     * though they are fixed: H2 walks an index for the order only when the ORDER BY starts with its columns; ordered
     * by sort_key alone, every page sorted all remaining records of the type (22,000 pending records: 95 s, not 3 s).
     *
     * @param afterRecord the page starts after the record in :sortKey, :entityKey (every writer sets a sort key)
     */
    public static String pendingQuery(boolean afterRecord) {
        return """
                SELECT r.entity_key, r.content_hash, r.payload, r.masked_label, p.delivered_hash, r.sort_key
                FROM (SELECT c.college_id, c.entity_type, c.entity_key, c.sort_key, s.delivered_hash
                      FROM canonical_record c
                      LEFT JOIN sync_state s ON s.college_id = c.college_id AND s.entity_type = c.entity_type
                           AND s.entity_key = c.entity_key AND s.target = :target
                      WHERE c.college_id = :college AND c.entity_type = :type %s
                        AND (s.delivered_hash IS NULL OR s.delivered_hash <> c.content_hash)
                        AND (s.rejected_hash IS NULL OR s.rejected_hash <> c.content_hash)
                        AND (s.published_hash IS NULL OR s.published_hash <> c.content_hash OR s.published_at < :publishedBefore)
                      ORDER BY c.college_id, c.entity_type, c.sort_key, c.entity_key
                      LIMIT :size) p
                JOIN canonical_record r ON r.college_id = p.college_id AND r.entity_type = p.entity_type AND r.entity_key = p.entity_key
                ORDER BY p.sort_key, p.entity_key
                """.formatted(afterRecord ? "AND c.sort_key >= :sortKey AND (c.sort_key > :sortKey OR c.entity_key > :entityKey)" : "");
    }

    /** Per target and entity type of a college: records on their way to the platform, published and not yet answered. */
    public record InFlight(String target, String entityType, int records) {
    }

    /**
     * Records between their publish and their outcome (a batch on the bus, parked while a circuit is open, retried by
     * the broker), without loading payloads; what waits as a dead letter is counted by its own table.
     */
    public List<InFlight> inFlight(String collegeId) {
        return jdbc.query("""
                SELECT s.target, s.entity_type, COUNT(*)
                FROM sync_state s
                JOIN canonical_record c ON c.college_id = s.college_id AND c.entity_type = s.entity_type AND c.entity_key = s.entity_key
                WHERE s.college_id = :college AND s.published_hash = c.content_hash
                  AND (s.delivered_hash IS NULL OR s.delivered_hash <> c.content_hash)
                  AND (s.rejected_hash IS NULL OR s.rejected_hash <> c.content_hash)
                GROUP BY s.target, s.entity_type
                ORDER BY s.target, s.entity_type
                """, Map.of("college", collegeId), (rs, i) -> new InFlight(rs.getString(1), rs.getString(2), rs.getInt(3)));
    }

    /** Canonical JSON by key, for rules that look at history (movements). */
    public Map<String, String> payloads(String collegeId, String entityType) {
        Map<String, String> payloads = byKey(collegeId, entityType, "payload");
        payloads.replaceAll((key, stored) -> cipher.open(stored));
        return payloads;
    }

    /** One record's canonical JSON (clear), if the store has it: an administrator's reveal opens only that record. */
    public java.util.Optional<String> payload(String collegeId, String entityType, String entityKey) {
        return jdbc.queryForList("SELECT payload FROM canonical_record WHERE college_id = :college AND entity_type = :type "
                        + "AND entity_key = :key", Map.of("college", collegeId, "type", entityType, "key", entityKey), String.class)
                .stream().findFirst().map(cipher::open);
    }

    /**
     * Canonical JSON (clear) of the given keys only, by key: a pull of one day's marks looks up what it brings, not
     * every mark the college ever had. Keys go in chunks so no statement carries an unbounded IN list.
     */
    public Map<String, String> payloads(String collegeId, String entityType, java.util.Collection<String> keys) {
        Map<String, String> payloads = new HashMap<>();
        byKeys(collegeId, entityType, "payload", keys, (key, payload) -> payloads.put(key, cipher.open(payload)));
        return payloads;
    }

    /**
     * Content hashes of the given keys only (from the index of hashes, V17): a chunk of a day's marks compares
     * against what it brings, not against every mark of the term.
     */
    public Map<String, String> hashes(String collegeId, String entityType, java.util.Collection<String> keys) {
        Map<String, String> hashes = new HashMap<>();
        byKeys(collegeId, entityType, "content_hash", keys, hashes::put);
        return hashes;
    }

    /** One column of the given keys, looked up one index lookup a key ({@link KeyList}). */
    private void byKeys(String collegeId, String entityType, String column, java.util.Collection<String> keys,
                        java.util.function.BiConsumer<String, String> row) {
        KeyList.chunks(keys, new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType), (values, params) ->
                jdbc.query("SELECT c.entity_key, c." + column + " FROM " + values + " JOIN canonical_record c "
                                + "ON c.college_id = :college AND c.entity_type = :type AND c.entity_key = v.k", params,
                        rs -> {
                            row.accept(rs.getString(1), rs.getString(2));
                        }));
    }

    /** Payload (clear) and masked label of every record of a type, by key. */
    public Map<String, String[]> payloadsAndLabels(String collegeId, String entityType) {
        Map<String, String[]> values = new HashMap<>();
        jdbc.query("SELECT entity_key, payload, masked_label FROM canonical_record WHERE college_id = :college AND entity_type = :type",
                Map.of("college", collegeId, "type", entityType),
                rs -> {
                    values.put(rs.getString(1), new String[] {cipher.open(rs.getString(2)), rs.getString(3)});
                });
        return values;
    }

    /** One column of every record of a type, by key; the column name is one of ours, never input. */
    private Map<String, String> byKey(String collegeId, String entityType, String column) {
        Map<String, String> values = new HashMap<>();
        jdbc.query("SELECT entity_key, " + column + " FROM canonical_record WHERE college_id = :college AND entity_type = :type",
                Map.of("college", collegeId, "type", entityType),
                rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return values;
    }

    /** Removes records a newer source version no longer has (planned lessons of a re-imported week). */
    public void delete(String collegeId, String entityType, java.util.Collection<String> keys) {
        jdbc.batchUpdate("DELETE FROM canonical_record WHERE college_id = :college AND entity_type = :type AND entity_key = :key",
                keys.stream().map(key -> new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType)
                        .addValue("key", key)).toArray(MapSqlParameterSource[]::new));
    }

    /** Masked labels by key (never personal data in clear), for lists of what a held run would change. */
    public Map<String, String> maskedLabels(String collegeId, String entityType) {
        return byKey(collegeId, entityType, "masked_label");
    }
}
