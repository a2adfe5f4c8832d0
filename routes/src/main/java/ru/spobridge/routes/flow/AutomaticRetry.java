package ru.spobridge.routes.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.ChangePublisher;
import ru.spobridge.routes.store.DeadLetters;

/**
 * The kernel's automatic retry: every {@code spo.delivery.retry-every} the records kept as RETRYING whose next attempt
 * has come are sent again — exactly those, per college and flow, as a run of their own through {@link Republish} (the
 * flow's ordering rules still apply at delivery) — and those retried past the horizon are handed to an operator.
 * Off when {@code spo.delivery.give-up-after} is 0.
 */
@Component
public class AutomaticRetry extends RouteBuilder {

    public static final String ROUTE = "automatic-retry";
    public static final String TRIGGER = "automatic-retry";
    private static final int MOST_PER_TICK = 20_000;
    private static final Logger log = LoggerFactory.getLogger(AutomaticRetry.class);

    private final HubProperties properties;
    private final DeadLetters deadLetters;
    private final RetryHorizon horizon;
    private final Republish republish;
    private final Clock clock;

    public AutomaticRetry(HubProperties properties, DeadLetters deadLetters, RetryHorizon horizon, Republish republish, Clock clock) {
        this.properties = properties;
        this.deadLetters = deadLetters;
        this.horizon = horizon;
        this.republish = republish;
        this.clock = clock;
    }

    /** The due records of one college and flow, as selection ids in delivery order. */
    public record Round(String collegeId, String flow, Set<String> records) {
    }

    @Override
    public void configure() {
        HubProperties.DeliverySettings policy = properties.delivery();
        long every = policy.retryEvery().toMillis();
        from("timer:" + ROUTE + "?period=" + every + "&delay=" + every).routeId(ROUTE)
                .autoStartup(policy.retriesAutomatically())
                .process(exchange -> horizon.giveUpPastHorizon())
                .process(exchange -> deadLetters.resolveAlreadyDelivered())
                .process(exchange -> exchange.getIn().setBody(claimDue()))
                .split(body())
                    .process(exchange -> send(exchange.getIn().getBody(Round.class)))
                .end();
    }

    /** Takes the due records (each once, even with several hubs on one store) and groups them by college and flow. */
    List<Round> claimDue() {
        Instant now = clock.instant();
        List<DeadLetters.Due> due = deadLetters.due(now, MOST_PER_TICK);
        if (due.isEmpty()) {
            return List.of();
        }
        // the retry's outcome replaces the letter; one not sent now (in flight elsewhere) is taken again after the
        // window in which the publisher itself treats a published record as in flight
        Set<Long> claimed = deadLetters.claim(due.stream().map(DeadLetters.Due::id).toList(), now,
                now.plus(properties.sync().inFlightWindow()));
        Map<String, Round> rounds = new LinkedHashMap<>();
        for (DeadLetters.Due letter : due) {
            if (claimed.contains(letter.id())) {
                rounds.computeIfAbsent(letter.collegeId() + '|' + letter.flow(),
                                key -> new Round(letter.collegeId(), letter.flow(), new LinkedHashSet<>()))
                        .records().add(ChangePublisher.Selection.id(letter.target(), letter.entityType(), letter.entityKey()));
            }
        }
        return new ArrayList<>(rounds.values());
    }

    private void send(Round round) {
        long runId = republish.publish(round.collegeId(), round.flow(), TRIGGER, round.records().size(),
                new ChangePublisher.Selection(round.records()));
        log.info("{} {}: автоматическая повторная отправка {} записей, запуск {}", round.collegeId(), round.flow(), round.records().size(), runId);
    }
}
