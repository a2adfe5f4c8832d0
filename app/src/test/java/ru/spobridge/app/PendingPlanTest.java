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
 * quadratic. Asserted on H2's plan, not on a time.
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

        assertThat(String.join("\n", plan)).contains("CANONICAL_RECORD_ORDER").contains("/* index sorted */");
    }
}
