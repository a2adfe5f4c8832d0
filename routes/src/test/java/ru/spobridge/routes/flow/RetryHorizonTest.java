package ru.spobridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import ru.spobridge.routes.config.HubProperties;

class RetryHorizonTest {

    private static HubProperties.DeliverySettings policy(Duration giveUpAfter) {
        return new HubProperties.DeliverySettings(0, null, 0, null, null, 0, null, null, null, null, null, null, null, null, giveUpAfter);
    }

    @ParameterizedTest(name = "round {0} waits {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 480", "6, 600", "40, 600"})
    void automatic_retries_wait_thirty_seconds_then_twice_as_long_each_round_up_to_ten_minutes(int round, long seconds) {
        assertThat(RetryHorizon.backoff(policy(null), round)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void the_defaults_retry_for_a_day_every_thirty_seconds_and_a_zero_horizon_turns_retry_off() {
        HubProperties.DeliverySettings defaults = policy(null);
        assertThat(defaults.giveUpAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.retryEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.retriesAutomatically()).isTrue();
        assertThat(policy(Duration.ZERO).retriesAutomatically()).isFalse();
        assertThatThrownBy(() -> policy(Duration.ofSeconds(-1))).hasMessageContaining("give-up-after");
    }
}
