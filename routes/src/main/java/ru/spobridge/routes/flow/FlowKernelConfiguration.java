package ru.spobridge.routes.flow;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;

/** Wires the per-college routes: made for every configured college once Camel has started. */
@Configuration(proxyBeanMethods = false)
public class FlowKernelConfiguration {

    @Bean
    CollegeRoutes collegeRoutes(CamelContext camel, List<Flow> flows, HubProperties properties) {
        return new CollegeRoutes(camel, flows, properties.sync().schedules());
    }

    @Bean
    CamelContextConfiguration collegeRoutesAtStart(CollegeRoutes routes, Colleges colleges) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                colleges.ids().forEach(id -> routes.apply(id, colleges.settings(id)));
            }
        };
    }
}
