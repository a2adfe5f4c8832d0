package ru.spobridge.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import ru.spobridge.simulators.contingent.ContingentSimulator;
import ru.spobridge.simulators.epos.EposSimulator;

class SimulatorsAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SimulatorsAutoConfiguration.class));

    @Test
    void simulators_stay_off_unless_enabled() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ContingentSimulator.class);
            assertThat(context).doesNotHaveBean(EposSimulator.class);
        });
    }

    @Test
    void defaults_follow_the_contracts() {
        runner.withPropertyValues("spo.simulators.enabled=true").run(context -> {
            SimulatorProperties properties = context.getBean(SimulatorProperties.class);
            assertThat(properties.contingent().tokenTtl()).hasSeconds(3600);
            assertThat(properties.epos().batchLimit()).isEqualTo(500);
            assertThat(properties.epos().rateLimitPerSecond()).isEqualTo(5);
            assertThat(properties.epos().clients()).isEmpty();
            assertThat(properties.demo().enabled()).isFalse();
            assertThat(properties.demo().ogrn()).isEqualTo("1025900000017");
            assertThat(properties.demo().students()).isEqualTo(640);
            assertThat(properties.demo().groups()).isEqualTo(27);
            assertThat(properties.demo().seed()).isEqualTo(42L);
            assertThat(properties.retryAfterSeconds()).isEqualTo(1);
            assertThat(context).hasSingleBean(EposSimulator.class);
        });
    }

    @Test
    void a_wrong_setting_fails_the_start_naming_the_property() {
        runner.withPropertyValues("spo.simulators.enabled=true", "spo.simulators.epos.batch-limit=0")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("batchLimit"));
    }
}
