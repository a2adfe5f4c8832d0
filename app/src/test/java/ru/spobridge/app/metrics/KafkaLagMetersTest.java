package ru.spobridge.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The bus depth on Kafka is the platform group's lag, read from a real (embedded KRaft) broker. */
@EmbeddedKafka(kraft = true, partitions = 2, topics = {"spo.delivery.epos", "spo.delivery.sgo"})
class KafkaLagMetersTest {

    @Test
    void queue_depth_is_what_the_platform_group_has_not_committed_on_its_topic(EmbeddedKafkaBroker kafka) throws Exception {
        String brokers = kafka.getBrokersAsString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("spo.delivery.epos", 0, "college-a", "batch " + i)).get();
            }
            producer.send(new ProducerRecord<>("spo.delivery.epos", 1, "college-b", "batch")).get();
        }
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (Admin client = Admin.create(admin)) {
            client.alterConsumerGroupOffsets("spo-hub-epos", Map.of(new TopicPartition("spo.delivery.epos", 0), new OffsetAndMetadata(2))).all().get();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaLagMeters meters = new KafkaLagMeters(Map.of(
                "epos", "kafka:spo.delivery.epos?groupId=spo-hub-epos&autoOffsetReset=earliest",
                "sgo", "kafka:spo.delivery.sgo?groupId=spo-hub-sgo&autoOffsetReset=earliest",
                "aisepo", "jms:queue:spo.delivery.aisepo"), brokers);
        meters.bindTo(registry);
        try {
            meters.refresh();

            assertThat(registry.get(PlatformMeters.QUEUE_DEPTH).tag("target", "epos").tag("queue", "spo.delivery.epos").gauge().value())
                    .as("3 not committed on partition 0, 1 never consumed on partition 1").isEqualTo(4);
            assertThat(registry.get(PlatformMeters.QUEUE_DEPTH).tag("target", "sgo").gauge().value()).isZero();
            assertThat(registry.find(PlatformMeters.QUEUE_DEPTH).tag("target", "aisepo").gauge()).as("not on Kafka").isNull();
        } finally {
            meters.destroy();
        }
    }

    @Test
    void without_kafka_brokers_nothing_is_registered_or_asked() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaLagMeters meters = new KafkaLagMeters(Map.of("epos", "jms:queue:spo.delivery.epos?transacted=true"), "");
        meters.bindTo(registry);
        meters.refresh();

        assertThat(meters.active()).isFalse();
        assertThat(registry.find(PlatformMeters.QUEUE_DEPTH).gauges()).isEmpty();
    }
}
