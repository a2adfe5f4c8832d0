package ru.spobridge.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import ru.spobridge.simulators.asc.AscSimulator;
import ru.spobridge.simulators.contingent.ContingentSimulator;
import ru.spobridge.simulators.epos.EposSimulator;
import ru.spobridge.simulators.aisepo.AisEpoSimulator;
import ru.spobridge.simulators.sgo.SgoSimulator;
import ru.spobridge.simulators.state.PlatformStateFiles;
import ru.spobridge.simulators.journal.JournalSimulator;
import ru.spobridge.simulators.zup.ZupSimulator;

class SimulatorsAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SimulatorsAutoConfiguration.class));

    @Test
    void simulators_stay_off_unless_enabled() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ContingentSimulator.class);
            assertThat(context).doesNotHaveBean(EposSimulator.class);
            assertThat(context).doesNotHaveBean(AscSimulator.class);
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
            assertThat(properties.demo().colleges()).containsExactly(
                    new SimulatorProperties.College("1025900000015", 640, 27, 42, 40, false));
            assertThat(properties.sgo().tokenTtl()).hasSeconds(900);
            assertThat(properties.sgo().batchLimit()).isEqualTo(500);
            assertThat(properties.sgo().rateLimitPerSecond()).isEqualTo(10);
            assertThat(properties.aisepo().tokenTtl()).hasSeconds(3600);
            assertThat(properties.aisepo().batchLimit()).isEqualTo(300);
            assertThat(properties.aisepo().rateLimitPerSecond()).isEqualTo(5);
            assertThat(properties.retryAfterSeconds()).isEqualTo(1);
            assertThat(properties.zup().users()).isEmpty();
            assertThat(properties.zup().demo().enabled()).isFalse();
            assertThat(properties.zup().demo().staff()).isEqualTo(40);
            assertThat(context).hasSingleBean(ZupSimulator.class);
            assertThat(context).hasSingleBean(EposSimulator.class);
            assertThat(context).hasSingleBean(SgoSimulator.class);
            assertThat(context).hasSingleBean(AisEpoSimulator.class);
            assertThat(context).hasSingleBean(AscSimulator.class);
            assertThat(properties.journal().tokenTtl()).hasSeconds(3600);
            assertThat(context).hasSingleBean(JournalSimulator.class);
        });
    }

    @Test
    void several_demo_colleges_bind_with_their_own_sizes_and_defaults_for_the_rest() {
        runner.withPropertyValues("spo.simulators.enabled=true",
                        "spo.simulators.demo.colleges[0].ogrn=1025900000015",
                        "spo.simulators.demo.colleges[1].ogrn=1027400000011",
                        "spo.simulators.demo.colleges[1].students=100",
                        "spo.simulators.demo.colleges[1].movements=5")
                .run(context -> assertThat(context.getBean(SimulatorProperties.class).demo().colleges()).containsExactly(
                        new SimulatorProperties.College("1025900000015", 640, 27, 42, 40, false),
                        new SimulatorProperties.College("1027400000011", 100, 27, 42, 5, false)));
    }

    @Test
    void a_platform_setting_overrides_only_that_platform() {
        runner.withPropertyValues("spo.simulators.enabled=true", "spo.simulators.sgo.batch-limit=50")
                .run(context -> {
                    SimulatorProperties properties = context.getBean(SimulatorProperties.class);
                    assertThat(properties.sgo().batchLimit()).isEqualTo(50);
                    assertThat(properties.sgo().tokenTtl()).hasSeconds(900);
                    assertThat(properties.epos().batchLimit()).isEqualTo(500);
                });
    }

    @Test
    void a_wrong_setting_fails_the_start_naming_the_property() {
        runner.withPropertyValues("spo.simulators.enabled=true", "spo.simulators.epos.batch-limit=0")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().hasStackTraceContaining("batchLimit"));
    }

    @Test
    void platform_state_is_kept_in_files_only_when_a_directory_is_set(@TempDir Path directory) {
        runner.withPropertyValues("spo.simulators.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(PlatformStateFiles.class));
        runner.withPropertyValues("spo.simulators.enabled=true", "spo.simulators.state-directory=" + directory)
                .run(context -> assertThat(context).hasSingleBean(PlatformStateFiles.class));
    }
}
