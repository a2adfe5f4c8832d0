package ru.spobridge.routes.config.region;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.routes.config.region.RegionFixtures.college;
import static ru.spobridge.routes.config.region.RegionFixtures.region;
import static ru.spobridge.routes.config.region.RegionFixtures.resolver;
import static ru.spobridge.routes.config.region.RegionFixtures.variables;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;

class CollegeResolverTest {

    private CollegeSettings resolved(CollegeDefinition college) {
        CollegeResolver.Resolution resolution = resolver(variables("PERM_002")).resolve(Optional.of(region()), college);
        assertThat(resolution.errors()).isEmpty();
        return resolution.settings();
    }

    @Test
    void a_college_inherits_every_region_default() {
        CollegeSettings settings = resolved(college("perm-002", Map.of()));

        assertThat(settings.name()).isEqualTo("Колледж perm-002");
        assertThat(settings.region()).isEqualTo("Тестовый край");
        assertThat(settings.regionId()).isEqualTo("test");
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
        assertThat(settings.contingent().schedule()).isEqualTo("0 0 2 * * ?");
        assertThat(settings.contingent().pageSize()).isEqualTo(200);
        assertThat(settings.targets().get("epos").batchLimit()).isEqualTo(500);
        assertThat(settings.blackouts()).hasSize(1);
    }

    @Test
    void an_override_changes_only_the_field_it_names() {
        CollegeSettings settings = resolved(college("perm-002", Map.of("contingent", Map.of("schedule", "0 10 2 * * ?"))));

        assertThat(settings.contingent().schedule()).isEqualTo("0 10 2 * * ?");
        assertThat(settings.contingent().tokenUrl()).isEqualTo(URI.create("http://contingent.example/token"));
        assertThat(settings.contingent().clientId()).isEqualTo("perm-002");
    }

    @Test
    void lists_are_replaced_not_merged_except_blackouts_which_add_up() {
        CollegeSettings settings = resolved(college("perm-002", Map.of("blackouts",
                List.of(Map.of("from", "2026-12-28", "to", "2027-01-03", "reason", "Каникулы")))));

        assertThat(settings.blackouts()).extracting(b -> b.from()).containsExactly("07-01", "2026-12-28");
        assertThat(settings.blackouts().get(0).flows()).containsExactly("marks");
    }

    @Test
    void id_and_env_tokens_are_expanded() {
        CollegeDefinition college = new CollegeDefinition("perm-003", "test", "Колледж", "1025900000015", "PERM3", Map.of());
        CollegeResolver.Resolution resolution = resolver(variables("PERM3")).resolve(Optional.of(region()), college);

        assertThat(resolution.errors()).isEmpty();
        assertThat(resolution.settings().contingent().clientSecret()).isEqualTo("s1");
        assertThat(resolution.settings().targets().get("epos").clientId()).isEqualTo("perm-003");
        assertThat(CollegeResolver.tree(Optional.of(region()), college)).extractingByKey("contingent")
                .asString().contains("client-secret=env:PERM3_CONTINGENT_SECRET");
    }

    @Test
    void cyrillic_scale_keys_survive_the_merge() {
        CollegeSettings settings = resolved(college("perm-002", Map.of("marks", Map.of("scale", Map.of("зачтено", "5")))));

        assertThat(settings.marks().scale()).containsExactlyInAnyOrderEntriesOf(Map.of("отлично", "5", "хорошо", "4", "зачтено", "5"));
    }
}
