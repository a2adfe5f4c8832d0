package ru.spobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import ru.spobridge.app.wiring.MissingSettings;

/** The demo profile supplies every variable config/application.yml refers to; without it the hub names them all. */
class DemoProfileTest {

    private static final Resource CONFIG = new FileSystemResource("../config/application.yml");
    private static final Resource DEMO = new ClassPathResource("application-demo.yml");

    @Test
    void the_demo_profile_resolves_every_address_and_secret_of_the_shipped_config() throws IOException {
        StandardEnvironment environment = environment(CONFIG, DEMO);

        assertThat(MissingSettings.in(environment)).isEmpty();
        assertThat(environment.getProperty("spo.colleges.kuz-demo.targets.aisepo.base-url"))
                .isEqualTo("http://localhost:8080/aisepo-sim");
        assertThat(environment.getProperty("spo.simulators.enabled")).isEqualTo("true");
    }

    @Test
    void without_the_demo_profile_every_variable_is_missing_at_once() throws IOException {
        Map<String, List<String>> missing = MissingSettings.in(environment(CONFIG));

        assertThat(missing).hasSize(27).containsKeys("PERM_EPOS_SECRET", "CHEL_SGO_URL", "KUZ_AISEPO_SECRET",
                "KUZ_ZUP_PASSWORD", "PERM_CONTINGENT_TOKEN_URL").doesNotContainKey("SPO_OPERATOR_PASSWORD");
        assertThat(missing.get("KUZ_AISEPO_URL")).containsExactly("spo.colleges.kuz-demo.targets.aisepo.base-url");
    }

    /** Sources in precedence order, as Spring Boot orders them: the external config file before the packaged profile. */
    private static StandardEnvironment environment(Resource... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new org.springframework.core.env.MapPropertySource("server",
                Map.of("server.port", "8080")));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (Resource file : files) {
            yaml.load(file.getFilename(), file).forEach(environment.getPropertySources()::addLast);
        }
        return environment;
    }
}
