package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * The pending page walks the delivery-order index on the embedded store instead of sorting what is left of the type:
 * a sorted plan reads every remaining record with its payload for each page, which made the publish of a large college
 * quadratic; and the page is chosen from an index holding the hash, so that records with nothing to send are not read
 * with their payloads. Asserted on H2's plan, not on a time.
 */
class PendingPlanTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void the_pending_page_is_read_in_index_order_on_h2(boolean afterRecord) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pending-plan-" + afterRecord + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        // the named parameters as literals: the plan is the same, and EXPLAIN needs no binding
        String query = CanonicalRecords.pendingQuery(afterRecord)
                .replace(":target", "'epos'").replace(":college", "'c'").replace(":type", "'student'")
                .replace(":publishedBefore", "CURRENT_TIMESTAMP").replace(":size", "2000")
                .replace(":sortKey", "'k1'").replace(":entityKey", "'k1'");

        List<String> plan = jdbc.queryForList("EXPLAIN " + query, String.class);

        // the page is chosen from the covering index in its order; the payloads are then read by primary key
        assertThat(String.join("\n", plan)).contains("PUBLIC.CANONICAL_RECORD_PENDING").contains("/* index sorted */")
                .containsPattern("PUBLIC\\.PRIMARY_KEY_\\w+: COLLEGE_ID = P\\.COLLEGE_ID");
    }

    @org.junit.jupiter.api.Test
    void the_wait_for_parent_outcomes_counts_from_an_index_of_publish_time_on_h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pending-plan-awaiting;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        String plan = new JdbcTemplate(h2).queryForObject("EXPLAIN " + ru.spobridge.routes.store.DeliveryLedger.AWAITING_OUTCOME
                .replace(":college", "'c'").replace(":type", "'student'").replace(":target", "'epos'").replace(":since", "CURRENT_TIMESTAMP"),
                String.class);

        assertThat(plan).contains("PUBLIC.SYNC_STATE_PUBLISHED").contains("PUBLISHED_AT >= CURRENT_TIMESTAMP");
    }

    @org.junit.jupiter.api.Test
    void the_hashes_and_keys_of_a_type_are_read_from_an_index_holding_them_on_h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:pending-plan-hashes;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        String hashes = jdbc.queryForObject("EXPLAIN SELECT entity_key, content_hash FROM canonical_record "
                + "WHERE college_id = 'c' AND entity_type = 'student'", String.class);
        String keys = jdbc.queryForObject("EXPLAIN SELECT entity_key FROM canonical_record "
                + "WHERE college_id = 'c' AND entity_type = 'student'", String.class);

        // not the table scan, which reads each row with its payload
        assertThat(hashes).contains("PUBLIC.CANONICAL_RECORD_HASH: COLLEGE_ID = 'c'");
        assertThat(keys).containsPattern("PUBLIC\\.(PRIMARY_KEY_\\w+|CANONICAL_RECORD_HASH): COLLEGE_ID = 'c'");
    }
}
