package ru.spobridge.simulators.contingent;

import java.time.Clock;
import java.util.Map;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.SimulatorsAutoConfiguration;
import ru.spobridge.simulators.auth.TokenEndpoint;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;
import ru.spobridge.simulators.contingent.demo.DemoSchool;
import ru.spobridge.simulators.faults.FaultControlEndpoints;
import ru.spobridge.simulators.faults.FaultFilter;
import ru.spobridge.simulators.faults.FaultFlavour;
import ru.spobridge.simulators.faults.FaultInjector;
import ru.spobridge.simulators.web.JsonBodies;

/** Beans of the Контингент simulator; imported by the auto-configuration only (no stereotype: not scanned). */
public class ContingentSimulatorBeans {

    private static final Logger log = LoggerFactory.getLogger(ContingentSimulatorBeans.class);
    private static final String BASE = "/contingent-sim";

    @Bean
    public ContingentSimulator contingentSimulator(SimulatorProperties properties, ObjectProvider<Clock> clocks) {
        Clock clock = SimulatorsAutoConfiguration.clockOf(clocks);
        TokenRegistry tokens = new TokenRegistry(properties.contingent().clients(),
                properties.contingent().tokenTtl(), clock);
        ContingentSimulator simulator = new ContingentSimulator(clock, new FaultInjector(), tokens);
        seedDemo(simulator, properties);
        return simulator;
    }

    @Bean
    public ContingentSoapEndpoint contingentSimSoapEndpoint(ContingentSimulator simulator) {
        return new ContingentSoapEndpoint(new ContingentSoapService(simulator));
    }

    @Bean
    public ServletRegistrationBean<CXFNonSpringServlet> contingentSimServlet(ContingentSoapEndpoint endpoint) {
        ServletRegistrationBean<CXFNonSpringServlet> registration =
                new ServletRegistrationBean<>(endpoint.servlet(), ContingentSoapEndpoint.SERVLET_MAPPING);
        registration.setName("contingentSimServlet");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<FaultFilter> contingentSimFaultFilter(ContingentSimulator simulator,
                                                                       SimulatorProperties properties) {
        // the WSDL is documentation, not data: never faulted
        FaultFilter filter = new FaultFilter(simulator.faults(), FaultFlavour.SOAP, properties.retryAfterSeconds(),
                request -> !isWsdlRequest(request.getQueryString()));
        return filter.registration("contingentSimFaultFilter", ContingentSoapEndpoint.SERVLET_MAPPING);
    }

    @Bean
    public RouterFunction<ServerResponse> contingentSimRoutes(ContingentSimulator simulator,
                                                              SimulatorProperties properties) {
        TokenEndpoint token = new TokenEndpoint(simulator.tokens(), "access_token");
        FaultControlEndpoints control = new FaultControlEndpoints(simulator.faults(),
                () -> Map.of("getStudentsCalls", simulator.getStudentsCalls()),
                () -> {
                    simulator.reset();
                    seedDemo(simulator, properties);
                });
        return RouterFunctions.route()
                .POST(BASE + "/integration/v1/token", token::handle)
                .POST(BASE + "/_control/change", request -> change(simulator, request))
                .build()
                .and(control.routes(BASE));
    }

    /**
     * {@code POST /_control/change?ogrn=…&percent=1&seed=…}: changes that share of a college's students; answers
     * how many, their externalIds and the instant they were stamped with.
     */
    private static ServerResponse change(ContingentSimulator simulator, ServerRequest request) {
        String ogrn = request.param("ogrn").orElse(null);
        if (ogrn == null || !simulator.knows(ogrn)) {
            return JsonBodies.json(404, JsonBodies.error(404, "UNKNOWN_ORG", "Организация с указанным ОГРН не найдена"));
        }
        double percent;
        long seed;
        try {
            percent = Double.parseDouble(request.param("percent").orElse("1"));
            seed = Long.parseLong(request.param("seed").orElse("1"));
            ContingentSimulator.Change change = simulator.change(ogrn, percent, seed);
            return JsonBodies.json(200, Map.of("changed", change.changed(), "movements", change.movements(),
                    "externalIds", change.externalIds(), "at", change.at().toString()));
        } catch (IllegalArgumentException e) {
            return JsonBodies.json(400, JsonBodies.error(400, "MALFORMED",
                    "percent — число от 0 до 100, seed — целое число"));
        }
    }

    private static boolean isWsdlRequest(String query) {
        String lower = query == null ? "" : query.toLowerCase();
        return lower.startsWith("wsdl") || lower.startsWith("xsd");
    }

    private static void seedDemo(ContingentSimulator simulator, SimulatorProperties properties) {
        if (!properties.demo().enabled()) {
            return;
        }
        for (SimulatorProperties.College settings : properties.demo().colleges()) {
            DemoCollege college = settings.school()
                    ? DemoSchool.generate(settings.ogrn(), settings.students(), settings.groups(), settings.seed())
                    : DemoContingent.generate(settings.ogrn(), settings.students(), settings.groups(), settings.seed(),
                            settings.movements());
            college.groups().forEach(group -> simulator.putGroup(college.ogrn(), group));
            college.students().forEach(student -> simulator.putStudent(college.ogrn(), student));
            college.movements().forEach(movement -> simulator.addMovement(college.ogrn(), movement));
            log.info("Контингент simulator seeded demo college: ogrn={} groups={} students={} movements={}"
                            + " deliberatelyInvalid={}", college.ogrn(), college.groups().size(),
                    college.students().size(), college.movements().size(), college.invalidFieldByExternalId().size());
        }
    }
}
