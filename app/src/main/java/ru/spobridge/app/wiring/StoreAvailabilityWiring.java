package ru.spobridge.app.wiring;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Checks the store before the actions that start a run (see {@link StoreAvailabilityCheck}). */
@Configuration(proxyBeanMethods = false)
public class StoreAvailabilityWiring implements WebMvcConfigurer {

    private final JdbcTemplate jdbc;

    public StoreAvailabilityWiring(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StoreAvailabilityCheck(jdbc)).addPathPatterns(StoreAvailabilityCheck.RUN_ACTIONS);
    }
}
