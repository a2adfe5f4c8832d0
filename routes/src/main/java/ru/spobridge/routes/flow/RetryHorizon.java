package ru.spobridge.routes.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.DeadLetters;

/**
 * Decides what becomes of records not delivered for a transient reason: the hub retries them by itself (RETRYING,
 * next attempt after an exponential, capped backoff) until the target's horizon; past it, or with automatic retry
 * off, they are dead letters for an operator, who is told once per college and target.
 */
@Component
public class RetryHorizon {

    private static final Logger log = LoggerFactory.getLogger(RetryHorizon.class);

    private final HubProperties properties;
    private final DeadLetters deadLetters;
    private final AuditLog audit;
    private final Clock clock;

    public RetryHorizon(HubProperties properties, DeadLetters deadLetters, AuditLog audit, Clock clock) {
        this.properties = properties;
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The records of one target and type the hub keeps retrying, with their next attempt; a record absent from the
     * answer is for an operator.
     *
     * @param notBefore the wait the platform imposes (an open circuit's remaining time: no round is counted), or null
     *                  for the record's own backoff
     */
    public Map<String, DeadLetters.Retry> plan(String collegeId, String target, String entityType, Collection<String> entityKeys,
                                               Duration notBefore) {
        HubProperties.DeliverySettings policy = properties.deliveryFor(target);
        if (!policy.retriesAutomatically() || entityKeys.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<String, DeadLetters.RetryState> states = deadLetters.retryStates(collegeId, target, entityType, entityKeys);
        Map<String, DeadLetters.Retry> plan = new HashMap<>();
        int gaveUp = 0;
        for (String key : entityKeys) {
            DeadLetters.RetryState state = states.get(key);
            Instant since = state == null ? now : state.since();
            if (!since.plus(policy.giveUpAfter()).isAfter(now)) {
                gaveUp++;
                continue;
            }
            int rounds = (state == null ? 0 : state.rounds()) + (notBefore == null ? 1 : 0);
            Duration wait = notBefore != null ? notBefore : backoff(policy, rounds);
            plan.put(key, new DeadLetters.Retry(now.plus(wait), since, rounds));
        }
        if (gaveUp > 0) {
            tell(collegeId, target, gaveUp, policy.giveUpAfter());
        }
        return plan;
    }

    /** RETRYING records retried past their target's horizon become dead letters for an operator. */
    public void giveUpPastHorizon() {
        Instant now = clock.instant();
        for (String target : deadLetters.retryingTargets()) {
            Duration horizon = properties.deliveryFor(target).giveUpAfter();
            deadLetters.giveUp(target, now.minus(horizon)).forEach((collegeId, count) -> tell(collegeId, target, count, horizon));
        }
    }

    /** A record of the platform was delivered: records waiting there for a parent or an earlier change go on the next tick. */
    public void parentsDelivered(String collegeId, String target) {
        if (properties.deliveryFor(target).retriesAutomatically()) {
            deadLetters.bringForwardWaiting(collegeId, target, clock.instant());
        }
    }

    /** retry-first, doubled each round, at most retry-max. */
    static Duration backoff(HubProperties.DeliverySettings policy, int rounds) {
        Duration wait = policy.retryFirst();
        for (int round = 1; round < rounds && wait.compareTo(policy.retryMax()) < 0; round++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(policy.retryMax()) > 0 ? policy.retryMax() : wait;
    }

    private void tell(String collegeId, String target, int count, Duration horizon) {
        audit.record("hub", "DEAD_LETTER_GAVE_UP", collegeId, target,
                count + " записей не доставлены за " + horizon + " автоматических повторов: нужно решение оператора");
        log.error("{} {}: {} записей не доставлены за {} автоматических повторов — переданы оператору как недоставленные",
                collegeId, target, count, horizon);
    }
}
