package ru.spobridge.routes.flow;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.Supplier;
import ru.spobridge.connectors.common.CallRetry;
import ru.spobridge.routes.config.HubProperties;

/**
 * The kernel's retry of one source call (a page of a long read): the read policy's attempts and backoff, applied to
 * the failed page only, so that a source failing a fifth of the time still gets read through. A page that keeps
 * failing ends the read, and the "source-read" route policy takes over.
 */
public final class SourceCallRetry implements CallRetry {

    private final Retry retry;

    public SourceCallRetry(String name, HubProperties.DeliverySettings policy) {
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(Math.max(1, policy.readAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(policy.readDelay(), policy.multiplier(),
                        policy.jitter() <= 0 ? 0.000001 : policy.jitter(), policy.maxDelay()))
                .retryOnException(FlowErrorPolicy::isTransientSourceFailure)
                .build());
    }

    @Override
    public <T> T call(Supplier<T> call) {
        return Retry.decorateSupplier(retry, call).get();
    }
}
