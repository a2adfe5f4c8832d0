package ru.spobridge.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import ru.spobridge.routes.config.HubProperties;

/**
 * spo-bridge: keeps a college's systems and the regional electronic-journal platforms in step.
 * Scans only the hub's own packages; the bundled simulators come in through their auto-configuration.
 */
@SpringBootApplication(scanBasePackages = {"ru.spobridge.app", "ru.spobridge.routes"})
@EnableConfigurationProperties(HubProperties.class)
public class SpoBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpoBridgeApplication.class, args);
    }
}
