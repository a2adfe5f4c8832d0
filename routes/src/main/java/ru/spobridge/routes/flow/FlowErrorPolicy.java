package ru.spobridge.routes.flow;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.connectors.contingent.ContingentReadException;
import ru.spobridge.routes.config.HubProperties;

/**
 * The error policy of every flow, declared once and referenced by route configuration id:
 * {@link #SOURCE_READ} retries a transient source failure with exponential backoff; {@link #FLOW_STEP} marks the run
 * failed and keeps its records (nothing of a failed run is published). A source route uses both.
 */
@Component
public class FlowErrorPolicy extends RouteConfigurationBuilder {

    public static final String SOURCE_READ = "source-read";
    public static final String FLOW_STEP = "flow-step";
    /** For a route that reads a source and then runs its steps. */
    public static final String SOURCE_THEN_STEPS = SOURCE_READ + "," + FLOW_STEP;

    private final HubProperties properties;
    private final FlowRuns runs;

    public FlowErrorPolicy(HubProperties properties, FlowRuns runs) {
        this.properties = properties;
        this.runs = runs;
    }

    @Override
    public void configuration() {
        HubProperties.DeliverySettings policy = properties.delivery();
        routeConfiguration(SOURCE_READ)
                .onException(TransientTargetException.class, ContingentReadException.class)
                    .onWhen(exchange -> isTransientSourceFailure(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                    .maximumRedeliveries(policy.readAttempts() - 1)
                    .redeliveryDelay(policy.readDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(policy.multiplier())
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .logStackTrace(false).logExhausted(false).logRetryStackTrace(false)
                    .handled(true)
                    .process(runs::failed);

        routeConfiguration(FLOW_STEP)
                .onException(Exception.class)
                    .logStackTrace(false).logExhausted(false)
                    .handled(true)
                    .process(runs::failed);
    }

    /** A source that answered "try later": a network failure, a timeout, a 5xx or 429. */
    public static boolean isTransientSourceFailure(Throwable failure) {
        return failure instanceof TransientTargetException
                || failure instanceof ContingentReadException read && read.isTransient();
    }
}
