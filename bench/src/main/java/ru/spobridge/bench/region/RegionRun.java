package ru.spobridge.bench.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import ru.spobridge.bench.RegionBenchmark;
import ru.spobridge.routes.CanonicalJson;

/**
 * One benchmark run: the simulators' JVM and the hub's JVM started on free ports with their stores in a temporary
 * folder, the scenarios driven one after the other, both JVMs stopped at the end (also when the benchmark fails).
 */
public final class RegionRun implements AutoCloseable {

    private static final String ADMIN = BenchSetup.ADMIN;
    // seeding 100,000 students and starting two Spring Boot applications on a busy 2-core machine takes minutes
    private static final Duration START_TIMEOUT = Duration.ofMinutes(15);
    private static final int SINGLE_REPEATS = 20;

    /** How a set of concurrent hub runs ended. */
    private record Outcome(long delivered, double seconds, Map<String, Integer> statuses, String problem) {
    }

    private final RegionBenchmark.Size size;
    private final String db;
    private final Duration timeout;
    private final BenchRegion region;
    private final BenchJvm simulators;
    private final BenchJvm hub;
    private final HubApi api;
    private final HubSampler sampler;
    private final CamelContext camel;
    private final List<BareClient> bare = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final AutoCloseable database;
    private Path demoJar;
    private HttpClient http;
    private final StringBuilder sections = new StringBuilder();
    private final ObjectMapper json = new ObjectMapper();
    private String stopped;

    private RegionRun(RegionBenchmark.Size size, String db, Duration timeout, BenchRegion region, BenchJvm simulators, BenchJvm hub,
                      HubApi api, CamelContext camel, AutoCloseable database) {
        this.size = size;
        this.db = db;
        this.timeout = timeout;
        this.region = region;
        this.simulators = simulators;
        this.hub = hub;
        this.api = api;
        this.camel = camel;
        this.database = database;
        this.sampler = new HubSampler(api, hub);
    }

    /** Generates the region, starts both JVMs and waits until they answer. */
    public static RegionRun start(Path root, Path jar, RegionBenchmark.Size size, String db, int timeoutMinutes) throws Exception {
        return start(root, jar, size, db, timeoutMinutes, RegionBenchmark.ALL_SCENARIOS);
    }

    /** As above; the crash scenario needs its region settings written before the hub's first start (the store imports them once). */
    public static RegionRun start(Path root, Path jar, RegionBenchmark.Size size, String db, int timeoutMinutes, List<String> scenarios)
            throws Exception {
        Path work = Files.createTempDirectory("spo-bench-" + size.name() + "-");
        // both JVMs run a copy, so that a rebuild of the demo jar during a long run cannot pull it from under them
        Path demoJar = Files.copy(jar, work.resolve("spo-bridge-demo.jar"));
        BenchRegion region = new BenchRegion(size.colleges(), size.students(), root.resolve("config/regions"));
        String password = BenchSetup.token();
        Map<String, String> env = BenchSetup.environment(password);
        BenchJvm simulators = BenchSetup.startSimulators(root, demoJar, region, env, work);

        Path hubDir = BenchSetup.prepare(root, work.resolve("hub"));
        region.write(hubDir.resolve("regions"), scenarios.contains("crash") ? CrashScenario::regionSettings : profile -> Map.of());
        AutoCloseable database = () -> { };
        String url = "jdbc:h2:file:" + hubDir.resolve("spo-bridge") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        Map<String, String> hubEnv = new HashMap<>(env);
        if ("pg".equals(db)) {
            EmbeddedDatabase postgres = EmbeddedDatabase.start(work.resolve("postgres"));
            database = postgres;
            url = postgres.url();
            hubEnv.put("SPRING_DATASOURCE_USERNAME", postgres.user());
            hubEnv.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        }
        hubEnv.put("SPO_SIMULATORS_ENABLED", "false");
        hubEnv.put("SPO_SIMULATORS_URL", simulators.url(""));
        int hubPort = BenchJvm.freePort();
        BenchJvm hub = BenchJvm.start("hub", demoJar, "ru.spobridge.demo.SpoBridgeDemo",
                BenchSetup.hubJvmOptions(),
                List.of("--spo.regions.directory=" + hubDir.resolve("regions"), "--spring.datasource.url=" + url,
                        "--spring.artemis.embedded.data-directory=" + hubDir.resolve("artemis")),
                hubEnv, hubDir, work.resolve("hub.log"), hubPort);
        System.out.println("hub log: " + hub.log() + "; simulators log: " + simulators.log());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        try {
            simulators.awaitHealthy(http, START_TIMEOUT);
            hub.awaitHealthy(http, START_TIMEOUT);
        } catch (Exception e) {
            hub.close();
            simulators.close();
            database.close();
            throw e;
        }
        CamelContext camel = new DefaultCamelContext();
        camel.start();
        HubApi api = new HubApi(http, hub, simulators, ADMIN, password);
        api.useApiToken(ADMIN);
        RegionRun run = new RegionRun(size, db, Duration.ofMinutes(timeoutMinutes), region, simulators, hub, api, camel, database);
        run.demoJar = demoJar;
        run.http = http;
        BenchSetup.checkColleges(run.api, run.region);
        ProducerTemplate template = camel.createProducerTemplate();
        region.colleges().forEach(college -> run.bare.add(new BareClient(college, simulators.url(""), template, http,
                new CanonicalJson().mapper())));
        run.facts.put("hub", "demo jar, -Xmx512m, simulators in a separate JVM; log " + hub.log());
        return run;
    }

    public Map<String, String> facts() {
        return facts;
    }

    /** Runs the scenarios in the given order; after a timeout or a dead hub the rest are reported as not run. */
    public List<ScenarioRow> scenarios(List<String> names) {
        List<ScenarioRow> rows = new ArrayList<>();
        List<String> known = new ArrayList<>(RegionBenchmark.ALL_SCENARIOS);
        known.addAll(RegionBenchmark.SEPARATE_SCENARIOS);
        for (String name : known) {
            if (!names.contains(name)) {
                continue;
            }
            if (stopped != null) {
                rows.add(new ScenarioRow(size.name(), name, 0, -1, -1, -1, -1, -1, -1, -1, false, "not run: " + stopped));
                continue;
            }
            System.out.println("scenario " + name + " …");
            ScenarioRow row;
            try {
                row = switch (name) {
                    case "full" -> full();
                    case "nochange" -> noChange();
                    case "delta" -> delta();
                    case "single" -> single();
                    case "marks" -> marks();
                    case "crash" -> crash();
                    default -> throw new IllegalArgumentException(name);
                };
            } catch (Exception e) {
                stopped = hub.alive() ? name + " failed: " + e.getMessage()
                        : "the hub exited" + (hub.outOfMemory() ? " (OutOfMemoryError)" : "") + " during " + name;
                HubSampler.Peaks peaks = sampler.peaks();
                row = new ScenarioRow(size.name(), name, 0, -1, -1, -1, peaks.heapMb(), peaks.rssMb(), -1, -1,
                        false, hub.alive() ? "failed: " + e : stopped);
            }
            System.out.println(ScenarioRow.HEADER.lines().findFirst().orElse(""));
            System.out.println(row.markdown());
            rows.add(row);
        }
        facts.put("hub VmHWM (peak RSS of its lifetime)", sampler.lastHighWaterMb() + " MB");
        facts.put("hub RSS at the end", hub.alive() ? hub.procStatusMb("VmRSS") + " MB" : "— (the hub exited)");
        return rows;
    }

    private ScenarioRow full() throws Exception {
        sampler.reset();
        Outcome hubRuns = runAll(true);
        HubSampler.Peaks peaks = sampler.peaks();
        double[] bareRun = bareAll(true);
        return row("full", hubRuns, -1, -1, peaks, bareRun);
    }

    private ScenarioRow noChange() throws Exception {
        sampler.reset();
        Outcome hubRuns = runAll(true);
        HubSampler.Peaks peaks = sampler.peaks();
        double[] bareRun = bareAll(true);
        return row("nochange", hubRuns, -1, -1, peaks, bareRun);
    }

    private ScenarioRow delta() throws Exception {
        Map<String, HubApi.SourceChange> changes = new LinkedHashMap<>();
        long seed = 100;
        for (BenchRegion.College college : region.colleges()) {
            changes.put(college.id(), api.change(college.ogrn(), 1, seed++));
        }
        sampler.reset();
        Outcome hubRuns = runAll(false);
        HubSampler.Peaks peaks = sampler.peaks();
        List<Double> latencies = latencies(changes);
        double[] bareRun = bareAll(false);
        return row("delta", hubRuns, percentile(latencies, 0.50), percentile(latencies, 0.99), peaks, bareRun);
    }

    /** One student changed, a delta run of its college at once; twenty times. Bare: its delta pass after each. */
    private ScenarioRow single() throws Exception {
        BenchRegion.College college = region.colleges().get(0);
        BareClient client = bare.get(0);
        List<Double> latencies = new ArrayList<>();
        double hubSeconds = 0;
        double bareSeconds = 0;
        long delivered = 0;
        long bareAccepted = 0;
        Map<String, Integer> statuses = new HashMap<>();
        sampler.reset();
        for (int i = 0; i < SINGLE_REPEATS; i++) {
            HubApi.SourceChange change = api.change(college.ogrn(), 100.0 / size.students(), 5_000 + i);
            long started = System.nanoTime();
            Outcome outcome;
            try {
                outcome = await(Map.of(college.id(), api.startContingent(college.id(), false)), started);
            } catch (IOException e) {
                outcome = new Outcome(0, (System.nanoTime() - started) / 1e9, Map.of(), refused(e));
            }
            hubSeconds += outcome.seconds();
            delivered += outcome.delivered();
            outcome.statuses().forEach((status, count) -> statuses.merge(status, count, Integer::sum));
            if (outcome.problem() != null) {
                return row("single", new Outcome(delivered, hubSeconds, statuses, outcome.problem()), -1, -1, sampler.peaks(), null);
            }
            latencies.addAll(latencies(Map.of(college.id(), change)));
            long bareStarted = System.nanoTime();
            bareAccepted += client.pass(false).accepted();
            bareSeconds += (System.nanoTime() - bareStarted) / 1e9;
        }
        return row("single", new Outcome(delivered, hubSeconds, statuses, null), percentile(latencies, 0.50),
                percentile(latencies, 0.99), sampler.peaks(), new double[] {bareSeconds, bareAccepted});
    }

    /**
     * A day of marks and absences (8 marks and 2 absences a student: 1,000,000 records at L) seeded into the journal
     * of every college at once, then every college's journal pull started together; the bare client then pulls the
     * same journal days and sends them under its own account.
     */
    private ScenarioRow marks() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < region.colleges().size(); i++) {
            BenchRegion.College college = region.colleges().get(i);
            List<Map<String, String>> pupils = bare.get(i).pupils();
            if (pupils.isEmpty()) {
                throw new IllegalStateException("marks need the students: run the full scenario first");
            }
            api.simulatorControl("/journal-sim/_control/seed", json.writeValueAsString(Map.of("college", college.id(),
                    "date", day.toString(), "marks", 8 * size.students(), "absences", 2 * size.students(), "students", pupils)));
        }
        sampler.reset();
        long started = System.nanoTime();
        Outcome hubRuns;
        try {
            hubRuns = await(startAll(college -> api.startFlow(college.id(), "marks")), started);
        } catch (IOException e) {
            hubRuns = new Outcome(0, (System.nanoTime() - started) / 1e9, Map.of(), refused(e));
        }
        HubSampler.Peaks peaks = sampler.peaks();
        // the bare client needs no hub: its figure is the baseline even when the hub failed
        double[] bareRun = bareAll(BareClient::marksPass);
        return row("marks", hubRuns, -1, -1, peaks, bareRun);
    }

    /** Faults, the hub unattended, killed during the read and during delivery; then what the platforms hold. */
    private ScenarioRow crash() throws Exception {
        sampler.reset();
        CrashScenario.Result result = new CrashScenario(region, api, hub, http, json, simulators.url(""), timeout, START_TIMEOUT).run();
        sections.append(CrashReport.markdown(result));
        HubSampler.Peaks peaks = sampler.peaks();
        return new ScenarioRow(size.name(), "crash", CrashReport.records(result), result.seconds(), -1, -1, peaks.heapMb(), peaks.rssMb(),
                -1, -1, result.clean(), CrashReport.status(result));
    }

    /** Markdown the scenarios add below the table (the crash scenario's counts). */
    public String sections() {
        return sections.toString();
    }

    /** Starts the contingent run of every college at once, as the night schedule does, and waits for all. */
    private Outcome runAll(boolean full) throws InterruptedException {
        long started = System.nanoTime();
        Map<String, Long> runs;
        try {
            runs = startAll(college -> api.startContingent(college.id(), full));
        } catch (IOException e) {
            return new Outcome(0, (System.nanoTime() - started) / 1e9, Map.of(), refused(e));
        }
        return await(runs, started);
    }

    /** A command that starts one college's run and answers its id. */
    private interface Starter {
        long start(BenchRegion.College college) throws IOException, InterruptedException;
    }

    private Map<String, Long> startAll(Starter starter) throws IOException, InterruptedException {
        return AtOnce.forEach(region.colleges(), (index, college) -> starter.start(college));
    }

    /** Why the hub did not take a command: it died (then nothing more is run) or it refused. */
    private String refused(IOException e) throws InterruptedException {
        for (int i = 0; i < 50 && hub.alive(); i++) {
            Thread.sleep(100);  // a hub dying of OutOfMemoryError closes its sockets first, then exits
        }
        if (!hub.alive()) {
            stopped = "the hub exited" + (hub.outOfMemory() ? " (OutOfMemoryError)" : "");
            return stopped + " while the runs were started";
        }
        stopped = "the hub refused a run: " + e.getMessage();
        return stopped;
    }

    private Outcome await(Map<String, Long> runs, long started) throws InterruptedException {
        long deadline = started + timeout.toNanos();
        Map<String, JsonNode> finished = new HashMap<>();
        Map<String, JsonNode> last = new HashMap<>();
        while (finished.size() < runs.size()) {
            if (!hub.alive()) {
                stopped = "the hub exited" + (hub.outOfMemory() ? " (OutOfMemoryError)" : "");
                return outcome(last, started, stopped + ", " + finished.size() + " of " + runs.size() + " runs finished");
            }
            if (System.nanoTime() > deadline) {
                stopped = "timeout after " + timeout.toMinutes() + " min";
                return outcome(last, started, stopped + ", " + finished.size() + " of " + runs.size() + " runs finished");
            }
            for (Map.Entry<String, Long> run : runs.entrySet()) {
                if (finished.containsKey(run.getKey())) {
                    continue;
                }
                try {
                    JsonNode state = api.run(run.getValue());
                    last.put(run.getKey(), state);
                    if (HubApi.FINAL.contains(state.path("status").asText()) && !state.path("finishedAt").isNull()
                            || "HELD".equals(state.path("status").asText())) {
                        finished.put(run.getKey(), state);
                    }
                } catch (IOException busy) {
                    // a hub too busy to answer is asked again at the next round
                }
            }
            if (finished.size() < runs.size()) {
                Thread.sleep(100);
            }
        }
        return outcome(finished, started, null);
    }

    private static Outcome outcome(Map<String, JsonNode> states, long started, String problem) {
        long delivered = 0;
        Map<String, Integer> statuses = new HashMap<>();
        for (JsonNode state : states.values()) {
            delivered += state.path("delivered").asLong();
            statuses.merge(state.path("status").asText(), 1, Integer::sum);
        }
        return new Outcome(delivered, (System.nanoTime() - started) / 1e9, statuses, problem);
    }

    private double[] bareAll(boolean full) throws Exception {
        return bareAll(client -> client.pass(full));
    }

    /** A bare client's pass over every college at once; {seconds, records accepted}. */
    private double[] bareAll(Function<BareClient, BareClient.Pass> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bare.size());
        try {
            long started = System.nanoTime();
            List<Callable<BareClient.Pass>> passes = bare.stream().map(client -> (Callable<BareClient.Pass>) () -> step.apply(client)).toList();
            long accepted = 0;
            for (Future<BareClient.Pass> pass : pool.invokeAll(passes)) {
                accepted += pass.get().accepted();
            }
            return new double[] {(System.nanoTime() - started) / 1e9, accepted};
        } finally {
            pool.shutdownNow();
        }
    }

    /** Seconds from each changed student's change at the source until its platform accepted it from the hub. */
    private List<Double> latencies(Map<String, HubApi.SourceChange> changes) throws IOException, InterruptedException {
        Instant since = changes.values().stream().map(HubApi.SourceChange::at).min(Instant::compareTo).orElseThrow();
        Map<BenchRegion.Platform, Map<String, Instant>> acceptedByPlatform = new HashMap<>();
        List<Double> latencies = new ArrayList<>();
        for (BenchRegion.College college : region.colleges()) {
            HubApi.SourceChange change = changes.get(college.id());
            if (change == null) {
                continue;
            }
            Map<String, Instant> accepted = acceptedByPlatform.computeIfAbsent(college.platform(), platform -> new HashMap<>());
            if (accepted.isEmpty()) {
                for (HubApi.Accepted record : api.accepted(college.platform(), since)) {
                    if ("STUDENTS".equals(record.resource())) {
                        accepted.put(record.client() + "/" + record.externalId(), record.at());
                    }
                }
            }
            for (String student : change.externalIds()) {
                Instant at = accepted.get(college.id() + "/" + student);
                if (at != null) {
                    latencies.add(Duration.between(change.at(), at).toNanos() / 1e9);
                }
            }
        }
        return latencies;
    }

    private static double percentile(List<Double> values, double share) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(share * sorted.size()) - 1));
    }

    private ScenarioRow row(String scenario, Outcome outcome, double p50, double p99, HubSampler.Peaks peaks, double[] bareRun) {
        String status = outcome.problem() != null ? outcome.problem() : outcome.statuses().toString();
        return new ScenarioRow(size.name(), scenario, outcome.delivered(), outcome.seconds(), p50, p99, peaks.heapMb(), peaks.rssMb(),
                bareRun == null ? -1 : bareRun[0], bareRun == null ? -1 : (long) bareRun[1], outcome.problem() == null, status);
    }

    @Override
    public void close() throws Exception {
        sampler.close();
        camel.close();
        hub.close();
        simulators.close();
        database.close();
        // the stores and logs stay for a look afterwards; the 120 MB copy of the jar does not
        Files.deleteIfExists(demoJar);
    }
}
