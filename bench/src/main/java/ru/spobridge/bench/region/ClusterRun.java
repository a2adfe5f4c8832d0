package ru.spobridge.bench.region;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.ConsumerGroupState;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import ru.spobridge.bench.RegionBenchmark;

/**
 * One phase of the cluster measurement (issue 16): the hub in the {@code kafka} profile, {@code hubs} instances on one
 * embedded PostgreSQL and one embedded KRaft broker in this JVM, the simulators in their own JVM; a full sync of every
 * college started at once (each college through one hub's API, in turn), timed until every run is final. Every phase
 * brings up its own broker, database and simulators, so that the second starts as clean as the first; all is stopped
 * at the end, also on failure.
 */
public final class ClusterRun {

    /** Consumers of each platform's topic on one instance; the topics get room for two instances' consumers. */
    public static final int CONSUMERS = 4;
    public static final int PARTITIONS = 2 * CONSUMERS;
    private static final List<String> PLATFORMS = List.of("epos", "sgo", "aisepo");
    private static final String ADMIN = BenchSetup.ADMIN;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(15);

    /** What one phase measured; {@code problem} is null when every run reached a final status in time. */
    public record Result(int hubs, long records, double seconds, Map<String, Integer> statuses, double cpuBusy,
                         double busyCoreSeconds, double ownCoreSeconds, double simulatorsCpuSeconds, List<Double> hubCpuSeconds, List<Long> hubPeakHeapMb, List<Long> hubPeakRssMb, String consumers,
                         String problem, List<Path> logs) {

        public double recordsPerSecond() {
            return seconds > 0 ? records / seconds : 0;
        }
    }

    private ClusterRun() {
    }

    /** Brings up the phase, measures the full sync with {@code hubs} hub instances and stops everything. */
    public static Result measure(Path root, Path jar, RegionBenchmark.Size size, int hubs, Duration timeout) throws Exception {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            return measure(root, jar, size, hubs, timeout, opened);
        } finally {
            // the last started goes first: hubs, then the simulators, the database and the broker they used
            while (!opened.isEmpty()) {
                try {
                    opened.pop().close();
                } catch (Exception e) {
                    System.err.println("stopping a part of the cluster run failed: " + e);
                }
            }
        }
    }

    private static Result measure(Path root, Path jar, RegionBenchmark.Size size, int hubs, Duration timeout,
                                  Deque<AutoCloseable> opened) throws Exception {
        Path work = Files.createTempDirectory("spo-bench-" + size.name() + "-kafka-" + hubs + "-");
        Path demoJar = Files.copy(jar, work.resolve("spo-bridge-demo.jar"));
        opened.push(() -> Files.deleteIfExists(demoJar));

        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        kafka.brokerProperty("num.partitions", PARTITIONS);
        kafka.afterPropertiesSet();
        opened.push(kafka::destroy);
        kafka.addTopics(PLATFORMS.stream().map(platform -> new NewTopic("spo.delivery." + platform, PARTITIONS, (short) 1))
                .toArray(NewTopic[]::new));
        EmbeddedDatabase postgres = EmbeddedDatabase.start(work.resolve("postgres"));
        opened.push(postgres);

        BenchRegion region = new BenchRegion(size.colleges(), size.students(), root.resolve("config/regions"));
        String password = BenchSetup.token();
        Map<String, String> env = BenchSetup.environment(password);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

        BenchJvm simulators = BenchSetup.startSimulators(root, demoJar, region, env, work);
        opened.push(simulators);
        simulators.awaitHealthy(http, START_TIMEOUT);

        List<BenchJvm> hubJvms = new ArrayList<>();
        List<HubApi> apis = new ArrayList<>();
        Map<String, String> hubEnv = new HashMap<>(env);
        hubEnv.put("SPRING_DATASOURCE_USERNAME", postgres.user());
        hubEnv.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
        hubEnv.put("SPO_SIMULATORS_ENABLED", "false");
        hubEnv.put("SPO_SIMULATORS_URL", simulators.url(""));
        for (int i = 1; i <= hubs; i++) {
            Path hubDir = BenchSetup.prepare(root, work.resolve("hub-" + i));
            region.write(hubDir.resolve("regions"));
            BenchJvm hub = BenchJvm.start("hub-" + i, demoJar, "ru.spobridge.demo.SpoBridgeDemo", BenchSetup.hubJvmOptions(), List.of(
                    "--spring.profiles.active=kafka", "--camel.component.kafka.brokers=" + kafka.getBrokersAsString(),
                    "--spo.bus.consumers=" + CONSUMERS,
                    // distinct and stable, as in production; heartbeat and staleness stay at their defaults
                    "--spo.instance.id=bench-hub-" + i,
                    "--spo.regions.directory=" + hubDir.resolve("regions"), "--spring.datasource.url=" + postgres.url(),
                    "--spring.artemis.embedded.data-directory=" + hubDir.resolve("artemis")),
                    hubEnv, hubDir, work.resolve("hub-" + i + ".log"), BenchJvm.freePort());
            opened.push(hub);
            System.out.println("hub " + i + " log: " + hub.log());
            // one after the other: the first imports the region files into the shared database, the next finds them there
            hub.awaitHealthy(http, START_TIMEOUT);
            HubApi api = new HubApi(http, hub, simulators, ADMIN, password);
            api.useApiToken(ADMIN);
            hubJvms.add(hub);
            apis.add(api);
        }
        BenchSetup.checkColleges(apis.get(apis.size() - 1), region);
        String consumers = awaitConsumers(kafka, hubs * CONSUMERS);

        List<HubSampler> samplers = new ArrayList<>();
        for (int i = 0; i < hubs; i++) {
            HubSampler sampler = new HubSampler(apis.get(i), hubJvms.get(i));
            opened.push(sampler);
            samplers.add(sampler);
        }
        long[] machineBefore = CpuMeter.machine();
        Map<Long, Double> ownBefore = CpuMeter.ownTree(work);
        double simulatorsBefore = CpuMeter.processSeconds(simulators.pid());
        List<Double> cpuBefore = hubJvms.stream().map(hub -> CpuMeter.processSeconds(hub.pid())).toList();
        long started = System.nanoTime();
        Map<String, Started> runs;
        String problem = null;
        Map<String, JsonNode> states = new HashMap<>();
        try {
            runs = startAll(region, apis);
            problem = await(runs, hubJvms, apis, started, timeout, states);
        } catch (IOException e) {
            problem = "a hub refused a run: " + e.getMessage();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] machineAfter = CpuMeter.machine();
        double own = CpuMeter.treeSeconds(ownBefore, CpuMeter.ownTree(work));
        double simulatorsCpu = CpuMeter.processSeconds(simulators.pid()) - simulatorsBefore;
        List<Double> hubCpu = new ArrayList<>();
        for (int i = 0; i < hubs; i++) {
            hubCpu.add(CpuMeter.processSeconds(hubJvms.get(i).pid()) - cpuBefore.get(i));
        }
        long delivered = 0;
        Map<String, Integer> statuses = new HashMap<>();
        for (JsonNode state : states.values()) {
            delivered += state.path("delivered").asLong();
            statuses.merge(state.path("status").asText(), 1, Integer::sum);
        }
        return new Result(hubs, delivered, seconds, statuses, CpuMeter.busyShare(machineBefore, machineAfter),
                CpuMeter.busySeconds(machineBefore, machineAfter), own, simulatorsCpu, hubCpu,
                samplers.stream().map(sampler -> sampler.peaks().heapMb()).toList(),
                samplers.stream().map(sampler -> sampler.peaks().rssMb()).toList(), consumers, problem,
                hubJvms.stream().map(BenchJvm::log).toList());
    }

    /** A run started through one hub: its id and which hub's API to ask about it. */
    private record Started(long id, int hub) {
    }

    /** Every college's full run at once, college i through hub i mod n (the hub answers only after the run's read). */
    private static Map<String, Started> startAll(BenchRegion region, List<HubApi> apis) throws IOException, InterruptedException {
        return AtOnce.forEach(region.colleges(), (index, college) -> {
            int hub = index % apis.size();
            return new Started(apis.get(hub).startContingent(college.id(), true), hub);
        });
    }

    /** Polls every run until it is final; the problem (a hub died, the timeout passed) or null. */
    private static String await(Map<String, Started> runs, List<BenchJvm> hubs, List<HubApi> apis, long started, Duration timeout,
                                Map<String, JsonNode> states) throws InterruptedException {
        long deadline = started + timeout.toNanos();
        Map<String, JsonNode> finished = new HashMap<>();
        try {
            while (finished.size() < runs.size()) {
                for (BenchJvm hub : hubs) {
                    if (!hub.alive()) {
                        return hub.log().getFileName() + ": the hub exited" + (hub.outOfMemory() ? " (OutOfMemoryError)" : "")
                                + ", " + finished.size() + " of " + runs.size() + " runs finished";
                    }
                }
                if (System.nanoTime() > deadline) {
                    return "timeout after " + timeout.toMinutes() + " min, " + finished.size() + " of " + runs.size() + " runs finished";
                }
                for (Map.Entry<String, Started> run : runs.entrySet()) {
                    if (finished.containsKey(run.getKey())) {
                        continue;
                    }
                    try {
                        JsonNode state = apis.get(run.getValue().hub()).run(run.getValue().id());
                        states.put(run.getKey(), state);
                        String status = state.path("status").asText();
                        if (HubApi.FINAL.contains(status) && !state.path("finishedAt").isNull() || "HELD".equals(status)) {
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
            return null;
        } finally {
            states.putAll(finished);
        }
    }

    /**
     * Waits until every platform's consumer group has all instances' consumers and is stable, so that the measurement
     * starts with the partitions already shared out; answers the groups' members and partitions.
     */
    private static String awaitConsumers(EmbeddedKafkaKraftBroker kafka, int expected) throws InterruptedException {
        List<String> groups = PLATFORMS.stream().map(platform -> "spo-hub-" + platform).toList();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            Map<String, ConsumerGroupDescription> described = kafka.doWithAdminFunction(admin -> {
                try {
                    return admin.describeConsumerGroups(groups).all().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Map.of();
                } catch (ExecutionException e) {
                    return Map.of();
                }
            });
            boolean ready = described.size() == groups.size();
            StringBuilder text = new StringBuilder();
            for (String group : groups) {
                ConsumerGroupDescription description = described.get(group);
                int members = description == null ? 0 : description.members().size();
                int partitions = description == null ? 0
                        : description.members().stream().mapToInt(member -> member.assignment().topicPartitions().size()).sum();
                ready &= description != null && members >= expected && partitions == PARTITIONS
                        && description.state() == ConsumerGroupState.STABLE;
                text.append(text.isEmpty() ? "" : ", ").append(group).append(' ').append(members).append(" consumers on ")
                        .append(partitions).append(" partitions");
            }
            seen = text.toString();
            if (ready) {
                return seen;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the hubs' consumers did not all join their groups within 2 min: " + seen);
    }
}
