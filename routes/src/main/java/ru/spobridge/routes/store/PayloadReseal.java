package ru.spobridge.routes.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.protection.PayloadCipher;

/**
 * Brings every sealed column to the current key: values stored in clear before sealing existed, and values sealed
 * with an older key after a rotation. Runs once per start (keys change only with a restart), in pages; a row changed
 * meanwhile by its owner is left alone, as the owner wrote it with the current key. The one place that knows which
 * columns are sealed.
 */
@Component
public class PayloadReseal {

    public static final String AUDIT_ACTION = "PERSONAL_DATA_SEALED";
    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(PayloadReseal.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final PayloadCipher cipher;
    private final AuditLog audit;

    public PayloadReseal(NamedParameterJdbcTemplate jdbc, PayloadCipher cipher, AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** Per table: values re-sealed with the current key, and values this hub cannot open (a key it lacks). */
    public record Resealed(int resealed, int unreadable) {
    }

    public Map<String, Resealed> resealAll() {
        Map<String, Resealed> outcome = new TreeMap<>();
        outcome.put("canonical_record", canonicalRecords());
        outcome.put("dead_letter", byId("dead_letter", "id", "payload"));
        outcome.put("held_run", byId("held_run", "run_id", "snapshot"));
        int resealed = outcome.values().stream().mapToInt(Resealed::resealed).sum();
        int unreadable = outcome.values().stream().mapToInt(Resealed::unreadable).sum();
        if (resealed > 0) {
            String details = "ключ " + cipher.currentKeyId() + ": " + describe(outcome);
            audit.record("hub", AUDIT_ACTION, null, "хранилище", details);
            log.info("Персональные данные в хранилище перешифрованы текущим ключом {}: {}", cipher.currentKeyId(), describe(outcome));
        }
        if (unreadable > 0) {
            log.error("В хранилище {} значений зашифрованы ключом, которого нет у этого экземпляра: задайте прежний ключ в "
                    + "SPO_DATA_OLD_KEYS (всем экземплярам — один SPO_DATA_KEY)", unreadable);
        }
        return outcome;
    }

    /** Pages through each college and type by key; the content hash guards against a concurrent rewrite. */
    private Resealed canonicalRecords() {
        MapSqlParameterSource stale = new MapSqlParameterSource("current", cipher.currentPrefix() + "%");
        List<String[]> parts = jdbc.query("SELECT DISTINCT college_id, entity_type FROM canonical_record WHERE payload NOT LIKE :current",
                stale, (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        int resealed = 0;
        int unreadable = 0;
        for (String[] part : parts) {
            String last = "";
            while (true) {
                List<String[]> page = jdbc.query("SELECT entity_key, content_hash, payload FROM canonical_record WHERE college_id = :college "
                                + "AND entity_type = :type AND entity_key > :last AND payload NOT LIKE :current "
                                // the equal leading columns named too: H2 then walks the primary key instead of sorting the rest
                                + "ORDER BY college_id, entity_type, entity_key LIMIT " + PAGE,
                        new MapSqlParameterSource("current", cipher.currentPrefix() + "%").addValue("college", part[0])
                                .addValue("type", part[1]).addValue("last", last),
                        (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                if (page.isEmpty()) {
                    break;
                }
                List<MapSqlParameterSource> updates = new ArrayList<>();
                for (String[] row : page) {
                    String sealed = resealed(row[2]);
                    if (sealed == null) {
                        unreadable++;
                        continue;
                    }
                    updates.add(new MapSqlParameterSource("college", part[0]).addValue("type", part[1]).addValue("key", row[0])
                            .addValue("hash", row[1]).addValue("sealed", sealed).addValue("current", cipher.currentPrefix() + "%"));
                }
                resealed += updated(jdbc.batchUpdate("UPDATE canonical_record SET payload = :sealed WHERE college_id = :college "
                        + "AND entity_type = :type AND entity_key = :key AND content_hash = :hash AND payload NOT LIKE :current",
                        updates.toArray(MapSqlParameterSource[]::new)));
                last = page.get(page.size() - 1)[0];
            }
        }
        return new Resealed(resealed, unreadable);
    }

    /** Pages by id; values only ever set once or dropped, so a dropped one is not brought back. */
    private Resealed byId(String table, String id, String column) {
        long last = Long.MIN_VALUE;
        int resealed = 0;
        int unreadable = 0;
        while (true) {
            List<Object[]> page = jdbc.query("SELECT " + id + ", " + column + " FROM " + table + " WHERE " + id + " > :last AND "
                            + column + " IS NOT NULL AND " + column + " NOT LIKE :current ORDER BY " + id + " LIMIT " + PAGE,
                    new MapSqlParameterSource("current", cipher.currentPrefix() + "%").addValue("last", last),
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
            if (page.isEmpty()) {
                return new Resealed(resealed, unreadable);
            }
            List<MapSqlParameterSource> updates = new ArrayList<>();
            for (Object[] row : page) {
                String sealed = resealed((String) row[1]);
                if (sealed == null) {
                    unreadable++;
                    continue;
                }
                updates.add(new MapSqlParameterSource("id", row[0]).addValue("sealed", sealed));
            }
            resealed += updated(jdbc.batchUpdate("UPDATE " + table + " SET " + column + " = :sealed WHERE " + id + " = :id AND "
                    + column + " IS NOT NULL", updates.toArray(MapSqlParameterSource[]::new)));
            last = (Long) page.get(page.size() - 1)[0];
        }
    }

    /** The value sealed with the current key, or null when it cannot be opened here. */
    private String resealed(String stored) {
        try {
            return cipher.seal(cipher.open(stored));
        } catch (PayloadCipher.UnreadablePayloadException e) {
            return null;
        }
    }

    private static int updated(int[] counts) {
        int total = 0;
        for (int count : counts) {
            // a driver may answer "done, count unknown" for a batched statement
            total += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return total;
    }

    private static String describe(Map<String, Resealed> outcome) {
        List<String> parts = new ArrayList<>();
        outcome.forEach((table, counts) -> {
            if (counts.resealed() > 0) {
                parts.add(table + " — " + counts.resealed());
            }
        });
        return String.join(", ", new TreeSet<>(parts));
    }
}
