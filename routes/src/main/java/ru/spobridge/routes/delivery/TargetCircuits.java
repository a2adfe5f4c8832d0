package ru.spobridge.routes.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final HubProperties properties;

    public TargetCircuits(HubProperties properties) {
        this.properties = properties;
    }

    public <T> T call(String target, Supplier<T> delivery) {
        CircuitBreaker breaker = registry.circuitBreaker(target, () -> config(target));
        if (!breaker.tryAcquirePermission()) {
            throw new TransientTargetException(0, "CIRCUIT_OPEN", null,
                    "Платформа отключена предохранителем после серии ошибок; запись будет отправлена после проверки её доступности", null);
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
        return registry.circuitBreaker(target, () -> config(target)).getState();
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
