package ru.spobridge.routes.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.routes.config.HubProperties;

/**
 * One circuit breaker (resilience4j) per platform: after a run of failed calls the platform is not called for a
 * while — the batches wait their retries or become dead letters instead of hammering it — then probes let a few
 * calls through and close the circuit when they succeed. Refusals by the platform itself do not count as failures.
 */
@Component
public class TargetCircuits {

    /**
     * The platform's circuit is open: not worth retrying in memory; the records wait until the circuit lets probes through.
     */
    public static class OpenCircuit extends TransientTargetException {
        private final Duration remaining;

        OpenCircuit(Duration remaining) {
            super(0, "CIRCUIT_OPEN", null,
                    "Платформа отключена предохранителем после серии ошибок; запись будет отправлена после проверки её доступности", null);
            this.remaining = remaining;
        }

        /** How long the circuit stays open from now (zero when it already lets a probe through). */
        public Duration remaining() {
            return remaining;
        }
    }

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final HubProperties properties;
    private final Clock clock;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public TargetCircuits(HubProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public <T> T call(String target, Supplier<T> delivery) {
        CircuitBreaker breaker = breaker(target);
        if (!breaker.tryAcquirePermission()) {
            throw new OpenCircuit(remainingOpen(target));
        }
        long started = System.nanoTime();
        try {
            T result = delivery.get();
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return result;
        } catch (TransientTargetException failure) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
            throw failure;
        } catch (RuntimeException refusal) {
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            throw refusal;
        }
    }

    public CircuitBreaker.State state(String target) {
        return breaker(target).getState();
    }

    private Duration remainingOpen(String target) {
        Instant opened = openedAt.get(target);
        if (opened == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), opened.plus(properties.deliveryFor(target).circuitOpenFor()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private CircuitBreaker breaker(String target) {
        return breakers.computeIfAbsent(target, name -> {
            CircuitBreaker made = registry.circuitBreaker(name, () -> config(name));
            // when it opened, to tell the records how long to wait
            made.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    openedAt.put(name, clock.instant());
                }
            });
            return made;
        });
    }

    private CircuitBreakerConfig config(String target) {
        HubProperties.DeliverySettings policy = properties.deliveryFor(target);
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.circuitFailureRate())
                .slidingWindowSize(policy.circuitWindow())
                .minimumNumberOfCalls(policy.circuitWindow())
                .waitDurationInOpenState(policy.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
    }
}
