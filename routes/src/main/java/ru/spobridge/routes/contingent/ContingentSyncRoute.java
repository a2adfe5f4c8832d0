package ru.spobridge.routes.contingent;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.contingent.ContingentReadException;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.delivery.PublishRoute;

/**
 * Contingent, ИС «Контингент» → bus: read (retried with backoff) → hold if unsafe → map and check per record →
 * store canonical state → detect changes per target → publish batches. Delivery is
 * {@link ru.spobridge.routes.delivery.DeliveryRoute}. An approved held run and a repair enter at their own steps.
 */
@Component
public class ContingentSyncRoute extends RouteBuilder {

    public static final String ENTRY = "direct:contingent-sync";
    /** Applies a read (a fresh one, or a held one an operator approved). */
    public static final String APPLY = "direct:contingent-apply";
    /** Publishes what the targets lack, without reading (after a repair). */
    public static final String PUBLISH = PublishRoute.ENTRY;

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
                    .onWhen(exchange -> exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ContingentReadException.class).isTransient())
                    .maximumRedeliveries(policy.readAttempts() - 1)
                    .redeliveryDelay(policy.readDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(policy.multiplier())
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
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
                    .setHeader(ContingentSync.HELD, method(ContingentSync.class, "holdIfUnsafe"))
                    .filter(header(ContingentSync.HELD).isEqualTo(false))
                        .to(APPLY)
                    .end()
                    .bean(ContingentSync.class, "finish")
                .end();

        from(APPLY).routeId("contingent-apply")
                .onException(Exception.class)
                    .logStackTrace(false).logExhausted(false)
                    .handled(true)
                    .bean(ContingentSync.class, "failed")
                .end()
                .bean(ContingentSync.class, "intake")
                .setHeader(PublishRoute.FLOW, constant(ContingentIntake.FLOW))
                .to(PUBLISH);

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
