package ru.spobridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.spobridge.bench.region.BenchRegion;
import ru.spobridge.bench.region.RegionRun;
import ru.spobridge.bench.region.ScenarioRow;

/**
 * The regional benchmark (issue 16): the hub in its own JVM ({@code -Xmx512m}, the demo jar with its simulators off)
 * syncs a generated region from the simulators in a second JVM, driven through its REST API as an operator's machine
 * would, and the same work is done by a bare client (the connectors and mappings alone, no store, no bus) in this JVM
 * against the same simulators, so that each figure has a baseline measured in the same run.
 * <p>
 * Sizes: S — 1 college × 2,000 students; M — 10 × 2,000; L — 50 × 2,000 over the three platforms; XL — 1 × 100,000.
 * Scenarios: full (first sync, everything delivered), nochange (a second full read, nothing to deliver), delta (1 % of
 * the students changed at the source, with movements), single (one student changed, a delta run at once, 20 times),
 * marks (a day of marks and absences, 10 a student, pulled from the college journals).
 * <p>
 * Run from the repository root after {@code ./mvnw -o -q -pl demo,bench -am package -DskipTests}:
 * {@code java -cp bench/target/spo-bridge-bench.jar -Dloader.main=ru.spobridge.bench.RegionBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher S [--db=h2] [--scenarios=full,nochange,delta,single,marks]
 * [--timeout-min=15]}. Prints a Markdown table and writes it to {@code bench/results/<date>-<size>-<db>.md}.
 * <p>
 * {@code --scenarios=crash} (alone, never by default): faults on the platforms and the source, the hub unattended on its
 * schedule, kill -9 during the read and during delivery, then lost / applied twice / dead letters counted per region;
 * written to {@code bench/results/<date>-<size>-<db>-crash.md}.
 */
public final class RegionBenchmark {

    /** A benchmark size: how many colleges of how many students. */
    public record Size(String name, int colleges, int students) {
    }

    static final Map<String, Size> SIZES = Map.of(
            "S", new Size("S", 1, 2_000),
            "M", new Size("M", 10, 2_000),
            "L", new Size("L", 50, 2_000),
            "XL", new Size("XL", 1, 100_000));
    public static final List<String> ALL_SCENARIOS = List.of("full", "nochange", "delta", "single", "marks");
    /**
     * Scenarios run only when named, each alone: crash needs a hub and platforms that hold nothing yet, turns faults on
     * and kills the hub, so it would change what the others measure and they would leave it nothing to deliver.
     */
    public static final List<String> SEPARATE_SCENARIOS = List.of("crash");

    private RegionBenchmark() {
    }

    /** The figures are the output: the start and stop lines of Camel, the broker and the database in this JVM are not. */
    static void quietLogs() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** The demo jar the hub and the simulators run from; exits with a hint when run elsewhere than the repository root. */
    static Path demoJarOrExit(Path root) {
        Path jar = root.resolve("demo/target/spo-bridge-demo-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(root.resolve("config/regions"))) {
            System.err.println("run from the repository root after ./mvnw -o -q -pl demo,bench -am package -DskipTests (needs " + jar + ")");
            System.exit(2);
        }
        return jar;
    }

    public static void main(String[] args) throws Exception {
        Size size = null;
        String db = "h2";
        List<String> scenarios = ALL_SCENARIOS;
        int timeoutMinutes = 15;
        for (String arg : args) {
            if (arg.startsWith("--db=")) {
                db = arg.substring(5).toLowerCase(Locale.ROOT);
            } else if (arg.startsWith("--scenarios=")) {
                scenarios = List.of(arg.substring(12).split(","));
            } else if (arg.startsWith("--timeout-min=")) {
                timeoutMinutes = Integer.parseInt(arg.substring(14));
            } else {
                size = SIZES.get(arg.toUpperCase(Locale.ROOT));
            }
        }
        boolean separate = scenarios.size() == 1 && SEPARATE_SCENARIOS.containsAll(scenarios);
        if (size == null || !List.of("h2", "pg").contains(db) || !separate && !ALL_SCENARIOS.containsAll(scenarios)) {
            System.err.println("usage: RegionBenchmark S|M|L|XL [--db=h2|pg] [--scenarios=" + String.join(",", ALL_SCENARIOS)
                    + " | --scenarios=crash] [--timeout-min=15]");
            System.exit(2);
        }
        quietLogs();
        Path root = Path.of("").toAbsolutePath();
        Path jar = demoJarOrExit(root);
        List<ScenarioRow> rows;
        Map<String, String> facts = new LinkedHashMap<>();
        // other work on the machine shows here: the figures of a busy machine are not those of an idle one
        facts.put("load average (1, 5, 15 min) at the start", loadAverage());
        String sections;
        try (RegionRun run = RegionRun.start(root, jar, size, db, timeoutMinutes, scenarios)) {
            rows = run.scenarios(scenarios);
            facts.putAll(run.facts());
            sections = run.sections();
        }
        facts.put("load average at the end", loadAverage());
        String report = report(size, db, rows, facts) + sections;
        System.out.println();
        System.out.println(report);
        Path results = root.resolve("bench/results");
        Files.createDirectories(results);
        Path file = results.resolve(LocalDate.now(ZoneOffset.UTC) + "-" + size.name() + "-" + db + (separate ? "-" + scenarios.get(0) : "") + ".md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println("written to " + root.relativize(file));
        System.exit(0);
    }

    private static String report(Size size, String db, List<ScenarioRow> rows, Map<String, String> facts) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# Regional benchmark: ").append(size.name()).append(" (").append(size.colleges()).append(" × ")
                .append(String.format(Locale.ROOT, "%,d", size.students())).append(" students), ").append(db).append("\n\n");
        text.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memTotal()).append(" memory; JVM ").append(System.getProperty("java.vm.vendor")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        text.append("- database of the hub: ").append("pg".equals(db) ? "PostgreSQL (embedded, io.zonky.test)" : "H2 file").append('\n');
        text.append("- commit: ").append(commit()).append("; run at ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append('\n');
        facts.forEach((name, value) -> text.append("- ").append(name).append(": ").append(value).append('\n'));
        text.append('\n').append(ScenarioRow.HEADER).append('\n');
        rows.forEach(row -> text.append(row.markdown()).append('\n'));
        text.append("\nrecords: what the hub delivered (its runs' delivered counts); bare: what the bare client sent and the"
                + " platform accepted. p50/p99: from the change at the source until the platform accepted the student."
                + " Peak heap: the hub's heap in use (jvm.memory.used, sampled every 100 ms); peak RSS: its VmRSS, same samples.\n");
        return text.toString();
    }

    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? head : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    static String memTotal() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.1f GB", kb / 1024.0 / 1024.0);
            }
        }
        return "?";
    }
}
