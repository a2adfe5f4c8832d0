package ru.spobridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.routes.store.DeliveryLedger;

/**
 * What the delivery bookkeeping of a batch costs on the embedded store: the hub's own {@link DeliveryLedger} marking
 * records delivered (every tenth refused), one transaction per batch as DeliveryService does, record by record
 * against one batched call per batch, on an H2 file database with WRITE_DELAY=0 as the hub runs it. The rows exist
 * beforehand, as they do after publishing.
 * Run: {@code java -cp bench/target/spo-bridge-bench.jar -Dloader.main=ru.spobridge.bench.LedgerBookkeepingBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [records] [batch size]}.
 */
public final class LedgerBookkeepingBenchmark {

    private static final String COLLEGE = "bench-college";
    private static final String TYPE = "STUDENT";
    private static final String TARGET = "moodle";

    private LedgerBookkeepingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 50_000, args.length > 1 ? Integer.parseInt(args[1]) : 500);
    }

    static void run(int records, int batchSize) throws Exception {
        Path dir = Files.createTempDirectory("spo-bridge-ledger-bench");
        try {
            // warm-up of both, then the measured rounds alternate so that neither profits from a warmer disk or JIT
            measure(dir, "warmup-one", false, records / 5, batchSize);
            measure(dir, "warmup-batched", true, records / 5, batchSize);
            long oneByOne = 0;
            long batched = 0;
            for (int round = 0; round < 3; round++) {
                oneByOne += measure(dir, "one-" + round, false, records, batchSize);
                batched += measure(dir, "batched-" + round, true, records, batchSize);
            }
            int batches = (records + batchSize - 1) / batchSize;
            System.out.printf("H2 file, WRITE_DELAY=0, %d records in batches of %d, 3 rounds each%n", records, batchSize);
            System.out.printf("bookkeeping record by record: %d ms a round (%.0f records/s, %.1f ms a batch)%n",
                    oneByOne / 3_000_000, 3e9 * records / Math.max(1, oneByOne), oneByOne / 1e6 / (3.0 * batches));
            System.out.printf("bookkeeping batched:          %d ms a round (%.0f records/s, %.1f ms a batch)%n",
                    batched / 3_000_000, 3e9 * records / Math.max(1, batched), batched / 1e6 / (3.0 * batches));
            System.out.printf("ratio record by record / batched: time %.2f%n", (double) oneByOne / Math.max(1, batched));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** @return nanoseconds for the bookkeeping of all records, one committed transaction per batch */
    private static long measure(Path dir, String name, boolean batchedCalls, int records, int batchSize) {
        String url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
            // the hub's table (V1__sync_store.sql)
            jdbc.getJdbcTemplate().execute("CREATE TABLE sync_state (college_id VARCHAR(64) NOT NULL, entity_type VARCHAR(32) NOT NULL, "
                    + "entity_key VARCHAR(128) NOT NULL, target VARCHAR(32) NOT NULL, delivered_hash VARCHAR(64), "
                    + "delivered_at TIMESTAMP WITH TIME ZONE, target_id VARCHAR(128), rejected_hash VARCHAR(64), published_hash VARCHAR(64), "
                    + "published_at TIMESTAMP WITH TIME ZONE, PRIMARY KEY (college_id, entity_type, entity_key, target))");
            DeliveryLedger ledger = new DeliveryLedger(jdbc, Clock.systemUTC());
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            List<DeliveryLedger.Entry> published = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                published.add(new DeliveryLedger.Entry("student-" + i, "p-" + i));
            }
            transaction.executeWithoutResult(status -> ledger.markPublished(COLLEGE, TYPE, TARGET, published));

            long start = System.nanoTime();
            for (int first = 0; first < records; first += batchSize) {
                List<DeliveryLedger.Delivered> delivered = new ArrayList<>();
                List<DeliveryLedger.Entry> refused = new ArrayList<>();
                for (int i = first; i < Math.min(records, first + batchSize); i++) {
                    if (i % 10 == 9) {
                        refused.add(new DeliveryLedger.Entry("student-" + i, "h-" + i));
                    } else {
                        delivered.add(new DeliveryLedger.Delivered("student-" + i, "h-" + i, "T-" + i));
                    }
                }
                transaction.executeWithoutResult(status -> {
                    if (batchedCalls) {
                        ledger.markDelivered(COLLEGE, TYPE, TARGET, delivered);
                        ledger.markRejected(COLLEGE, TYPE, TARGET, refused);
                    } else {
                        delivered.forEach(one -> ledger.markDelivered(COLLEGE, TYPE, TARGET, one.entityKey(), one.contentHash(), one.targetId()));
                        refused.forEach(one -> ledger.markRejected(COLLEGE, TYPE, TARGET, one.entityKey(), one.contentHash()));
                    }
                });
            }
            long elapsed = System.nanoTime() - start;
            Integer done = jdbc.getJdbcTemplate().queryForObject(
                    "SELECT COUNT(*) FROM sync_state WHERE delivered_hash IS NOT NULL OR rejected_hash IS NOT NULL", Integer.class);
            if (done == null || done != records) {
                throw new IllegalStateException(name + ": " + done + " rows marked of " + records);
            }
            return elapsed;
        } finally {
            dataSource.destroy();
        }
    }
}
