package ru.spobridge.routes.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Keys to look up as a derived table {@code (VALUES …) v(k)} joined on an index, in chunks: each key is one index
 * lookup. With {@code entity_key IN (…)} H2 walks every row of the college and type and filters, so a lookup grew
 * with what the store holds, not with the keys asked for (1,000 keys among 100,000 students: 30 ms against 9 ms).
 * The CAST types the parameters for PostgreSQL.
 */
final class KeyList {

    static final int CHUNK = 1000;

    private KeyList() {
    }

    /** Calls {@code query} once per chunk with the derived table's SQL and its parameters added to a copy of {@code base}. */
    static void chunks(Collection<String> keys, MapSqlParameterSource base, BiConsumer<String, MapSqlParameterSource> query) {
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            MapSqlParameterSource params = new MapSqlParameterSource(base.getValues());
            StringBuilder values = new StringBuilder("(VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                values.append(i == 0 ? "" : ",").append("(CAST(:k").append(i).append(" AS VARCHAR(128)))");
                params.addValue("k" + i, chunk.get(i));
            }
            query.accept(values.append(") v(k)").toString(), params);
        }
    }
}
