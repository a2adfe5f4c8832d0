package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.connection.CachingConnectionFactory;
import ru.spobridge.routes.config.HubProperties;

/**
 * The default bus URIs on the embedded Artemis broker, wired as Spring Boot wires them (a caching connection factory):
 * several consumers of one target's queue take different message groups in parallel, and each group arrives in the
 * order it was sent, also when one of its messages is rolled back and redelivered.
 */
class BusMessageGroupsTest {

    private static final HubProperties.BusSettings BUS = new HubProperties.BusSettings(null, null, 4);

    private EmbeddedActiveMQ broker;
    private CachingConnectionFactory connections;
    private CamelContext camel;
    /** Per group, the sequence numbers in the order their processing completed; per group, the consumer threads. */
    private final Map<String, List<Integer>> received = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> threads = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(false);
        configuration.addAcceptorConfiguration("in-vm", "vm://91");
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        connections = new CachingConnectionFactory(new ActiveMQConnectionFactory("vm://91"));
        camel = new DefaultCamelContext();
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connections);
        camel.addComponent("jms", jms);
    }

    @AfterEach
    void stop() throws Exception {
        camel.stop();
        connections.destroy();
        broker.stop();
    }

    @Test
    void four_consumers_keep_each_group_in_order_and_spread_the_groups() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(BUS.consumerFor("order-test")).routeId("order-test")
                        .process(exchange -> {
                            String group = exchange.getIn().getHeader("JMSXGroupID", String.class);
                            int sequence = exchange.getIn().getHeader("sequence", Integer.class);
                            // a failure that rolls the bus transaction back, as a store outage does in the delivery route
                            if ("1027400000011|0".equals(group) && sequence == 10 && failedOnce.compareAndSet(false, true)) {
                                throw new IllegalStateException("rollback once");
                            }
                            // slow enough for the consumers to overlap
                            Thread.sleep(3);
                            threads.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
                            received.computeIfAbsent(group, g -> java.util.Collections.synchronizedList(new ArrayList<>())).add(sequence);
                        });
            }
        });
        camel.start();
        assertThat(BUS.consumerFor("order-test")).contains("concurrentConsumers=4").contains("maxConcurrentConsumers=4");

        ProducerTemplate producer = camel.createProducerTemplate();
        List<String> others = List.of("1027400000022|0", "1027400000022|1", "1024200000032|0", "1024200000032|1",
                "1027400000011|1", "1027400000011|2", "1027400000011|3");
        for (int sequence = 0; sequence < 50; sequence++) {
            send(producer, "1027400000011|0", sequence);
            if (sequence < 10) {
                for (String group : others) {
                    send(producer, group, sequence);
                }
            }
        }

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> received.values().stream().mapToInt(List::size).sum() == 50 + 70);
        assertThat(failedOnce).isTrue();
        assertThat(received.get("1027400000011|0")).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
        for (String group : others) {
            assertThat(received.get(group)).as(group).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
        Set<String> consumers = new java.util.HashSet<>();
        threads.values().forEach(consumers::addAll);
        assertThat(consumers).as("consumer threads over all groups").hasSizeGreaterThan(1);
    }

    private static void send(ProducerTemplate producer, String group, int sequence) {
        producer.sendBodyAndHeaders(BUS.producerFor("order-test"), ("batch " + sequence).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("JMSXGroupID", group, "sequence", sequence));
    }
}
