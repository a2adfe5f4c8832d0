package ru.spobridge.simulators.journal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.SimulatorsAutoConfiguration;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.faults.FaultControlEndpoints;
import ru.spobridge.simulators.faults.FaultFilter;
import ru.spobridge.simulators.faults.FaultFlavour;
import ru.spobridge.simulators.faults.FaultInjector;
import ru.spobridge.simulators.web.JsonBodies;

/** Beans of the college journal simulator; imported by the auto-configuration only (not scanned). */
public class JournalSimulatorBeans {

    private static final Logger log = LoggerFactory.getLogger(JournalSimulatorBeans.class);

    @Bean
    public JournalSimulator journalSimulator(SimulatorProperties properties, ObjectProvider<Clock> clocks) {
        SimulatorProperties.Journal settings = properties.journal();
        JournalSimulator simulator = new JournalSimulator(new FaultInjector(), new TokenRegistry(settings.clients(), settings.tokenTtl(),
                SimulatorsAutoConfiguration.clockOf(clocks)));
        seedDemo(simulator, settings);
        return simulator;
    }

    private static void seedDemo(JournalSimulator simulator, SimulatorProperties.Journal settings) {
        for (String college : settings.demoColleges()) {
            log.info("Journal simulator seeded demo lesson entries: college={} lessons={}", college, JournalDemo.seed(simulator, college));
        }
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
    public RouterFunction<ServerResponse> journalSimRoutes(JournalSimulator simulator, ObjectProvider<Clock> clocks,
                                                          SimulatorProperties properties) {
        Clock clock = SimulatorsAutoConfiguration.clockOf(clocks);
        FaultControlEndpoints control = new FaultControlEndpoints(simulator.faults(),
                () -> Map.of("changeRequests", simulator.requests()), () -> {
                    simulator.reset();
                    seedDemo(simulator, properties.journal());
                });
        return new JournalEndpoints(simulator).routes().and(control.routes(JournalSimulator.BASE))
                .and(RouterFunctions.route().POST(JournalSimulator.BASE + "/_control/seed", request -> seed(simulator, clock, request)).build());
    }

    /**
     * {@code POST /journal-sim/_control/seed}, body {@code {"college":…, "date":"2026-11-27", "marks":N, "absences":M,
     * "students":[{"id":…, "group":…}, …]}}: a day of marks and absences of those students at once.
     */
    private static ServerResponse seed(JournalSimulator simulator, Clock clock, ServerRequest request) {
        try {
            JsonNode body = JsonBodies.MAPPER.readTree(request.servletRequest().getInputStream());
            List<JournalSimulator.Pupil> pupils = new ArrayList<>();
            body.path("students").forEach(student -> pupils.add(new JournalSimulator.Pupil(student.path("id").asText(),
                    student.path("group").asText())));
            int seeded = simulator.seedDay(body.path("college").asText(), LocalDate.parse(body.path("date").asText()),
                    body.path("marks").asInt(), body.path("absences").asInt(), pupils, clock.instant());
            return JsonBodies.json(200, Map.of("seeded", seeded));
        } catch (IOException | RuntimeException e) {
            return JsonBodies.json(400, JsonBodies.error(400, "MALFORMED",
                    "Ожидается college, date (ГГГГ-ММ-ДД), marks, absences и непустой список students"));
        }
    }
}
