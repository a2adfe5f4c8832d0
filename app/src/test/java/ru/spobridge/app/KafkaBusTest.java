package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.contingent.demo.DemoCollege;

/** The regional profile: the same flow with Kafka (embedded KRaft broker) as the bus instead of Artemis. */
@EmbeddedKafka(kraft = true, partitions = 3, topics = {"spo.delivery.epos", "spo.delivery.sgo", "spo.delivery.aisepo"})
@ActiveProfiles({"test", "kafka"})
@DirtiesContext
class KafkaBusTest extends HubIntegrationTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("camel.component.kafka.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("server.port", () -> freePortForSecondContext());
        // this context lives beside the shared test context in one JVM, where Quartz keeps one scheduler per name
        registry.add("spring.quartz.scheduler-name", () -> "spo-bridge-kafka-test");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "spo-bridge-kafka-test");
    }

    @Test
    void a_full_sync_goes_over_kafka_keyed_by_college_and_a_second_run_sends_nothing() {
        DemoCollege demo = SourceData.seedDemo(contingent, OGRN);

        SyncRuns.Run first = syncAndWait(false);
        SyncRuns.Run second = syncAndWait(true);

        assertThat(first.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.students(COLLEGE)).hasSize(demo.students().size() - demo.invalidFieldByExternalId().size());
        assertThat(second.published()).isZero();
        System.out.printf("kafka figures: %d records delivered over Kafka in %d ms%n", first.delivered(),
                java.time.Duration.between(first.startedAt(), first.finishedAt()).toMillis());
    }

    @Test
    void two_hub_instances_share_the_colleges_and_one_takes_over_when_the_other_dies() {
        for (String ogrn : java.util.List.of(OGRN, "1027400000022", "1024200000032")) {
            DemoCollege demo = ru.spobridge.simulators.contingent.demo.DemoContingent.generate(ogrn, 400, 14, ogrn.hashCode());
            demo.groups().forEach(group -> contingent.putGroup(ogrn, group));
            demo.students().forEach(student -> contingent.putStudent(ogrn, student));
        }
        // slow platforms, so that the second instance dies in the middle of its share of the work
        epos.faults().latency(java.time.Duration.ofMillis(150));
        sgo.faults().latency(java.time.Duration.ofMillis(150));
        aisepo.faults().latency(java.time.Duration.ofMillis(150));
        org.springframework.context.ConfigurableApplicationContext second = secondInstance();
        try {
            Long a = commands.runContingent("test-college", false, "test");
            Long b = commands.runContingent("test-sgo", false, "test");
            Long c = commands.runContingent("test-aisepo", false, "test");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> epos.students(COLLEGE).size() + sgo.students("test-sgo").size() + aisepo.students("test-aisepo").size() > 0);
            second.close();
            for (Long run : java.util.List.of(a, b, c)) {
                assertThat(awaitRun(run).status()).isEqualTo(SyncRuns.COMPLETED);
            }
        } finally {
            if (second.isActive()) {
                second.close();
            }
        }
        int duplicates = 0;
        int delivered = 0;
        for (var platform : java.util.Map.of(COLLEGE, (ru.spobridge.simulators.platform.PlatformSimulator) epos, "test-sgo", sgo,
                "test-aisepo", aisepo).entrySet()) {
            for (String key : platform.getValue().students(platform.getKey()).keySet()) {
                delivered++;
                duplicates += platform.getValue().deliveries(platform.getKey(), key) > 1 ? 1 : 0;
            }
        }
        System.out.printf("failover figures: %d students delivered by two instances, the second stopped midway; duplicates %d%n",
                delivered, duplicates);
        assertThat(delivered).isGreaterThan(1100);
        assertThat(duplicates).isZero();
    }

    /** A second hub on the same database and Kafka, with no simulators of its own: it delivers to this one's. */
    private org.springframework.context.ConfigurableApplicationContext secondInstance() {
        String here = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        java.util.Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("server.port", "0");
        properties.put("spo.simulators.enabled", "false");
        properties.put("spring.datasource.url", environment.getProperty("spring.datasource.url"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("camel.component.kafka.brokers", environment.getProperty("camel.component.kafka.brokers"));
        properties.put("spring.artemis.embedded.server-id", "7");
        // one JVM keeps one Quartz scheduler per name; in production each instance has its own JVM and the same name
        properties.put("spring.quartz.properties.org.quartz.scheduler.instanceName", "spo-bridge-second-jvm");
        properties.put("spring.quartz.scheduler-name", "spo-bridge-second-jvm");
        for (String[] college : new String[][] {{"test-college", "epos", "epos-sim"}, {"test-sgo", "sgo", "sgo-sim"}, {"test-aisepo", "aisepo", "aisepo-sim"}}) {
            properties.put("spo.colleges." + college[0] + ".targets." + college[1] + ".base-url", here + "/" + college[2]);
            properties.put("spo.colleges." + college[0] + ".contingent.address", here + "/contingent-sim/ws");
            properties.put("spo.colleges." + college[0] + ".contingent.token-url", here + "/contingent-sim/integration/v1/token");
        }
        // as arguments, not builder properties: those are only defaults, and the profile's H2 URL would win over the shared database
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
        return new org.springframework.boot.builder.SpringApplicationBuilder(SpoBridgeApplication.class)
                .profiles("test", "kafka").run(arguments);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.core.env.Environment environment;

    private static int freePortForSecondContext() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
