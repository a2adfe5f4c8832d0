package ru.spobridge.bench.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every benchmark run starts the same way: the JVMs' environment, work folders, the simulators and the hubs' options. */
final class BenchSetup {

    static final String ADMIN = "bench";

    private BenchSetup() {
    }

    /** The environment of the simulators and the hubs: the administrator, a data key, no runs unless the benchmark starts them. */
    static Map<String, String> environment(String password) {
        Map<String, String> env = new HashMap<>();
        env.put("SPO_ADMIN_USER", ADMIN);
        env.put("SPO_ADMIN_PASSWORD", password);
        env.put("SPO_DATA_KEY", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        env.put("SPO_SYNC_RUN_AT_START", "false");
        env.put("SPO_SYNC_SCHEDULES", "false");
        return env;
    }

    /** The work folder of one JVM: config/application.yml of the repository, as the hub reads it from its working folder. */
    static Path prepare(Path root, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.copy(root.resolve("config/application.yml"), dir.resolve("config/application.yml"));
        return dir;
    }

    /**
     * The production application with the simulators on (rate limits off) and no colleges — no demo profile, so no
     * state files — seeded with the region.
     */
    static BenchJvm startSimulators(Path root, Path demoJar, BenchRegion region, Map<String, String> env, Path work) throws IOException {
        Path simDir = prepare(root, work.resolve("simulators"));
        List<String> simArgs = new ArrayList<>(List.of(
                "--spo.simulators.enabled=true", "--spo.simulators.demo.enabled=true", "--spo.simulators.zup.demo.enabled=false",
                "--spo.simulators.epos.rate-limit-per-second=0", "--spo.simulators.sgo.rate-limit-per-second=0",
                "--spo.simulators.aisepo.rate-limit-per-second=0",
                "--spo.regions.directory=" + Files.createDirectories(simDir.resolve("regions")),
                "--spring.datasource.url=jdbc:h2:file:" + simDir.resolve("store") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--spring.artemis.embedded.data-directory=" + simDir.resolve("artemis")));
        simArgs.addAll(region.simulatorSettings());
        return BenchJvm.start("simulators", demoJar, "ru.spobridge.app.SpoBridgeApplication", List.of("-Xmx5g"), simArgs, env,
                simDir, work.resolve("simulators.log"), BenchJvm.freePort());
    }

    /** Every college of the region is active in the hub, or the benchmark stops before measuring anything. */
    static void checkColleges(HubApi api, BenchRegion region) throws IOException, InterruptedException {
        Map<String, String> statuses = new HashMap<>();
        api.colleges().forEach(college -> statuses.put(college.get("id").asText(), college.get("status").asText()));
        for (BenchRegion.College college : region.colleges()) {
            if (!"ACTIVE".equals(statuses.get(college.id()))) {
                throw new IllegalStateException("college " + college.id() + " is " + statuses.get(college.id()) + " in the hub");
            }
        }
    }

    /**
     * The hub's heap limit and, from {@code -Dbench.hub.jvm="…"}, options to add (a flight recording:
     * {@code -XX:StartFlightRecording=filename=/tmp/hub.jfr,settings=profile}).
     */
    static List<String> hubJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"));
        String extra = System.getProperty("bench.hub.jvm", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    /** A random password for the run's administrator. */
    static String token() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
