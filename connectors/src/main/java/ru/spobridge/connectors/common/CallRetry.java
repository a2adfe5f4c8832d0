package ru.spobridge.connectors.common;

import java.util.function.Supplier;

/**
 * How a client repeats one call that failed for a passing reason (one page of a long read, not the whole read). The
 * policy — how often, how long between, which failures — is the route layer's; a client only says where to apply it.
 */
public interface CallRetry {

    /** Each call once: a failure goes to the caller at once. */
    CallRetry ONCE = new CallRetry() {
        @Override
        public <T> T call(Supplier<T> call) {
            return call.get();
        }
    };

    <T> T call(Supplier<T> call);
}
