package ru.spobridge.routes.config.region;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.routes.config.region.RegionFixtures.college;
import static ru.spobridge.routes.config.region.RegionFixtures.region;
import static ru.spobridge.routes.config.region.RegionFixtures.resolver;
import static ru.spobridge.routes.config.region.RegionFixtures.variables;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CollegeValidationTest {

    static Stream<Arguments> wrong_settings() {
        return Stream.of(
                Arguments.of("ogrn", new CollegeDefinition("perm-002", "test", "К", "1025900000017", null, Map.of()), "контрольная цифра"),
                Arguments.of("zone", college("perm-002", Map.of("zone", "Europe/Perm")), "неизвестный часовой пояс"),
                Arguments.of("contingent.schedule", college("perm-002", Map.of("contingent", Map.of("schedule", "0 0 25 * * ?"))), "cron"),
                Arguments.of("targets.epos.base-url", college("perm-002", Map.of("targets", Map.of("epos", Map.of("base-url", "htp:/x")))),
                        "http://"),
                Arguments.of("targets.moodle", college("perm-002", Map.of("targets", Map.of("moodle", Map.of("base-url", "http://m")))),
                        "неизвестная платформа «moodle»"),
                Arguments.of("region", new CollegeDefinition("perm-002", "nowhere", "К", "1025900000015", null, Map.of()), "не найден"),
                Arguments.of("targets.epos.client-secret", college("perm-002", Map.of("targets", Map.of("epos", Map.of("client-secret", "plain")))),
                        "открытым текстом"),
                Arguments.of("contingent.client-secret", college("perm-002", Map.of("contingent", Map.of("client-secret", "env:UNSET_SECRET"))),
                        "не задана переменная окружения UNSET_SECRET"),
                Arguments.of("contingent.page-size", college("perm-002", Map.of("contingent", Map.of("page-size", 5000))), "не больше 500"),
                Arguments.of("blackouts[1].from", college("perm-002", Map.of("blackouts", List.of(Map.of("from", "31.12", "to", "01-10")))),
                        "ожидается дата"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong_settings")
    void a_wrong_setting_is_refused_naming_the_field(String field, CollegeDefinition college, String message) {
        Optional<RegionProfile> region = "nowhere".equals(college.regionId()) ? Optional.empty() : Optional.of(region());

        CollegeResolver.Resolution resolution = resolver(variables("PERM_002")).resolve(region, college);

        assertThat(resolution.valid()).isFalse();
        assertThat(resolution.settings()).isNull();
        assertThat(resolution.errors()).anySatisfy(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains(message);
        });
    }

    @Test
    void every_error_is_reported_at_once() {
        CollegeDefinition college = new CollegeDefinition("perm-002", "test", "К", "1025900000017", null, Map.of(
                "zone", "Europe/Perm", "contingent", Map.of("schedule", "0 0 25 * * ?")));

        CollegeResolver.Resolution resolution = resolver(variables("PERM_002")).resolve(Optional.of(region()), college);

        assertThat(resolution.errors()).extracting(SettingError::field).containsExactlyInAnyOrder("ogrn", "zone", "contingent.schedule");
    }
}
