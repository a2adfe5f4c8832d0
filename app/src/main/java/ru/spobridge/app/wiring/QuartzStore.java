package ru.spobridge.app.wiring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The persistent Quartz store lives in the hub's own database, H2 or PostgreSQL: Quartz needs to be told which
 * (PostgreSQL keeps job data as bytea, which the standard delegate cannot read).
 */
@Configuration(proxyBeanMethods = false)
public class QuartzStore {

    @Bean
    SchedulerFactoryBeanCustomizer quartzDelegateForTheDatabase(QuartzProperties quartz, DataSource dataSource) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.put("org.quartz.jobStore.driverDelegateClass", isPostgres(dataSource)
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(properties);
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("the hub's database is not reachable", e);
        }
    }
}
