package ru.spobridge.routes.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Lanes on the bus ({@code spo.delivery.lanes}): how many message groups (Kafka keys) one college's batches of an entity
 * type are spread over, so that several consumers of a target share the work; 1 keeps one college on one consumer.
 *
 * @param count          lanes per college and target
 * @param barrierTimeout how long a type waits for the outcomes of the type it depends on before it is published anyway
 *                       (a child that overtakes its parent is retried by the kernel once the parent is there)
 * @param barrierPoll    how often that wait looks at the store
 */
@Validated
@ConfigurationProperties("spo.delivery.lanes")
public record LaneSettings(@Min(1) @Max(64) Integer count, Duration barrierTimeout, Duration barrierPoll) {

    public LaneSettings {
        count = count == null ? 4 : count;
        barrierTimeout = barrierTimeout == null ? Duration.ofMinutes(2) : barrierTimeout;
        barrierPoll = barrierPoll == null ? Duration.ofMillis(50) : barrierPoll;
        if (barrierTimeout.isNegative() || barrierPoll.isNegative() || barrierPoll.isZero()) {
            throw new IllegalArgumentException("spo.delivery.lanes: barrier-timeout и barrier-poll должны быть положительными");
        }
    }
}
