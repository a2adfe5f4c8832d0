package ru.spobridge.simulators;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Bare application the simulators plug into, as they plug into the hub. */
@SpringBootApplication
public class SimulatorsTestApplication {

    @Bean
    MovableClock movableClock() {
        return new MovableClock();
    }
}
