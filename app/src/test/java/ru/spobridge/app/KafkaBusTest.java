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

    private static int freePortForSecondContext() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
