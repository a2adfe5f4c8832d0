package ru.spobridge.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.TargetAdapter;

/**
 * {@code spo.bus.queue.depth} on the Kafka bus: per platform, the consumer group's lag on its topic (records
 * published and not yet committed by the hubs). Read on the refresh thread with a short timeout; absent on a JMS bus.
 */
@Component
public class KafkaLagMeters implements MeterBinder, DisposableBean {

    private static final long TIMEOUT_SECONDS = 5;

    /** A platform's topic and its consumer group, as the bus consumer URI names them. */
    record Subscription(String target, String topic, String group) {
    }

    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Double> lag = new java.util.concurrent.ConcurrentHashMap<>();
    private final String brokers;
    private Admin admin;

    @org.springframework.beans.factory.annotation.Autowired
    public KafkaLagMeters(java.util.List<TargetAdapter> targets, HubProperties properties,
                          @Value("${camel.component.kafka.brokers:}") String brokers) {
        this(targets.stream().collect(Collectors.toMap(TargetAdapter::name, target -> properties.bus().consumerFor(target.name()),
                (first, second) -> first, LinkedHashMap::new)), brokers);
    }

    /** @param consumerUris each platform's bus consumer URI */
    KafkaLagMeters(Map<String, String> consumerUris, String brokers) {
        this.brokers = brokers;
        consumerUris.forEach((target, uri) -> {
            Subscription subscription = subscription(target, uri);
            if (subscription != null) {
                subscriptions.put(target, subscription);
            }
        });
    }

    /** The topic and group of a Kafka consumer URI ({@code kafka:spo.delivery.epos?groupId=…}); null for any other bus. */
    static Subscription subscription(String target, String uri) {
        if (!uri.startsWith("kafka:")) {
            return null;
        }
        String rest = uri.substring("kafka:".length());
        int options = rest.indexOf('?');
        String topic = options < 0 ? rest : rest.substring(0, options);
        String group = null;
        if (options >= 0) {
            for (String option : rest.substring(options + 1).split("&")) {
                if (option.startsWith("groupId=")) {
                    group = option.substring("groupId=".length());
                }
            }
        }
        return group == null ? null : new Subscription(target, topic, group);
    }

    public boolean active() {
        return !subscriptions.isEmpty() && StringUtils.hasText(brokers);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!active()) {
            return;
        }
        subscriptions.values().forEach(subscription -> Gauge.builder(PlatformMeters.QUEUE_DEPTH, lag,
                        values -> values.getOrDefault(subscription.target(), Double.NaN))
                .description("Пакеты, ожидающие отправки платформе в шине")
                .tag("target", subscription.target()).tag("queue", subscription.topic()).register(registry));
    }

    /** Asks the brokers for every platform's lag; a platform whose answer fails shows no figure rather than an old one. */
    public synchronized void refresh() {
        if (!active()) {
            return;
        }
        for (Subscription subscription : subscriptions.values()) {
            try {
                lag.put(subscription.target(), (double) lagOf(subscription));
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                lag.remove(subscription.target());
                throw new IllegalStateException("Kafka: отставание группы " + subscription.group() + " не получено: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long lagOf(Subscription subscription) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(subscription.group())
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> partitions = admin().describeTopics(java.util.List.of(subscription.topic())).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(subscription.topic()).partitions().stream()
                .map(partition -> new TopicPartition(subscription.topic(), partition.partition()))
                .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(partitions).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long total = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            total += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return total;
    }

    private Admin admin() {
        if (admin == null) {
            Properties settings = new Properties();
            settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "spo-hub-metrics");
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            admin = Admin.create(settings);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }
}
