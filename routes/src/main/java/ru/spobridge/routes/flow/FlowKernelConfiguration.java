package ru.spobridge.routes.flow;

import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.config.region.CollegeResolver;
import ru.spobridge.routes.config.region.SecretLookup;
import ru.spobridge.routes.delivery.PlatformTarget;
import ru.spobridge.routes.store.CollegeStore;
import ru.spobridge.routes.store.HubInstances;

/**
 * Wires the per-college routes: the registry publishes the colleges (static and stored) once Camel has started and
 * makes their routes; a poller follows changes made on other instances.
 */
@Configuration(proxyBeanMethods = false)
public class FlowKernelConfiguration {

    @Bean
    CollegeRoutes collegeRoutes(CamelContext camel, List<Flow> flows, HubProperties properties) {
        return new CollegeRoutes(camel, flows, properties.sync().schedules());
    }

    @Bean
    CollegeResolver collegeResolver(SecretLookup secrets, Validator validator, List<PlatformTarget> platforms) {
        return new CollegeResolver(secrets, validator, platforms.stream().map(PlatformTarget::name).collect(Collectors.toSet()));
    }

    @Bean
    CollegeRegistry collegeRegistry(CollegeStore store, Colleges colleges, CollegeRoutes routes, CollegeResolver resolver,
                                    HubProperties properties, @Value("${spo.regions.directory:./config/regions}") Path regionsDirectory) {
        return new CollegeRegistry(store, colleges, routes, resolver, properties, regionsDirectory);
    }

    /**
     * This hub among those sharing the store: {@code spo.instance.id}, by default host:port — stable across restarts
     * (a restarted hub closes its own runs at once) and distinct between hubs (one never closes another's live runs).
     */
    @Bean
    HubInstances hubInstances(NamedParameterJdbcTemplate jdbc, Clock clock, @Value("${spo.instance.id:}") String configured,
                              @Value("${server.port:8080}") int port) {
        String id = configured.isBlank() ? hostName() + ":" + port : configured.trim();
        return new HubInstances(jdbc, clock, id.length() > 100 ? id.substring(0, 100) : id);
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return fromEnvironment == null || fromEnvironment.isBlank() ? "spo-bridge" : fromEnvironment;
        }
    }

    @Bean
    CollegeSettingsPoller collegeSettingsPoller(CollegeRegistry registry, @Value("${spo.sync.settings-refresh:5s}") Duration refresh) {
        return new CollegeSettingsPoller(registry, refresh);
    }

    @Bean
    CamelContextConfiguration collegeRoutesAtStart(CollegeRegistry registry, CollegeSettingsPoller poller) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                registry.start();
                poller.start();
            }
        };
    }
}
