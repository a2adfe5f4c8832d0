package ru.spobridge.routes.config.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.spobridge.model.Ogrn;

class RegionFilesTest {

    private static final Path SHIPPED = Path.of("../config/regions");

    @Test
    void the_shipped_region_files_read_and_every_college_resolves() {
        List<RegionDocument> regions = RegionFiles.readAll(SHIPPED);
        assertThat(regions).extracting(r -> r.region().id()).containsExactly("chel", "kuz", "perm-schools", "perm");
        // every reference of the shipped files answered, as the demo profile does
        CollegeResolver resolver = new CollegeResolver((college, field, reference) -> Optional.of(
                reference.contains("URL") ? "http://127.0.0.1:8080/sim" : "demo-simulator"),
                jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator(), java.util.Set.of("epos", "sgo", "aisepo", "epos-school"));
        for (RegionDocument region : regions) {
            for (CollegeDefinition college : region.colleges().values()) {
                assertThat(resolver.resolve(Optional.of(region.region()), college).errors()).as(college.id()).isEmpty();
            }
        }
        assertThat(regions).flatExtracting(r -> SecretReferences.of(r)).hasSize(36);
    }

    @Test
    void written_yaml_reads_back_to_the_same_definitions() {
        for (RegionDocument region : RegionFiles.readAll(SHIPPED)) {
            RegionDocument again = RegionFiles.read("again.yml", RegionFiles.write(region));
            assertThat(again).isEqualTo(region);
        }
    }

    @Test
    void a_broken_file_is_refused_with_its_name_and_line() {
        assertThatThrownBy(() -> RegionFiles.read("perm.yml", "region:\n  id: perm\n  zone: [Asia\n  name: x\n"))
                .isInstanceOfSatisfying(RegionFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("perm.yml");
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).startsWith("perm.yml, строка ");
                });
    }

    @Test
    void a_generated_fifty_college_region_fits_in_four_hundred_lines() {
        RegionProfile perm = RegionFiles.readAll(SHIPPED).stream().filter(r -> r.region().id().equals("perm")).findFirst().orElseThrow().region();
        Map<String, CollegeDefinition> colleges = new LinkedHashMap<>();
        for (int i = 1; i <= 50; i++) {
            String twelve = "1025900%05d".formatted(i * 7);
            String id = "perm-%03d".formatted(i);
            Map<String, Object> overrides = i % 10 == 0 ? Map.of("contingent", Map.of("schedule", "0 %d 2 * * ?".formatted(i))) : Map.of();
            colleges.put(id, new CollegeDefinition(id, "perm", "ГБПОУ «Пермский колледж № " + i + "»",
                    twelve + Ogrn.checkDigit(twelve), null, overrides));
        }

        String yaml = RegionFiles.write(new RegionDocument(perm, colleges));

        long lines = yaml.lines().count();
        System.out.printf("50-college region: %d lines%n", lines);
        assertThat(lines).isLessThan(400);
        assertThat(RegionFiles.read("perm.yml", yaml).colleges()).hasSize(50);
    }
}
