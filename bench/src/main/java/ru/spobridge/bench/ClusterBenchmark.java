package ru.spobridge.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import ru.spobridge.bench.region.ClusterRun;

/**
 * The regional profile's scaling (issue 16, item 5): a full sync of the generated region by one hub instance in the
 * {@code kafka} profile, then by two instances on the same kind of PostgreSQL and Kafka, each {@code -Xmx512m}, the
 * colleges' runs started half through each and the platforms' topic partitions shared by both instances' consumers.
 * Target: two instances deliver at least 1.6 times the records a second of one. Each phase starts from a fresh
 * broker, database and simulators (the same region, the same seeds), so the second does the same work as the first.
 * <p>
 * Run from the repository root after {@code ./mvnw -o -q -pl demo,bench -am package -DskipTests}:
 * {@code java -cp bench/target/spo-bridge-bench.jar -Dloader.main=ru.spobridge.bench.ClusterBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher M [--hubs=1,2] [--timeout-min=20]}. Prints a Markdown
 * table and writes it to {@code bench/results/<date>-<size>-kafka-cluster.md}.
 */
public final class ClusterBenchmark {

    private static final double TARGET = 1.6;

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        RegionBenchmark.Size size = null;
        List<Integer> hubCounts = List.of(1, 2);
        int timeoutMinutes = 20;
        for (String arg : args) {
            if (arg.startsWith("--hubs=")) {
                hubCounts = List.of(arg.substring(7).split(",")).stream().map(Integer::parseInt).toList();
            } else if (arg.startsWith("--timeout-min=")) {
                timeoutMinutes = Integer.parseInt(arg.substring(14));
            } else {
                size = RegionBenchmark.SIZES.get(arg.toUpperCase(Locale.ROOT));
            }
        }
        if (size == null || hubCounts.isEmpty() || hubCounts.stream().anyMatch(count -> count < 1 || count > 2)) {
            // the topics have partitions for two instances' consumers
            System.err.println("usage: ClusterBenchmark S|M|L|XL [--hubs=1,2] [--timeout-min=20]");
            System.exit(2);
        }
        RegionBenchmark.quietLogs();
        Path root = Path.of("").toAbsolutePath();
        Path jar = RegionBenchmark.demoJarOrExit(root);
        Map<String, String> facts = new LinkedHashMap<>();
        List<ClusterRun.Result> results = new ArrayList<>();
        for (int hubs : hubCounts) {
            // other work on the machine shows here: the figures of a busy machine are not those of an idle one
            facts.put("load average (1, 5, 15 min) before " + hubs + " hub(s)", RegionBenchmark.loadAverage());
            System.out.println("full sync of " + size.name() + " with " + hubs + " hub instance(s) …");
            ClusterRun.Result result = ClusterRun.measure(root, jar, size, hubs, Duration.ofMinutes(timeoutMinutes));
            System.out.println(ROW_HEADER.lines().findFirst().orElse(""));
            System.out.println(row(result));
            results.add(result);
            facts.put("consumer groups with " + hubs + " hub(s)", result.consumers());
            facts.put("logs of " + hubs + " hub(s)", result.logs().stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        facts.put("load average at the end", RegionBenchmark.loadAverage());
        String report = report(size, results, facts);
        System.out.println();
        System.out.println(report);
        Path directory = root.resolve("bench/results");
        Files.createDirectories(directory);
        Path file = directory.resolve(LocalDate.now(ZoneOffset.UTC) + "-" + size.name() + "-kafka-cluster.md");
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println("written to " + root.relativize(file));
        System.exit(0);
    }

    private static final String ROW_HEADER = "| hubs | records | s | records/s | CPU busy (all cores) | busy core-s | of it this run's | hubs' CPU s"
            + " | simulators' CPU s | peak heap MB | peak RSS MB | status |\n"
            + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";

    private static String row(ClusterRun.Result result) {
        return "| " + result.hubs() + " | " + result.records() + " | " + String.format(Locale.ROOT, "%.1f", result.seconds()) + " | "
                + (result.problem() == null ? String.format(Locale.ROOT, "%.0f", result.recordsPerSecond()) : "—") + " | "
                + (result.cpuBusy() < 0 ? "—" : String.format(Locale.ROOT, "%.0f %%", 100 * result.cpuBusy())) + " | "
                + String.format(Locale.ROOT, "%.0f | %.0f", result.busyCoreSeconds(), result.ownCoreSeconds()) + " | "
                + result.hubCpuSeconds().stream().map(value -> String.format(Locale.ROOT, "%.0f", value)).collect(Collectors.joining(" + ")) + " | "
                + String.format(Locale.ROOT, "%.0f", result.simulatorsCpuSeconds()) + " | "
                + result.hubPeakHeapMb().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " | "
                + result.hubPeakRssMb().stream().map(String::valueOf).collect(Collectors.joining(", ")) + " | "
                + (result.problem() != null ? result.problem() : result.statuses().toString()) + " |";
    }

    private static String report(RegionBenchmark.Size size, List<ClusterRun.Result> results, Map<String, String> facts) throws Exception {
        StringBuilder text = new StringBuilder();
        text.append("# Regional benchmark, Kafka profile: ").append(size.name()).append(" (").append(size.colleges()).append(" × ")
                .append(String.format(Locale.ROOT, "%,d", size.students())).append(" students), one hub instance against two\n\n");
        text.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(RegionBenchmark.memTotal()).append(" memory; JVM ").append(System.getProperty("java.vm.vendor")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        text.append("- each phase: a fresh embedded KRaft broker (spring-kafka-test) and embedded PostgreSQL (io.zonky.test) in the"
                + " benchmark's JVM, the simulators in their own JVM, each hub the demo jar in its own JVM with -Xmx512m, profile kafka,"
                + " spo.bus.consumers=").append(ClusterRun.CONSUMERS).append(", topics spo.delivery.{epos,sgo,aisepo} of ")
                .append(ClusterRun.PARTITIONS).append(" partitions\n");
        text.append("- commit: ").append(RegionBenchmark.commit()).append("; run at ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append('\n');
        facts.forEach((name, value) -> text.append("- ").append(name).append(": ").append(value).append('\n'));
        text.append('\n').append(ROW_HEADER).append('\n');
        results.forEach(result -> text.append(row(result)).append('\n'));
        text.append('\n').append(ratio(results)).append('\n');
        text.append("\nrecords: what the hubs delivered (the runs' delivered counts), a full sync of every college started at once,"
                + " college i through hub i mod n, timed until every run was final. CPU busy: the share of all cores' time in use"
                + " (/proc/stat) during the sync, by every process on the machine; busy core-s: the same in CPU seconds of all cores together; of it"
                + " this run's: the CPU seconds of the benchmark's own processes (this JVM with the broker, the hubs, the simulators,"
                + " PostgreSQL) — the rest is other work on the machine. hubs' CPU s: user + system CPU seconds of each hub JVM"
                + " during the sync; simulators' CPU s: the same of the simulators' JVM. Peak heap / RSS: each hub, sampled every 100 ms.\n");
        return text.toString();
    }

    private static String ratio(List<ClusterRun.Result> results) {
        ClusterRun.Result one = results.stream().filter(result -> result.hubs() == 1).findFirst().orElse(null);
        ClusterRun.Result two = results.stream().filter(result -> result.hubs() == 2).findFirst().orElse(null);
        if (one == null || two == null) {
            return "ratio: — (both phases are needed)";
        }
        if (one.problem() != null || two.problem() != null) {
            return "ratio: — (a phase did not complete)";
        }
        double ratio = two.recordsPerSecond() / one.recordsPerSecond();
        return String.format(Locale.ROOT, "ratio 2 hubs / 1 hub (records/s): %.2f (target ≥ %.1f: %s)", ratio, TARGET,
                ratio >= TARGET ? "reached" : "not reached");
    }
}
