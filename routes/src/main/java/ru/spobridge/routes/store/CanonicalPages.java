package ru.spobridge.routes.store;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import ru.spobridge.routes.protection.PayloadCipher;

/**
 * Every record of a type read page by page in delivery order (sort key, then key), payloads in clear: a reader of a
 * whole college (an archive) holds one page at a time, never the college.
 */
@Repository
public class CanonicalPages {

    /** One stored record: its key, its sort key and its canonical JSON. */
    public record Stored(String entityKey, String sortKey, String payload) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final PayloadCipher cipher;

    public CanonicalPages(NamedParameterJdbcTemplate jdbc, PayloadCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Hands every record of a type whose sort key lies in [{@code fromSort}, {@code toSort}) (either null: open) to
     * {@code page}, one page at a time; the next page starts after the last record of the previous one.
     */
    public void forEachPage(String collegeId, String entityType, String fromSort, String toSort, int pageSize, Consumer<List<Stored>> page) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        Stored last = null;
        while (true) {
            List<Stored> rows = page(collegeId, entityType, fromSort, toSort, last, pageSize);
            if (rows.isEmpty()) {
                return;
            }
            page.accept(rows);
            if (rows.size() < pageSize) {
                return;
            }
            last = rows.get(rows.size() - 1);
        }
    }

    private List<Stored> page(String collegeId, String entityType, String fromSort, String toSort, Stored after, int pageSize) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("college", collegeId).addValue("type", entityType)
                .addValue("size", pageSize);
        StringBuilder where = new StringBuilder();
        if (fromSort != null) {
            where.append(" AND sort_key >= :fromSort");
            params.addValue("fromSort", fromSort);
        }
        if (toSort != null) {
            where.append(" AND sort_key < :toSort");
            params.addValue("toSort", toSort);
        }
        if (after != null) {
            where.append(" AND sort_key >= :afterSort AND (sort_key > :afterSort OR entity_key > :afterKey)");
            params.addValue("afterSort", after.sortKey()).addValue("afterKey", after.entityKey());
        }
        // ORDER BY leads with the index's fixed columns so that H2 walks the index of delivery order (see pendingQuery)
        return jdbc.query("SELECT entity_key, sort_key, payload FROM canonical_record WHERE college_id = :college AND entity_type = :type"
                        + where + " ORDER BY college_id, entity_type, sort_key, entity_key LIMIT :size", params,
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), cipher.open(rs.getString(3))));
    }
}
