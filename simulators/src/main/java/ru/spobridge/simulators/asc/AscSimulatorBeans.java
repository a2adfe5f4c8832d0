package ru.spobridge.simulators.asc;

import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.faults.FaultControlEndpoints;
import ru.spobridge.simulators.faults.FaultFilter;
import ru.spobridge.simulators.faults.FaultFlavour;
import ru.spobridge.simulators.faults.FaultInjector;

/** Beans of the aSc Timetables export stand-in; imported by the auto-configuration only (not scanned). */
public class AscSimulatorBeans {

    @Bean
    public AscSimulator ascSimulator() {
        return new AscSimulator(new FaultInjector());
    }

    /** Faults the export downloads; the control API is never faulted. */
    @Bean
    public FilterRegistrationBean<FaultFilter> ascSimFaultFilter(AscSimulator simulator,
                                                                SimulatorProperties properties) {
        FaultFilter filter = new FaultFilter(simulator.faults(), FaultFlavour.XML_FILE,
                properties.retryAfterSeconds(), request -> true);
        return filter.registration("ascSimFaultFilter", AscEndpoints.EXPORTS + "*");
    }

    @Bean
    public RouterFunction<ServerResponse> ascSimRoutes(AscSimulator simulator) {
        FaultControlEndpoints control = new FaultControlEndpoints(simulator.faults(),
                () -> Map.of("published", simulator.published(), "downloads", simulator.downloads(),
                        "notModified", simulator.notModified()),
                simulator::reset);
        return new AscEndpoints(simulator).routes().and(control.routes(AscSimulator.BASE));
    }
}
