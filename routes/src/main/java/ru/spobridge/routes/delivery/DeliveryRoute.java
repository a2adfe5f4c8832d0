package ru.spobridge.routes.delivery;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.common.PermanentTargetException;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.routes.config.HubProperties;

/**
 * Bus → platform, one route per target so that one platform being down holds back no other; within a target
 * {@code spo.bus.consumers} consumers deliver different colleges' lanes in parallel, each lane in order. Transient failures
 * are retried with exponential backoff (longer where the platform asks with Retry-After); after the last attempt, or
 * at once while the platform's circuit is open, the batch's records are kept for the kernel's automatic retry; on a
 * refusal that a retry cannot fix they become dead letters. Anything else (the store is
 * down) rolls the bus transaction back and the broker redelivers.
 */
@Component
public class DeliveryRoute extends RouteBuilder {

    private final HubProperties properties;
    private final List<TargetAdapter> targets;
    private final DeliveryService delivery;
    private final BatchCodec codec;

    public DeliveryRoute(HubProperties properties, List<TargetAdapter> targets, DeliveryService delivery, BatchCodec codec) {
        this.properties = properties;
        this.targets = targets;
        this.delivery = delivery;
        this.codec = codec;
    }

    @Override
    public void configure() {
        for (TargetAdapter target : targets) {
            HubProperties.DeliverySettings policy = properties.deliveryFor(target.name());
            from(properties.bus().consumerFor(target.name())).routeId("deliver-" + target.name())
                    .onException(TransientTargetException.class)
                        .maximumRedeliveries(policy.maxAttempts() - 1)
                        .redeliveryDelay(policy.initialDelay().toMillis())
                        .useExponentialBackOff().backOffMultiplier(policy.multiplier())
                        .useCollisionAvoidance().collisionAvoidanceFactor(policy.jitter())
                        .maximumRedeliveryDelay(policy.maxDelay().toMillis())
                        .onExceptionOccurred(DeliveryRoute::honourRetryAfter)
                        .retryAttemptedLogLevel(LoggingLevel.WARN)
                        .logStackTrace(false).logExhausted(false).logRetryStackTrace(false)
                        .handled(true)
                        .process(delivery::deadLetter)
                    .end()
                    // an open circuit is not worth retrying in memory: the records wait for it as RETRYING
                    .onException(TargetCircuits.OpenCircuit.class)
                        .logStackTrace(false).logExhausted(false)
                        .handled(true)
                        .process(delivery::deadLetter)
                    .end()
                    .onException(PermanentTargetException.class)
                        .logStackTrace(false).logExhausted(false)
                        .handled(true)
                        .process(delivery::deadLetter)
                    .end()
                    // bytes of the current layout, or JSON text left on the bus by an earlier version
                    .process(exchange -> exchange.getIn().setBody(codec.decode(exchange.getIn().getBody())))
                    .process(exchange -> exchange.getIn().setBody(delivery.deferWaiting(exchange.getIn().getBody(DeliveryBatch.class))))
                    .filter(exchange -> !exchange.getIn().getBody(DeliveryBatch.class).items().isEmpty())
                        .process(exchange -> delivery.deliver(exchange.getIn().getBody(DeliveryBatch.class)))
                    .end();
        }
    }

    /** Counts attempts for the dead letter; a 429/503 with Retry-After waits at least as long as the platform asked. */
    private static void honourRetryAfter(Exchange exchange) {
        exchange.setProperty(DeliveryService.ATTEMPTS, exchange.getProperty(DeliveryService.ATTEMPTS, 0, Integer.class) + 1);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        if (cause instanceof TransientTargetException transientFailure && transientFailure.retryAfter() != null) {
            // the platform's own wish, not a guess: no jitter below what it asked
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, transientFailure.retryAfter().toMillis());
        }
    }
}
