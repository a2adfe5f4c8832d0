package ru.spobridge.simulators.epos;

import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.SimulatorsAutoConfiguration;
import ru.spobridge.simulators.auth.TokenEndpoint;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.faults.FaultControlEndpoints;
import ru.spobridge.simulators.faults.FaultFilter;
import ru.spobridge.simulators.faults.FaultFlavour;
import ru.spobridge.simulators.faults.FaultInjector;

/** Beans of the ЭПОС.СПО simulator; imported by the auto-configuration only (no stereotype: not scanned). */
public class EposSimulatorBeans {

    private static final String TOKEN_PATH = EposEndpoints.API + "token";

    @Bean
    public EposSimulator eposSimulator(SimulatorProperties properties, ObjectProvider<Clock> clocks) {
        Clock clock = SimulatorsAutoConfiguration.clockOf(clocks);
        TokenRegistry tokens = new TokenRegistry(properties.epos().clients(), properties.epos().tokenTtl(), clock);
        return new EposSimulator(clock, new FaultInjector(), tokens, properties.epos());
    }

    @Bean
    public FilterRegistrationBean<FaultFilter> eposSimFaultFilter(EposSimulator simulator,
                                                                 SimulatorProperties properties) {
        FaultFilter filter = new FaultFilter(simulator.faults(), FaultFlavour.REST, properties.retryAfterSeconds(),
                request -> !request.getRequestURI().endsWith(TOKEN_PATH));
        FilterRegistrationBean<FaultFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("eposSimFaultFilter");
        registration.addUrlPatterns(EposEndpoints.API + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    public RouterFunction<ServerResponse> eposSimRoutes(EposSimulator simulator, SimulatorProperties properties) {
        TokenEndpoint token = new TokenEndpoint(simulator.tokens(), "auth_token");
        FaultControlEndpoints control = new FaultControlEndpoints(simulator.faults(),
                () -> Map.of("replayedRequests", simulator.replayedRequests()), simulator::reset);
        return RouterFunctions.route()
                .POST(TOKEN_PATH, token::handle)
                .build()
                .and(new EposEndpoints(simulator, properties.retryAfterSeconds()).routes())
                .and(control.routes(EposEndpoints.BASE));
    }
}
