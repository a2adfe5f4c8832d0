package ru.spobridge.bench.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.spobridge.routes.config.region.RegionProfile;
import ru.spobridge.simulators.contingent.demo.DemoCollege;

/**
 * «Nothing lost, nothing sent twice» at regional scale, unattended (issue 16, item 6; app's OutsideCheckTest brought to
 * the benchmark): a fifth of every platform's answers are faults of mixed kinds, latency bursts past the hub's timeout
 * among them, and a fifth of the source's are 503; the hub runs on its own schedule with automatic retry, is killed
 * with SIGKILL while the colleges are read and again while they are delivered (told by what the platforms hold),
 * restarted on the same store, and then left alone until it is quiet. Then what each platform holds of each college is
 * counted against what the generated source owes it. Nobody replays, approves or restarts anything but the process.
 */
final class CrashScenario {

    /** The hub gives up on a platform answer after this; the latency bursts last longer. */
    static final Duration HUB_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration BURST = Duration.ofMillis(1600);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final int STILL_POLLS = 3;

    /**
     * Region settings laid over the shipped ones before the hub's first start (the store imports region files once):
     * the contingent read every 10 s, marks never (their journals are not seeded), batches of 200 — more calls for the
     * faults to hit, as OutsideCheckTest at benchmark size.
     */
    static Map<String, Object> regionSettings(RegionProfile region) {
        String never = "0 0 0 1 1 ? 2099";
        Map<String, Object> targets = new LinkedHashMap<>();
        // only the region's own platform: a target named here without its address would make every college not ready
        if (region.defaults().get("targets") instanceof Map<?, ?> own) {
            own.keySet().forEach(target -> targets.put(String.valueOf(target), Map.of("batch-limit", 200)));
        }
        return Map.of("contingent", Map.of("schedule", "0/10 * * * * ?"),
                "marks", Map.of("schedule", never, "catch-up", never),
                "targets", targets);
    }

    /** Settings of a hub nobody watches (OutsideCheckTest.unattended()): schedules on, automatic retry, a real circuit. */
    static List<String> unattended() {
        return List.of("--spo.sync.schedules=true",
                "--spo.delivery.http-timeout=" + HUB_TIMEOUT.toMillis() + "ms",
                "--spo.delivery.max-attempts=4", "--spo.delivery.initial-delay=50ms", "--spo.delivery.max-delay=400ms",
                "--spo.delivery.read-attempts=8", "--spo.delivery.read-delay=50ms",
                "--spo.delivery.circuit-window=20", "--spo.delivery.circuit-failure-rate=60", "--spo.delivery.circuit-open-for=2s",
                "--spo.delivery.give-up-after=24h", "--spo.delivery.retry-first=300ms", "--spo.delivery.retry-max=2s",
                "--spo.delivery.retry-every=300ms");
    }

    /** What one college is owed and what its platform holds at the end. */
    record CollegeCount(BenchRegion.College college, int owedStudents, int owedGuardians, int students, int guardians,
                        Set<String> lost, int notOwedAtPlatform, int rejectedGuardians, int deadOpen, int deadRetrying, int openRuns) {
    }

    /** The scenario's figures: kills, per-college counts and each platform's own counters. */
    record Result(List<String> events, List<CollegeCount> colleges, Map<BenchRegion.Platform, JsonNode> applications,
                  Map<String, JsonNode> faultStats, boolean quiet, double seconds) {

        int lost() {
            return colleges.stream().mapToInt(count -> count.lost().size()).sum();
        }

        int appliedTwice() {
            return applications.values().stream().mapToInt(report -> report.path("appliedTwice").asInt(-1)).sum();
        }

        int deadLetters() {
            return colleges.stream().mapToInt(count -> count.deadOpen() + count.deadRetrying()).sum();
        }

        int openRuns() {
            return colleges.stream().mapToInt(CollegeCount::openRuns).sum();
        }

        boolean clean() {
            return quiet && lost() == 0 && appliedTwice() == 0 && deadLetters() == 0 && openRuns() == 0;
        }
    }

    private final BenchRegion region;
    private final HubApi api;
    private final BenchJvm hub;
    private final HttpClient http;
    private final ObjectMapper json;
    private final String simulators;
    private final Duration timeout;
    private final Duration startTimeout;
    private final PlatformHoldings holdings;
    private final List<String> events = new ArrayList<>();

    CrashScenario(BenchRegion region, HubApi api, BenchJvm hub, HttpClient http, ObjectMapper json, String simulators,
                  Duration timeout, Duration startTimeout) {
        this.region = region;
        this.api = api;
        this.hub = hub;
        this.http = http;
        this.json = json;
        this.simulators = simulators;
        this.timeout = timeout;
        this.startTimeout = startTimeout;
        this.holdings = new PlatformHoldings(region, api, http, json, simulators);
    }

    Result run() throws Exception {
        Map<String, Set<String>> owedStudents = new LinkedHashMap<>();
        Map<String, Set<String>> owedGuardians = new LinkedHashMap<>();
        Map<String, Integer> generated = new HashMap<>();
        for (int i = 0; i < region.colleges().size(); i++) {
            DemoCollege demo = region.generated(i);
            String id = region.colleges().get(i).id();
            owedStudents.put(id, PlatformHoldings.owed(demo));
            owedGuardians.put(id, PlatformHoldings.guardians(demo, owedStudents.get(id)));
            generated.put(id, demo.students().size());
        }
        int owedTotal = owedStudents.values().stream().mapToInt(Set::size).sum();
        Set<BenchRegion.Platform> platforms = new LinkedHashSet<>();
        region.colleges().forEach(college -> platforms.add(college.platform()));

        long sourceBase = api.simulatorGet("/contingent-sim/_control/stats").path("requests").asLong();
        faults(platforms);
        // the hub so far ran with schedules off and the benchmark's retry settings: from here on it is unattended
        hub.close();
        long started = System.nanoTime();
        restart();

        // the first scheduled runs read page by page; killed once a third of the pages are served, before any delivery
        int pages = region.colleges().size() * Math.max(1, region.students() / 200);
        long threshold = Math.max(3, pages / 3);
        long sourceAtKill = await(Duration.ofMinutes(5), () -> {
            long served = api.simulatorGet("/contingent-sim/_control/stats").path("requests").asLong() - sourceBase;
            return served >= threshold ? served : -1;
        }, Duration.ofMillis(20));
        int reading = reading();
        hub.kill();
        int atKill = holdings.studentsAtPlatforms(platforms);
        events.add(String.format(java.util.Locale.ROOT, "kill -9 during the read at %.1f s: %d source requests served, "
                + "%d of %d contingent runs READING just before, %d students at the platforms", seconds(started), sourceAtKill,
                reading, region.colleges().size(), atKill));

        // killed in the middle of delivery, told by what the platforms hold (later runs have nothing new to send)
        restart();
        int deliveredAtKill = (int) await(timeout, () -> {
            int held = holdings.studentsAtPlatforms(platforms);
            return held >= owedTotal * 2 / 5 ? held : -1;
        }, Duration.ofMillis(200));
        hub.kill();
        int afterKill = holdings.studentsAtPlatforms(platforms);
        events.add(String.format(java.util.Locale.ROOT, "kill -9 during delivery at %.1f s: %,d of %,d owed students at the "
                + "platforms (%,d once it was dead)", seconds(started), deliveredAtKill, owedTotal, afterKill));

        restart();
        boolean quiet = awaitQuiet(platforms, owedStudents, started);
        double seconds = seconds(started);
        events.add(String.format(java.util.Locale.ROOT, quiet ? "quiet at %.1f s" : "not quiet within the time limit (%.1f s)", seconds));

        // counting is not acting on the hub: the faults go so that the platforms' listings answer on the first call
        clearFaults(platforms);
        Map<String, JsonNode> stats = new LinkedHashMap<>();
        stats.put("contingent", api.simulatorGet("/contingent-sim/_control/stats"));
        Map<BenchRegion.Platform, JsonNode> applications = new LinkedHashMap<>();
        for (BenchRegion.Platform platform : platforms) {
            stats.put(platform.base(), api.simulatorGet("/" + platform.base() + "/_control/stats"));
            applications.put(platform, api.simulatorGet("/" + platform.base() + "/_control/applications"));
        }
        List<CollegeCount> counts = new ArrayList<>();
        for (BenchRegion.College college : region.colleges()) {
            counts.add(holdings.count(college, owedStudents.get(college.id()), owedGuardians.get(college.id())));
        }
        events.add("source: " + (stats.get("contingent").path("requests").asLong() - sourceBase) + " requests");
        return new Result(events, counts, applications, stats, quiet, seconds);
    }

    private void faults(Set<BenchRegion.Platform> platforms) throws IOException, InterruptedException {
        api.simulatorControl("/contingent-sim/_control/faults", json.writeValueAsString(Map.of(
                "errorRate", Map.of("share", 0.2, "status", 503, "seed", 21), "latencyMs", 20)));
        long seed = 12;
        for (BenchRegion.Platform platform : platforms) {
            api.simulatorControl("/" + platform.base() + "/_control/faults", json.writeValueAsString(Map.of(
                    "mixed", Map.of("share", 0.2, "seed", seed++, "burstMs", BURST.toMillis(), "burstLength", 3))));
        }
    }

    private void clearFaults(Set<BenchRegion.Platform> platforms) throws IOException, InterruptedException {
        api.simulatorControl("/contingent-sim/_control/faults", "{\"clear\":true}");
        for (BenchRegion.Platform platform : platforms) {
            api.simulatorControl("/" + platform.base() + "/_control/faults", "{\"clear\":true}");
        }
    }

    private void restart() throws InterruptedException {
        hub.restart(unattended());
        hub.awaitHealthy(http, startTimeout);
    }

    /** Contingent runs of the region's colleges the hub reports as READING (-1 when it did not answer). */
    private int reading() {
        try {
            int count = 0;
            for (JsonNode run : api.hubGet("/api/runs/latest")) {
                if ("contingent".equals(run.path("flow").asText()) && "READING".equals(run.path("status").asText())) {
                    count++;
                }
            }
            return count;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /**
     * Waits, without acting, until every owed student is at the platforms, no dead letter is open or retrying, no
     * college has records on their way or runs open, and the platforms applied nothing new for three polls in a row.
     */
    private boolean awaitQuiet(Set<BenchRegion.Platform> platforms, Map<String, Set<String>> owed, long started)
            throws InterruptedException {
        long deadline = started + timeout.toNanos();
        long lastApplied = -1;
        int still = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            if (!hub.alive()) {
                events.add("the hub exited by itself" + (hub.outOfMemory() ? " (OutOfMemoryError)" : ""));
                return false;
            }
            try {
                long applied = 0;
                for (BenchRegion.Platform platform : platforms) {
                    applied += api.simulatorGet("/" + platform.base() + "/_control/applications").path("applications").asLong();
                }
                still = applied == lastApplied ? still + 1 : 0;
                lastApplied = applied;
                if (still < STILL_POLLS || !allOwedAt(platforms, owed)) {
                    continue;
                }
                JsonNode letters = api.hubGet("/api/dead-letters/counts");
                if (letters.path("open").asInt(-1) != 0 || letters.path("retrying").asInt(-1) != 0) {
                    continue;
                }
                boolean settled = true;
                for (BenchRegion.College college : region.colleges()) {
                    JsonNode inFlight = api.hubGet("/api/colleges/" + college.id() + "/in-flight");
                    if (inFlight.path("total").asInt(-1) != 0 || inFlight.path("openRuns").asInt(-1) != 0) {
                        settled = false;
                        break;
                    }
                }
                if (settled) {
                    return true;
                }
            } catch (IOException busy) {
                // a hub too busy to answer is asked again at the next poll
            }
        }
        return false;
    }

    private boolean allOwedAt(Set<BenchRegion.Platform> platforms, Map<String, Set<String>> owed) throws IOException, InterruptedException {
        Map<String, Set<String>> held = holdings.acceptedStudents(platforms);
        for (Map.Entry<String, Set<String>> college : owed.entrySet()) {
            if (!held.getOrDefault(college.getKey(), Set.of()).containsAll(college.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** A value read until it is not negative, every {@code every}, for at most {@code limit}. */
    private interface Probe {
        long value() throws IOException, InterruptedException;
    }

    private long await(Duration limit, Probe probe, Duration every) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                long value = probe.value();
                if (value >= 0) {
                    return value;
                }
            } catch (IOException busy) {
                // asked again at the next round
            }
            if (!hub.alive()) {
                throw new IllegalStateException("the hub exited by itself" + (hub.outOfMemory() ? " (OutOfMemoryError)" : ""));
            }
            Thread.sleep(every.toMillis());
        }
        throw new IllegalStateException("not reached within " + limit.toSeconds() + " s; " + String.join("; ", events));
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
