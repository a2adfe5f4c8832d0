package ru.spobridge.simulators.journal;

import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.SimulatorsAutoConfiguration;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.faults.FaultControlEndpoints;
import ru.spobridge.simulators.faults.FaultFilter;
import ru.spobridge.simulators.faults.FaultFlavour;
import ru.spobridge.simulators.faults.FaultInjector;

/** Beans of the college journal simulator; imported by the auto-configuration only (not scanned). */
public class JournalSimulatorBeans {

    @Bean
    public JournalSimulator journalSimulator(SimulatorProperties properties, ObjectProvider<Clock> clocks) {
        SimulatorProperties.Journal settings = properties.journal();
        return new JournalSimulator(new FaultInjector(), new TokenRegistry(settings.clients(), settings.tokenTtl(),
                SimulatorsAutoConfiguration.clockOf(clocks)));
    }

    /** Faults the change feed; the token endpoint and the control API are never faulted. */
    @Bean
    public FilterRegistrationBean<FaultFilter> journalSimFaultFilter(JournalSimulator simulator,
                                                                    SimulatorProperties properties) {
        FaultFilter filter = new FaultFilter(simulator.faults(), FaultFlavour.REST, properties.retryAfterSeconds(),
                request -> !request.getRequestURI().endsWith(JournalEndpoints.TOKEN));
        return filter.registration("journalSimFaultFilter", JournalSimulator.API + "*");
    }

    @Bean
    public RouterFunction<ServerResponse> journalSimRoutes(JournalSimulator simulator) {
        FaultControlEndpoints control = new FaultControlEndpoints(simulator.faults(),
                () -> Map.of("changeRequests", simulator.requests()), simulator::reset);
        return new JournalEndpoints(simulator).routes().and(control.routes(JournalSimulator.BASE));
    }
}
