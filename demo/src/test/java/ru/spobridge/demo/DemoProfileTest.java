package ru.spobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import ru.spobridge.app.wiring.MissingSettings;
import ru.spobridge.routes.config.region.RegionFiles;
import ru.spobridge.routes.config.region.SecretReferences;

/**
 * The shipped config/application.yml holds no colleges (they live in config/regions), so it refers to no variable
 * that would stop the hub; the variables a production start needs are the region files' {@code env:} references,
 * and the demo profile sets every one of them. A college whose variables are missing becomes NOT_READY (CollegeRegistry,
 * see RegionProfilesDemoTest and LiveCollegesTest) instead of stopping the hub.
 */
class DemoProfileTest {

    private static final Resource CONFIG = new FileSystemResource("../config/application.yml");
    private static final Resource DEMO = new ClassPathResource("application-demo.yml");

    @Test
    void the_shipped_config_has_no_static_colleges_and_nothing_that_stops_the_hub() throws IOException {
        StandardEnvironment environment = environment(CONFIG);

        assertThat(MissingSettings.in(environment)).isEmpty();
        assertThat(propertyNames(environment)).noneMatch(name -> name.startsWith("spo.colleges"));
        assertThat(environment.getProperty("spo.regions.directory")).isEqualTo("./config/regions");
    }

    @Test
    void the_demo_profile_sets_every_variable_the_region_files_refer_to() throws IOException {
        StandardEnvironment environment = environment(CONFIG, DEMO);
        Set<String> variables = regionVariables();

        assertThat(variables).hasSize(36).contains("PERM_EPOS_SECRET", "CHEL_SGO_URL", "KUZ_AISEPO_SECRET",
                "KUZ_ZUP_PASSWORD", "PERM_CONTINGENT_TOKEN_URL", "PERM_SCHOOL_IAS_EPOS_URL").doesNotContain("SPO_OPERATOR_PASSWORD");
        assertThat(variables).allSatisfy(name -> assertThat(environment.getProperty(name)).as(name).isNotBlank());
        assertThat(environment.getProperty("KUZ_AISEPO_URL")).isEqualTo("http://localhost:8080/aisepo-sim");
        assertThat(MissingSettings.in(environment)).isEmpty();
        assertThat(environment.getProperty("spo.simulators.enabled")).isEqualTo("true");
    }

    @Test
    void the_demo_journal_seeds_lesson_topics_for_exactly_the_shipped_demo_colleges() throws IOException {
        StandardEnvironment environment = environment(CONFIG, DEMO);
        // the demo journal's lessons are a college group's (ИСП-24): the demo school (perm-schools) has classes instead
        Set<String> shipped = RegionFiles.readAll(Path.of("../config/regions")).stream()
                .filter(region -> !region.region().id().equals("perm-schools"))
                .flatMap(region -> region.colleges().keySet().stream()).collect(Collectors.toSet());

        Set<String> seeded = Set.of(environment.getProperty("spo.simulators.journal.demo-colleges[0]"),
                environment.getProperty("spo.simulators.journal.demo-colleges[1]"),
                environment.getProperty("spo.simulators.journal.demo-colleges[2]"));

        assertThat(seeded).isEqualTo(shipped);
    }

    @Test
    void without_the_demo_profile_none_of_the_region_variables_is_set() throws IOException {
        StandardEnvironment environment = environment(CONFIG);

        assertThat(regionVariables()).allSatisfy(name -> assertThat(environment.getProperty(name)).as(name).isNull());
    }

    private static Set<String> regionVariables() {
        return RegionFiles.readAll(Path.of("../config/regions")).stream()
                .flatMap(region -> SecretReferences.of(region).stream())
                .filter(reference -> reference.kind().equals("env"))
                .map(SecretReferences.Reference::name).collect(Collectors.toSet());
    }

    private static List<String> propertyNames(StandardEnvironment environment) {
        return environment.getPropertySources().stream()
                .filter(EnumerablePropertySource.class::isInstance)
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames())).toList();
    }

    /** Sources in precedence order, as Spring Boot orders them: the external config file before the packaged profile. */
    private static StandardEnvironment environment(Resource... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        // this machine's own variables must not answer for the files under test
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new org.springframework.core.env.MapPropertySource("server",
                Map.of("server.port", "8080")));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (Resource file : files) {
            yaml.load(file.getFilename(), file).forEach(environment.getPropertySources()::addLast);
        }
        return environment;
    }
}
