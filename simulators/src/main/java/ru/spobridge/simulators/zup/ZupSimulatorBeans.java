package ru.spobridge.simulators.zup;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.SimulatorsAutoConfiguration;
import ru.spobridge.simulators.faults.FaultControlEndpoints;
import ru.spobridge.simulators.faults.FaultFilter;
import ru.spobridge.simulators.faults.FaultFlavour;
import ru.spobridge.simulators.faults.FaultInjector;

/** Beans of the 1С:ЗУП OData simulator; imported by the auto-configuration only (not scanned). */
public class ZupSimulatorBeans {

    private static final Logger log = LoggerFactory.getLogger(ZupSimulatorBeans.class);

    @Bean
    public ZupSimulator zupSimulator(SimulatorProperties properties, ObjectProvider<Clock> clocks) {
        ZupSimulator simulator = new ZupSimulator(SimulatorsAutoConfiguration.clockOf(clocks), new FaultInjector(),
                properties.zup().users());
        seedDemo(simulator, properties);
        return simulator;
    }

    /** Faults every OData request; the control API is never faulted. */
    @Bean
    public FilterRegistrationBean<FaultFilter> zupSimFaultFilter(ZupSimulator simulator,
                                                                SimulatorProperties properties) {
        FaultFilter filter = new FaultFilter(simulator.faults(), FaultFlavour.ODATA, properties.retryAfterSeconds(),
                request -> !request.getRequestURI().startsWith(ZupSimulator.BASE + "/_control/"));
        return filter.registration("zupSimFaultFilter", ZupSimulator.BASE + "/*");
    }

    @Bean
    public RouterFunction<ServerResponse> zupSimRoutes(ZupSimulator simulator, SimulatorProperties properties) {
        FaultControlEndpoints control = new FaultControlEndpoints(simulator.faults(),
                () -> Map.of("odataRequests", simulator.requests()),
                () -> {
                    simulator.reset();
                    seedDemo(simulator, properties);
                });
        return new ZupODataEndpoints(simulator).routes().and(control.routes(ZupSimulator.BASE));
    }

    private static void seedDemo(ZupSimulator simulator, SimulatorProperties properties) {
        if (!properties.zup().demo().enabled()) {
            return;
        }
        for (SimulatorProperties.College college : properties.demo().colleges()) {
            ZupDemo.Seeded seeded = ZupDemo.seed(simulator, college.ogrn(), properties.zup().demo().staff(),
                    college.seed());
            log.info("ЗУП simulator seeded demo staff: ogrn={} people={} dismissals={} withoutEmail={}",
                    seeded.ogrn(), seeded.people(), seeded.dismissals(), seeded.withoutEmail().size());
        }
    }
}
