package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.store.DeliveryLedger;
import ru.spobridge.routes.store.DeliveryLedger.Delivered;
import ru.spobridge.routes.store.DeliveryLedger.Entry;
import ru.spobridge.routes.store.RejectedRecords;

/**
 * The ledger rows of one batch written at once must equal those written record by record: new and existing rows,
 * target ids present and absent, on both stores the hub runs on.
 */
class DeliveryLedgerBatchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);

    @Test
    void batched_bookkeeping_writes_the_rows_of_the_per_record_path_on_h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ledger-batch;DB_CLOSE_DELAY=-1");
        compare(h2);
    }

    @Test
    void batched_bookkeeping_writes_the_rows_of_the_per_record_path_on_postgresql() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            compare(postgres.getPostgresDatabase());
        }
    }

    private static void compare(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        DeliveryLedger ledger = new DeliveryLedger(jdbc, CLOCK);
        for (String college : List.of("one-by-one", "batched")) {
            seed(jdbc, college);
        }

        List<Delivered> delivered = List.of(
                new Delivered("old-with-id", "h-new-1", null),           // existing row, id kept
                new Delivered("old-rejected", "h-new-2", "T-2"),         // existing row, refusal and publish cleared, id replaced
                new Delivered("fresh-with-id", "h-new-3", "T-3"),        // new row
                new Delivered("fresh-no-id", "h-new-4", null));          // new row without an id
        List<Entry> refused = List.of(
                new Entry("old-published", "h-bad-1"),                   // existing row, publish cleared, delivery kept
                new Entry("fresh-refused", "h-bad-2"));                  // new row
        for (Delivered one : delivered) {
            ledger.markDelivered("one-by-one", "STUDENT", "moodle", one.entityKey(), one.contentHash(), one.targetId());
        }
        for (Entry one : refused) {
            ledger.markRejected("one-by-one", "STUDENT", "moodle", one.entityKey(), one.contentHash());
        }
        ledger.markDelivered("batched", "STUDENT", "moodle", delivered);
        ledger.markRejected("batched", "STUDENT", "moodle", refused);
        // a key twice in one call: the later version wins, as record by record
        ledger.markDelivered("one-by-one", "GROUP", "moodle", "g", "h-a", "G-1");
        ledger.markDelivered("one-by-one", "GROUP", "moodle", "g", "h-b", null);
        ledger.markDelivered("batched", "GROUP", "moodle", List.of(new Delivered("g", "h-a", "G-1"), new Delivered("g", "h-b", null)));
        ledger.markRejected("batched", "STUDENT", "moodle", List.of());

        List<Map<String, Object>> expected = rows(jdbc, "one-by-one");
        assertThat(expected).hasSize(8);
        assertThat(rows(jdbc, "batched")).isEqualTo(expected);
        // and the rows are what the per-record path always wrote
        assertThat(expected).filteredOn(row -> "old-with-id".equals(row.get("entity_key"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("target_id", "T-OLD").containsEntry("delivered_hash", "h-new-1"));
        assertThat(expected).filteredOn(row -> "old-rejected".equals(row.get("entity_key"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("target_id", "T-2").containsEntry("rejected_hash", null)
                        .containsEntry("published_hash", null));
        assertThat(expected).filteredOn(row -> "fresh-no-id".equals(row.get("entity_key"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("target_id", null).containsEntry("delivered_hash", "h-new-4"));
        assertThat(expected).filteredOn(row -> "old-published".equals(row.get("entity_key"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("rejected_hash", "h-bad-1").containsEntry("published_hash", null)
                        .containsEntry("delivered_hash", "h-0").containsEntry("target_id", "T-P"));
        assertThat(expected).filteredOn(row -> "g".equals(row.get("entity_key"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("target_id", "G-1").containsEntry("delivered_hash", "h-b"));

        // the platform's reasons of a batch: earlier open reasons closed, the new ones kept, as record by record
        RejectedRecords rejected = new RejectedRecords(jdbc, CLOCK);
        for (String college : List.of("one-by-one", "batched")) {
            rejected.reject(college, "contingent", "STUDENT", "old-published", "moodle",
                    List.of(new RecordError("old-published", "name", "OLD", "прежняя причина")), "С*** И.", 1L);
        }
        List<RejectedRecords.Refusal> refusals = List.of(
                new RejectedRecords.Refusal("old-published", List.of(new RecordError("old-published", "snils", "BAD_SNILS", "неверный СНИЛС"),
                        new RecordError("old-published", "birth", "BAD_DATE", "неверная дата")), "С*** И."),
                new RejectedRecords.Refusal("fresh-refused", List.of(new RecordError("fresh-refused", "-", "REJECTED", "без причины")), null));
        for (RejectedRecords.Refusal one : refusals) {
            rejected.reject("one-by-one", "contingent", "STUDENT", one.entityKey(), "moodle", one.errors(), one.maskedLabel(), 2L);
        }
        rejected.rejectAll("batched", "contingent", "STUDENT", "moodle", refusals, 2L);
        List<Map<String, Object>> expectedReasons = reasons(jdbc, "one-by-one");
        assertThat(expectedReasons).hasSize(4);
        assertThat(expectedReasons).filteredOn(row -> "OLD".equals(row.get("code"))).singleElement()
                .satisfies(row -> assertThat(row.get("resolved_at")).isNotNull());
        assertThat(reasons(jdbc, "batched")).isEqualTo(expectedReasons);
    }

    private static List<Map<String, Object>> reasons(NamedParameterJdbcTemplate jdbc, String college) {
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.queryForList("SELECT flow, entity_type, entity_key, target, field, code, message, masked_label, run_id, first_seen, last_seen, "
                        + "resolved_at FROM rejected_record WHERE college_id = :college ORDER BY entity_key, code",
                Map.of("college", college)).forEach(row -> {
                    Map<String, Object> lower = new java.util.LinkedHashMap<>();
                    row.forEach((column, value) -> lower.put(column.toLowerCase(), value == null ? null : String.valueOf(value)));
                    rows.add(lower);
                });
        return rows;
    }

    private static void seed(NamedParameterJdbcTemplate jdbc, String college) {
        String insert = "INSERT INTO sync_state (college_id, entity_type, entity_key, target, delivered_hash, target_id, rejected_hash, "
                + "published_hash) VALUES (:college, 'STUDENT', :key, 'moodle', :delivered, :id, :rejected, :published)";
        Object[][] rows = {
                {"old-with-id", "h-0", "T-OLD", null, "h-1"},
                {"old-rejected", null, "T-R", "h-r", "h-2"},
                {"old-published", "h-0", "T-P", null, "h-3"},
                {"untouched", "h-0", "T-U", "h-u", "h-4"}};
        for (Object[] row : rows) {
            Map<String, Object> params = new java.util.HashMap<>();
            params.put("college", college);
            params.put("key", row[0]);
            params.put("delivered", row[1]);
            params.put("id", row[2]);
            params.put("rejected", row[3]);
            params.put("published", row[4]);
            jdbc.update(insert, params);
        }
    }

    private static List<Map<String, Object>> rows(NamedParameterJdbcTemplate jdbc, String college) {
        List<Map<String, Object>> rows = new ArrayList<>();
        jdbc.queryForList("SELECT entity_type, entity_key, target, delivered_hash, delivered_at, target_id, rejected_hash, "
                        + "published_hash, published_at FROM sync_state WHERE college_id = :college ORDER BY entity_type, entity_key",
                Map.of("college", college)).forEach(row -> {
                    Map<String, Object> lower = new java.util.LinkedHashMap<>();
                    row.forEach((column, value) -> lower.put(column.toLowerCase(), value == null ? null : String.valueOf(value)));
                    rows.add(lower);
                });
        return rows;
    }
}
