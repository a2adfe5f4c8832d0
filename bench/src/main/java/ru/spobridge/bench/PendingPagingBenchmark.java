package ru.spobridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ru.spobridge.routes.protection.DataProtectionSettings;
import ru.spobridge.routes.protection.PayloadCipher;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.PendingRecord;

/**
 * What reading a college's pending records costs the publisher on the embedded store, with the hub's own
 * {@link CanonicalRecords#pending}: the whole type in one list (as before streaming, the baseline) against pages in
 * delivery order (keyset, as {@code PublishStream} reads them), with and without an index on the delivery order. Prints
 * the time until the first batch could be sent, the total time, and the heap the reader holds.
 * Run: {@code java -cp bench/target/spo-bridge-bench.jar -Dloader.main=ru.spobridge.bench.PendingPagingBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [records] [page size]}.
 */
public final class PendingPagingBenchmark {

    private static final String COLLEGE = "bench-college";
    private static final String TYPE = "student";
    private static final String TARGET = "epos";

    private PendingPagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int page = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Path dir = Files.createTempDirectory("spo-bridge-pending-bench");
        String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            PayloadCipher cipher = new PayloadCipher(new DataProtectionSettings(Base64.getEncoder().encodeToString(key), null, null, null, null, null));
            CanonicalRecords canonical = new CanonicalRecords(jdbc, Clock.systemUTC(), cipher);
            seed(jdbc, cipher, records);
            Instant before = Instant.now().minusSeconds(1800);
            long[][] sums = new long[3][3];
            for (int round = -1; round < 3; round++) {
                // round -1 warms up; the variants alternate so that none profits from a warmer cache
                long[] whole = measure(() -> canonical.pending(COLLEGE, TYPE, TARGET, before, null, Integer.MAX_VALUE), records);
                long[] paged = paged(canonical, before, page, records);
                // the hub's index of delivery order with the hash (V17)
                jdbc.getJdbcTemplate().execute("CREATE INDEX canonical_record_pending ON canonical_record (college_id, entity_type, sort_key, entity_key, content_hash)");
                long[] indexed = paged(canonical, before, page, records);
                jdbc.getJdbcTemplate().execute("DROP INDEX canonical_record_pending");
                if (round >= 0) {
                    for (int i = 0; i < 3; i++) {
                        sums[0][i] += whole[i];
                        sums[1][i] += paged[i];
                        sums[2][i] += indexed[i];
                    }
                }
            }
            System.out.printf("H2 file, %d pending records of one type (payload sealed, ~%d bytes clear), 3 rounds each%n", records, payload(0).length());
            print("one list (before streaming)", sums[0], records);
            print("pages of " + page + " (the hub's store)", sums[1], records);
            print("pages of " + page + ", order index", sums[2], records);
            System.out.printf("ratio pages/list: total time %.2f, heap held %.3f%n", (double) sums[1][1] / Math.max(1, sums[0][1]),
                    (double) sums[1][2] / Math.max(1, sums[0][2]));
        } finally {
            dataSource.destroy();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void print(String name, long[] sum, int records) {
        System.out.printf("%-32s first batch after %5d ms, all read in %6d ms (%.0f records/s), heap held %6.1f MB%n", name,
                sum[0] / 3, sum[1] / 3, 3000.0 * records / Math.max(1, sum[1]), sum[2] / 3 / 1e6);
    }

    /** Reads every page, keeping only the current one as the publisher does; the heap is measured holding one page. */
    private static long[] paged(CanonicalRecords canonical, Instant before, int page, int records) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long base = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        long first = -1;
        long held = 0;
        int read = 0;
        PendingRecord last = null;
        while (true) {
            List<PendingRecord> rows = canonical.pending(COLLEGE, TYPE, TARGET, before, last, page);
            if (first < 0) {
                first = (System.nanoTime() - start) / 1_000_000;
            }
            read += rows.size();
            if (read == page) {
                long elapsed = System.nanoTime();
                System.gc();
                held = runtime.totalMemory() - runtime.freeMemory() - base;
                // the collection is not part of the reading
                start += System.nanoTime() - elapsed;
            }
            if (rows.size() < page) {
                break;
            }
            last = rows.get(rows.size() - 1);
        }
        long total = (System.nanoTime() - start) / 1_000_000;
        if (read != records) {
            throw new IllegalStateException("pages read " + read + " of " + records);
        }
        return new long[] {first, total, Math.max(0, held)};
    }

    private static long[] measure(java.util.function.Supplier<List<PendingRecord>> read, int records) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long base = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        List<PendingRecord> all = read.get();
        long total = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long held = runtime.totalMemory() - runtime.freeMemory() - base;
        if (all.size() != records) {
            throw new IllegalStateException("read " + all.size() + " of " + records);
        }
        // nothing can be sent before the whole list is there
        return new long[] {total, total, Math.max(0, held)};
    }

    /** The hub's tables (V1, V2) and a college's students, none delivered yet. */
    private static void seed(NamedParameterJdbcTemplate jdbc, PayloadCipher cipher, int records) {
        jdbc.getJdbcTemplate().execute("CREATE TABLE canonical_record (college_id VARCHAR(64) NOT NULL, entity_type VARCHAR(32) NOT NULL, "
                + "entity_key VARCHAR(128) NOT NULL, source_system VARCHAR(32) NOT NULL, content_hash VARCHAR(64) NOT NULL, "
                + "payload TEXT NOT NULL, masked_label VARCHAR(200), updated_at TIMESTAMP WITH TIME ZONE NOT NULL, sort_key VARCHAR(300), "
                + "PRIMARY KEY (college_id, entity_type, entity_key))");
        jdbc.getJdbcTemplate().execute("CREATE TABLE sync_state (college_id VARCHAR(64) NOT NULL, entity_type VARCHAR(32) NOT NULL, "
                + "entity_key VARCHAR(128) NOT NULL, target VARCHAR(32) NOT NULL, delivered_hash VARCHAR(64), "
                + "delivered_at TIMESTAMP WITH TIME ZONE, target_id VARCHAR(128), rejected_hash VARCHAR(64), published_hash VARCHAR(64), "
                + "published_at TIMESTAMP WITH TIME ZONE, PRIMARY KEY (college_id, entity_type, entity_key, target))");
        for (int first = 0; first < records; first += 5_000) {
            List<MapSqlParameterSource> rows = new ArrayList<>();
            for (int i = first; i < Math.min(records, first + 5_000); i++) {
                String key = "stu-%07d".formatted(i);
                rows.add(new MapSqlParameterSource().addValue("college", COLLEGE).addValue("type", TYPE).addValue("key", key)
                        .addValue("hash", "h-" + i).addValue("payload", cipher.seal(payload(i))).addValue("now", Timestamp.from(Instant.now())));
            }
            jdbc.batchUpdate("INSERT INTO canonical_record (college_id, entity_type, entity_key, source_system, content_hash, payload, "
                    + "masked_label, sort_key, updated_at) VALUES (:college, :type, :key, 'contingent', :hash, :payload, 'П******* Д.', :key, :now)",
                    rows.toArray(MapSqlParameterSource[]::new));
        }
    }

    private static String payload(int i) {
        return ("{\"birthDate\":\"2007-05-20\",\"collegeId\":\"bench-college\",\"email\":\"stu-%07d@college.example\",\"firstName\":\"Дарья\","
                + "\"gender\":\"F\",\"groupCode\":\"ИСП-%02d\",\"individualPlan\":false,\"key\":{\"sourceId\":\"stu-%07d\",\"sourceSystem\":"
                + "\"contingent\"},\"lastName\":\"Проверкина\",\"middleName\":\"Игоревна\",\"phone\":\"+79120001122\",\"snils\":\"11223344595\","
                + "\"studyForm\":\"FULL_TIME\",\"subgroup\":\"1\",\"course\":2,\"specialty\":\"09.02.07\"}").formatted(i, i % 40, i);
    }
}
