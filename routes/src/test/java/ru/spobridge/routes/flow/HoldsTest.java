package ru.spobridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldsTest {

    @ParameterizedTest(name = "{0} of {1} at {2}: held {3}")
    @CsvSource({
            "10, 100, 0.10, false",
            "11, 100, 0.10, true",
            "9, 100, 0.10, false",
            "64, 640, 0.10, false",
            "65, 640, 0.10, true",
            "1, 10, 0.10, false",
            "2, 10, 0.10, true",
            "0, 0, 0.10, false",
            "1, 0, 0.10, true",
            "3, 10, 0.30, false",
            "1, 1, 1.00, false",
            "1, 1000, 0.00, true",
    })
    void removing_exactly_the_share_is_applied_and_one_record_more_is_held(long removed, long base, double share, boolean held) {
        assertThat(Holds.removesTooMany(removed, base, share)).isEqualTo(held);
    }
}
