package ru.spobridge.simulators.state;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.aisepo.AisEpoSimulator;
import ru.spobridge.simulators.epos.EposSimulator;
import ru.spobridge.simulators.eposschool.EposSchoolSimulator;
import ru.spobridge.simulators.sgo.SgoSimulator;

/**
 * The platform simulators' state kept in files when {@code spo.simulators.state-directory} is set (the demo sets
 * ./data/simulators; tests leave it unset). Imported by the auto-configuration only.
 */
@ConditionalOnProperty(prefix = "spo.simulators", name = "state-directory")
public class PlatformStateBeans {

    /** Long enough to write once for a burst of batches, short enough that a stopped demo has written. */
    static final Duration WRITE_DELAY = Duration.ofMillis(500);

    @Bean(destroyMethod = "close")
    public PlatformStateFiles platformStateFiles(SimulatorProperties properties, EposSimulator epos, SgoSimulator sgo,
                                                 AisEpoSimulator aisepo, EposSchoolSimulator school) {
        PlatformStateFiles files = new PlatformStateFiles(Path.of(properties.stateDirectory()), WRITE_DELAY,
                epos, sgo, aisepo, school);
        files.load();
        return files;
    }

    @Bean
    public FilterRegistrationBean<StateChangeFilter> platformStateChangeFilter(PlatformStateFiles files) {
        FilterRegistrationBean<StateChangeFilter> registration = new FilterRegistrationBean<>(new StateChangeFilter(files));
        registration.addUrlPatterns(EposSimulator.BASE + "/*", SgoSimulator.BASE + "/*", AisEpoSimulator.BASE + "/*",
                EposSchoolSimulator.BASE + "/*");
        registration.setName("platformStateChangeFilter");
        return registration;
    }
}
