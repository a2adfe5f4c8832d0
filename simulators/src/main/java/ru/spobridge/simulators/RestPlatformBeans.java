package ru.spobridge.simulators;

import java.time.Clock;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.epos.EposSimulator;
import ru.spobridge.simulators.eposschool.EposSchoolSimulator;
import ru.spobridge.simulators.faults.FaultFilter;
import ru.spobridge.simulators.faults.FaultInjector;
import ru.spobridge.simulators.platform.PlatformEndpoints;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.aisepo.AisEpoSimulator;
import ru.spobridge.simulators.sgo.SgoSimulator;

/** Beans of the ЭПОС.СПО, СГО, АИС ЭПО and ИАС «ЭПОС» (schools) simulators; imported by the auto-configuration only (not scanned). */
public class RestPlatformBeans {

    /** The constructor every platform simulator has. */
    private interface Constructor<T extends PlatformSimulator> {
        T create(Clock clock, FaultInjector faults, TokenRegistry tokens, SimulatorProperties.Platform settings);
    }

    @Bean
    public EposSimulator eposSimulator(SimulatorProperties properties, ObjectProvider<Clock> clocks) {
        return simulator(EposSimulator::new, properties.epos(), clocks);
    }

    @Bean
    public SgoSimulator sgoSimulator(SimulatorProperties properties, ObjectProvider<Clock> clocks) {
        return simulator(SgoSimulator::new, properties.sgo(), clocks);
    }

    @Bean
    public AisEpoSimulator aisepoSimulator(SimulatorProperties properties, ObjectProvider<Clock> clocks) {
        return simulator(AisEpoSimulator::new, properties.aisepo(), clocks);
    }

    @Bean
    public EposSchoolSimulator eposSchoolSimulator(SimulatorProperties properties, ObjectProvider<Clock> clocks) {
        return simulator(EposSchoolSimulator::new, properties.eposSchool(), clocks);
    }

    /** One filter per platform: each has its own fault injector and URL space. */
    @Bean
    public FilterRegistrationBean<FaultFilter> eposSimFaultFilter(EposSimulator epos, SimulatorProperties properties) {
        return new PlatformEndpoints(epos, properties.retryAfterSeconds()).faultFilter();
    }

    @Bean
    public FilterRegistrationBean<FaultFilter> sgoSimFaultFilter(SgoSimulator sgo, SimulatorProperties properties) {
        return new PlatformEndpoints(sgo, properties.retryAfterSeconds()).faultFilter();
    }

    @Bean
    public FilterRegistrationBean<FaultFilter> aisepoSimFaultFilter(AisEpoSimulator aisepo, SimulatorProperties properties) {
        return new PlatformEndpoints(aisepo, properties.retryAfterSeconds()).faultFilter();
    }

    @Bean
    public FilterRegistrationBean<FaultFilter> eposSchoolSimFaultFilter(EposSchoolSimulator school,
                                                                         SimulatorProperties properties) {
        return new PlatformEndpoints(school, properties.retryAfterSeconds()).faultFilter();
    }

    @Bean
    public RouterFunction<ServerResponse> restPlatformSimRoutes(EposSimulator epos, SgoSimulator sgo,
                                                                AisEpoSimulator aisepo, EposSchoolSimulator school,
                                                                SimulatorProperties properties) {
        return Stream.<PlatformSimulator>of(epos, sgo, aisepo, school)
                .map(simulator -> new PlatformEndpoints(simulator, properties.retryAfterSeconds()).routes())
                .reduce(RouterFunction::and)
                .orElseThrow();
    }

    private static <T extends PlatformSimulator> T simulator(Constructor<T> constructor,
                                                             SimulatorProperties.Platform settings,
                                                             ObjectProvider<Clock> clocks) {
        Clock clock = SimulatorsAutoConfiguration.clockOf(clocks);
        return constructor.create(clock, new FaultInjector(),
                new TokenRegistry(settings.clients(), settings.tokenTtl(), clock), settings);
    }
}
