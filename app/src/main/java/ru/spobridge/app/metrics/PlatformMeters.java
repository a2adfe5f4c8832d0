package ru.spobridge.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.TargetAdapter;
import ru.spobridge.routes.delivery.TargetCircuits;

/**
 * Per platform, as this instance sees it: {@code spo.circuit.state} (0 closed, 1 half-open = probing, 2 open) and
 * {@code spo.bus.queue.depth} (batches waiting on the bus for the platform). The depth is read from the embedded
 * Artemis broker; on an external broker or Kafka the broker's own exporter reports it and this gauge is absent.
 */
@Component
public class PlatformMeters implements MeterBinder {

    public static final String CIRCUIT_STATE = "spo.circuit.state";
    public static final String QUEUE_DEPTH = "spo.bus.queue.depth";

    private final List<TargetAdapter> targets;
    private final TargetCircuits circuits;
    private final HubProperties properties;
    private final ObjectProvider<EmbeddedActiveMQ> broker;

    public PlatformMeters(List<TargetAdapter> targets, TargetCircuits circuits, HubProperties properties, ObjectProvider<EmbeddedActiveMQ> broker) {
        this.targets = targets;
        this.circuits = circuits;
        this.properties = properties;
        this.broker = broker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        boolean embedded = broker.getIfAvailable() != null;
        for (TargetAdapter adapter : targets) {
            String target = adapter.name();
            Gauge.builder(CIRCUIT_STATE, circuits, c -> circuitCode(c.state(target)))
                    .description("Предохранитель платформы: 0 — закрыт, 1 — пробные вызовы, 2 — открыт")
                    .tag("target", target).register(registry);
            String queue = jmsQueue(properties.bus().consumerFor(target));
            if (embedded && queue != null) {
                Gauge.builder(QUEUE_DEPTH, this, meters -> meters.depth(queue))
                        .description("Пакеты, ожидающие отправки платформе в шине")
                        .tag("target", target).tag("queue", queue).register(registry);
            }
        }
    }

    static double circuitCode(io.github.resilience4j.circuitbreaker.CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED, DISABLED, METRICS_ONLY -> 0;
            case HALF_OPEN -> 1;
            case OPEN, FORCED_OPEN -> 2;
        };
    }

    /** The queue of a JMS endpoint URI ({@code jms:queue:spo.delivery.epos?…}); null for any other bus. */
    static String jmsQueue(String uri) {
        if (!uri.startsWith("jms:")) {
            return null;
        }
        String name = uri.substring("jms:".length());
        name = name.startsWith("queue:") ? name.substring("queue:".length()) : name;
        int options = name.indexOf('?');
        return options < 0 ? name : name.substring(0, options);
    }

    private double depth(String queue) {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        ActiveMQServer server = embedded == null ? null : embedded.getActiveMQServer();
        Queue found = server == null || !server.isActive() ? null : server.locateQueue(SimpleString.of(queue));
        return found == null ? Double.NaN : found.getMessageCount();
    }
}
