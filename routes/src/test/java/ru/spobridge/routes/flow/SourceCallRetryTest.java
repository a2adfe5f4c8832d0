package ru.spobridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.connectors.contingent.ContingentReadException;
import ru.spobridge.routes.config.HubProperties;

class SourceCallRetryTest {

    private static final HubProperties.DeliverySettings FOUR_ATTEMPTS = new HubProperties.DeliverySettings(3, Duration.ofMillis(1), 2,
            Duration.ofMillis(5), Duration.ofSeconds(1), 4, Duration.ofMillis(1), 0.0, null, null, null, null, null, null, null);

    @ParameterizedTest(name = "{0} failures of kind {1} → calls {2}, answered {3}")
    @CsvSource({
            "0, 503, 1, true",
            "3, 503, 4, true",    // the fourth attempt gets the page
            "4, 503, 4, false",   // attempts spent: the read ends, the route policy takes over
            "1, 429, 2, true",
            "5, 401, 1, false",   // refused credentials are not a passing fault
            "5, MALFORMED_REQUEST, 1, false"})
    void a_page_failing_for_a_passing_reason_is_asked_for_again_and_nothing_else_is(int failures, String kind, int calls, boolean answered) {
        AtomicInteger made = new AtomicInteger();
        boolean transientFault = kind.equals("503") || kind.equals("429");
        Supplier<String> page = () -> {
            if (made.incrementAndGet() <= failures) {
                throw new ContingentReadException("HTTP_" + kind, transientFault, "ИС «Контингент» ответила " + kind, null);
            }
            return "page";
        };
        SourceCallRetry retry = new SourceCallRetry("test", FOUR_ATTEMPTS);

        if (answered) {
            assertThat(retry.call(page)).isEqualTo("page");
        } else {
            assertThatThrownBy(() -> retry.call(page)).isInstanceOf(ContingentReadException.class);
        }
        assertThat(made).hasValue(calls);
    }
}
