package ru.spobridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What crash safety costs on the embedded store: small committed transactions (an insert and an update, like a
 * delivery's outcome) against an H2 file database with H2's default background write (WRITE_DELAY 500 ms, a
 * kill -9 loses up to that much of committed work) and with WRITE_DELAY=0 (each commit written to the file before
 * it returns), in the same run.
 * Run: {@code java -cp bench/target/spo-bridge-bench.jar -Dloader.main=ru.spobridge.bench.StoreCommitBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [commits]}; also run at the end of {@link ImportBenchmark}.
 */
public final class StoreCommitBenchmark {

    private StoreCommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 5_000);
    }

    static void run(int commits) throws Exception {
        Path dir = Files.createTempDirectory("spo-bridge-store-bench");
        try {
            // warm-up of both, then the measured rounds alternate so that neither profits from a warmer disk or JIT
            measure(dir, "warmup-default", "", commits / 5);
            measure(dir, "warmup-nodelay", ";WRITE_DELAY=0", commits / 5);
            long delayed = 0;
            long immediate = 0;
            for (int round = 0; round < 3; round++) {
                delayed += measure(dir, "default-" + round, "", commits);
                immediate += measure(dir, "nodelay-" + round, ";WRITE_DELAY=0", commits);
            }
            System.out.printf("H2 commits, default (WRITE_DELAY 500 ms): %d commits in %d ms (%.0f commits/s, %.3f ms each)%n",
                    3L * commits, delayed / 1_000_000, 3e9 * commits / Math.max(1, delayed), delayed / 1e6 / (3.0 * commits));
            System.out.printf("H2 commits, WRITE_DELAY=0 (written at commit): %d commits in %d ms (%.0f commits/s, %.3f ms each)%n",
                    3L * commits, immediate / 1_000_000, 3e9 * commits / Math.max(1, immediate), immediate / 1e6 / (3.0 * commits));
            System.out.printf("ratio WRITE_DELAY=0 / default: time %.2f%n", (double) immediate / Math.max(1, delayed));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** @return nanoseconds for the given number of committed transactions */
    private static long measure(Path dir, String name, String settings, int commits) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE" + settings;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE outcome (id BIGINT PRIMARY KEY, record_key VARCHAR(100), status VARCHAR(20))");
                ddl.execute("CREATE TABLE run (id BIGINT PRIMARY KEY, delivered INT)");
                ddl.execute("INSERT INTO run VALUES (1, 0)");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outcome VALUES (?, ?, 'DELIVERED')");
                 PreparedStatement update = connection.prepareStatement("UPDATE run SET delivered = delivered + 1 WHERE id = 1")) {
                for (int i = 0; i < commits; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "student-" + i);
                    insert.executeUpdate();
                    update.executeUpdate();
                    connection.commit();
                }
            }
            return System.nanoTime() - start;
        }
    }
}
