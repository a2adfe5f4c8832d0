package ru.spobridge.routes.contingent;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.contingent.ContingentReadException;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.BatchCodec;
import ru.spobridge.routes.delivery.ChangePublisher;

/**
 * Contingent, ИС «Контингент» → bus: read (retried with backoff) → map and check per record → store canonical
 * state → detect changes per target → publish batches. Delivery is {@link ru.spobridge.routes.delivery.DeliveryRoute}.
 */
@Component
public class ContingentSyncRoute extends RouteBuilder {

    public static final String ENTRY = "direct:contingent-sync";

    private final HubProperties properties;
    private final Colleges colleges;

    public ContingentSyncRoute(HubProperties properties, Colleges colleges) {
        this.properties = properties;
        this.colleges = colleges;
    }

    @Override
    public void configure() {
        HubProperties.DeliverySettings policy = properties.delivery();

        from(ENTRY).routeId("contingent-sync")
                .onException(ContingentReadException.class)
                    .onWhen(exchange -> exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, ContingentReadException.class).isTransient())
                    .maximumRedeliveries(policy.readAttempts() - 1)
                    .redeliveryDelay(policy.readDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(policy.multiplier())
                    .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                    .logStackTrace(false).logExhausted(false)
                    .handled(true)
                    .bean(ContingentSync.class, "failed")
                .end()
                .onException(Exception.class)
                    .logStackTrace(false).logExhausted(false)
                    .handled(true)
                    .bean(ContingentSync.class, "failed")
                .end()
                .bean(ContingentSync.class, "start")
                .filter(body().isNotNull())
                    .setHeader(ContingentSync.RUN, body())
                    .bean(ContingentSync.class, "read")
                    .bean(ContingentSync.class, "intake")
                    .bean(ChangePublisher.class, "batches(${header.spoCollegeId}, ${header.spoRunId}, 'contingent')")
                    .split(body())
                        .setHeader("spoTarget", simple("${body.target}"))
                        // one college's batches stay in order on the broker (Artemis message groups)
                        .setHeader("JMSXGroupID", simple("${body.collegeId}"))
                        .bean(BatchCodec.class, "encode")
                        // fire and forget: delivery reports back through the store, never as a reply
                        .setExchangePattern(org.apache.camel.ExchangePattern.InOnly)
                        .toD(properties.bus().producerFor("${header.spoTarget}"))
                    .end()
                    .bean(ContingentSync.class, "finish")
                .end();

        if (properties.sync().schedules()) {
            for (String collegeId : colleges.ids()) {
                HubProperties.CollegeSettings college = colleges.settings(collegeId);
                from("quartz://contingent/" + collegeId + "?cron=" + college.contingent().schedule().replace(' ', '+')
                        + "&trigger.timeZone=" + college.zone().getId())
                        .routeId("contingent-schedule-" + collegeId)
                        .setHeader(ContingentSync.COLLEGE, constant(collegeId))
                        .setHeader(ContingentSync.TRIGGER, constant("schedule"))
                        .to(ENTRY);
            }
        }
    }
}
