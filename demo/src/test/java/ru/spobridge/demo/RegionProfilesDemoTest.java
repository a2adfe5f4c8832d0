package ru.spobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.CollegeResolver;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.RegionFiles;
import ru.spobridge.routes.config.region.SecretReferences;
import ru.spobridge.routes.config.region.SettingError;

/**
 * The demo profile supplies every variable the region files (config/regions) refer to; without it each college is
 * refused with the variables it lacks named, by field.
 */
class RegionProfilesDemoTest {

    private static final Resource CONFIG = new FileSystemResource("../config/application.yml");
    private static final Resource DEMO = new ClassPathResource("application-demo.yml");
    private static final List<RegionDocument> REGIONS = RegionFiles.readAll(Path.of("../config/regions"));

    @Test
    void the_demo_profile_resolves_every_reference_of_the_region_files() throws IOException {
        StandardEnvironment environment = environment(CONFIG, DEMO);

        Map<String, CollegeResolver.Resolution> resolved = resolve(environment);
        assertThat(resolved.keySet()).containsExactly("chel-demo", "kuz-demo", "perm-demo", "perm-school-demo");
        resolved.forEach((college, resolution) -> assertThat(resolution.errors()).as(college).isEmpty());
        assertThat(resolved.get("kuz-demo").settings().targets().get("aisepo").baseUrl())
                .isEqualTo(URI.create("http://localhost:8080/aisepo-sim"));
        // the demo school (seed 004) goes to ИАС «ЭПОС» with the school's deadlines, not the Perm colleges' ЭПОС.СПО
        CollegeResolver.Resolution school = resolved.get("perm-school-demo");
        assertThat(school.settings().targets()).containsOnlyKeys("epos-school");
        assertThat(school.settings().targets().get("epos-school").baseUrl()).isEqualTo(URI.create("http://localhost:8080/ias-epos-sim"));
        assertThat(school.settings().school()).isTrue();
        assertThat(school.settings().marks().deadlines().hoursAfterLessons()).isEqualTo(1);
        assertThat(school.settings().marks().deadlines().workDays()).isEqualTo(7);
        // seed 004 §5.3–5.4: a school keeps summary statements 25 years, journal pages 5
        assertThat(school.settings().retention()).isEqualTo(ru.spobridge.routes.config.HubProperties.RetentionSettings.SCHOOL);
        assertThat(environment.getProperty("spo.simulators.enabled")).isEqualTo("true");
    }

    @Test
    void without_the_demo_profile_every_reference_is_named_with_its_field() throws IOException {
        StandardEnvironment environment = environment(CONFIG);

        Set<String> names = REGIONS.stream().flatMap(region -> SecretReferences.of(region).stream())
                .map(SecretReferences.Reference::name).collect(Collectors.toSet());
        assertThat(names).hasSize(36).contains("PERM_EPOS_SECRET", "CHEL_SGO_URL", "KUZ_AISEPO_SECRET", "KUZ_ZUP_PASSWORD",
                "PERM_CONTINGENT_TOKEN_URL").doesNotContain("SPO_OPERATOR_PASSWORD");
        Map<String, CollegeResolver.Resolution> resolved = resolve(environment);
        assertThat(resolved.values()).flatExtracting(CollegeResolver.Resolution::errors).hasSize(36);
        assertThat(resolved.get("kuz-demo").errors()).contains(
                new SettingError("targets.aisepo.base-url", "не задана переменная окружения KUZ_AISEPO_URL"));
    }

    private static Map<String, CollegeResolver.Resolution> resolve(StandardEnvironment environment) {
        CollegeResolver resolver = new CollegeResolver(new EnvSecretLookup(environment),
                Validation.buildDefaultValidatorFactory().getValidator(), Set.of("epos", "sgo", "aisepo", "epos-school"));
        Map<String, CollegeResolver.Resolution> resolved = new TreeMap<>();
        for (RegionDocument region : REGIONS) {
            for (CollegeDefinition college : region.colleges().values()) {
                resolved.put(college.id(), resolver.resolve(Optional.of(region.region()), college));
            }
        }
        return resolved;
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
