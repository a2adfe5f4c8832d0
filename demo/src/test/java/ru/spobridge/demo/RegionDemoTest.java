package ru.spobridge.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import ru.spobridge.model.Ogrn;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.CollegeResolver;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.RegionFiles;

/** The region demo writes region files the hub reads back, every college valid and resolved by the demo profile. */
class RegionDemoTest {

    private static final Path SHIPPED = Path.of("../config/regions");

    @Test
    void the_generated_region_has_fifty_valid_colleges_in_well_under_four_hundred_lines_per_region(@TempDir Path home)
            throws IOException {
        List<String> settings = RegionDemo.prepare(50, SHIPPED, home);

        List<RegionDocument> regions = RegionFiles.readAll(home.resolve("regions"));
        // chel, kuz, perm-schools (the demo school), perm
        assertThat(regions).extracting(region -> region.colleges().size()).containsExactly(17, 16, 1, 17);
        for (RegionDocument region : regions) {
            long lines = Files.readString(home.resolve("regions/" + region.region().id() + ".yml"), StandardCharsets.UTF_8)
                    .lines().count();
            assertThat(lines).as(region.region().id()).isLessThan(150);
        }
        CollegeResolver resolver = new CollegeResolver(new EnvSecretLookup(demoEnvironment()),
                Validation.buildDefaultValidatorFactory().getValidator(), Set.of("epos", "sgo", "aisepo", "epos-school"));
        List<CollegeDefinition> colleges = regions.stream().flatMap(region -> region.colleges().values().stream()).toList();
        assertThat(colleges).hasSize(51).extracting(CollegeDefinition::ogrn).doesNotHaveDuplicates()
                .allSatisfy(ogrn -> assertThat(Ogrn.parse(ogrn).digits()).isEqualTo(ogrn));
        for (RegionDocument region : regions) {
            for (CollegeDefinition college : region.colleges().values()) {
                CollegeResolver.Resolution resolution = resolver.resolve(Optional.of(region.region()), college);
                assertThat(resolution.errors()).as(college.id()).isEmpty();
                assertThat(resolution.settings().staff().zup()).as(college.id()).isNull();
            }
        }
        assertThat(settings).contains("--spo.regions.directory=" + home.toString().replace('\\', '/') + "/regions",
                "--spo.simulators.demo.colleges[49].students=2000", "--spo.simulators.zup.demo.enabled=false");
        assertThat(settings).filteredOn(setting -> setting.endsWith("].students=2000")).hasSize(50);
        assertThat(settings).filteredOn(setting -> setting.endsWith("].school=true")).hasSize(1);
        CollegeDefinition school = regions.get(2).colleges().get("perm-school-demo");
        assertThat(resolver.resolve(Optional.of(regions.get(2).region()), school).settings().school()).isTrue();
    }

    @Test
    void a_relative_home_is_written_as_an_explicit_relative_path_for_h2() {
        assertThat(RegionDemo.explicit(Path.of("data/region-demo"))).isEqualTo("./data/region-demo");
        assertThat(RegionDemo.explicit(Path.of("./data/region-demo"))).isEqualTo("./data/region-demo");
        assertThat(RegionDemo.explicit(Path.of("/var/tmp/region-demo"))).isEqualTo("/var/tmp/region-demo");
    }

    @Test
    void the_option_is_read_from_the_run_command_and_bounded() {
        assertThat(RegionDemo.requested(new String[] {"--server.port=8080", "--spo.demo.region=50"})).isEqualTo(50);
        assertThat(RegionDemo.requested(new String[] {"--server.port=8080"})).isZero();
        assertThatThrownBy(() -> RegionDemo.requested(new String[] {"--spo.demo.region=0"}))
                .hasMessageContaining("spo.demo.region");
    }

    private static StandardEnvironment demoEnvironment() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new MapPropertySource("server", Map.of("server.port", "8080")));
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (Resource file : List.of(new FileSystemResource("../config/application.yml"), new ClassPathResource("application-demo.yml"))) {
            yaml.load(file.getFilename(), file).forEach(environment.getPropertySources()::addLast);
        }
        return environment;
    }
}
