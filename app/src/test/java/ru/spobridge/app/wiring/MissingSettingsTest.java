package ru.spobridge.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class MissingSettingsTest {

    /** Nothing but the environment: the check runs before any bean. */
    @Configuration(proxyBeanMethods = false)
    static class Tiny {
    }

    private static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spo.colleges.perm.contingent.address", "${TEST_PERM_CONTINGENT_URL}");
        settings.put("spo.colleges.perm.contingent.client-secret", "${TEST_PERM_CONTINGENT_SECRET}");
        settings.put("spo.colleges.perm.targets.epos.base-url", "${TEST_PERM_EPOS_URL}/api");
        settings.put("spo.colleges.perm.targets.epos.client-secret", "${TEST_PERM_EPOS_SECRET}");
        settings.put("spo.colleges.kuz.targets.aisepo.client-secret", "${TEST_PERM_EPOS_SECRET}");
        settings.put("spo.colleges.kuz.targets.aisepo.base-url", "${TEST_SET_URL}");
        settings.put("spo.security.operators.operator", "${TEST_OPERATOR_PASSWORD:}");
        settings.put("spo.colleges.kuz.targets.aisepo.batch-limit", 300);
        settings.put("other.thing", "${TEST_NOT_THE_HUBS}");
        return settings;
    }

    @Test
    void every_unset_variable_is_named_with_the_settings_that_need_it() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("config", settings()));
        environment.getPropertySources().addFirst(new MapPropertySource("set", Map.of("TEST_SET_URL", "http://platform")));

        Map<String, List<String>> missing = MissingSettings.in(environment);

        assertThat(missing).containsOnlyKeys("TEST_PERM_CONTINGENT_URL", "TEST_PERM_CONTINGENT_SECRET",
                "TEST_PERM_EPOS_URL", "TEST_PERM_EPOS_SECRET");
        assertThat(missing.get("TEST_PERM_EPOS_SECRET")).containsExactly(
                "spo.colleges.perm.targets.epos.client-secret", "spo.colleges.kuz.targets.aisepo.client-secret");
    }

    @Test
    void a_variable_that_resolves_through_another_is_missing_only_if_the_last_one_is() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("config", Map.of(
                "spo.colleges.perm.targets.epos.base-url", "${TEST_PERM_EPOS_URL}",
                "spo.colleges.perm.contingent.address", "${TEST_PERM_CONTINGENT_URL}")));
        environment.getPropertySources().addLast(new MapPropertySource("demo", Map.of(
                "TEST_PERM_EPOS_URL", "${TEST_SIMULATORS_URL}/epos-sim",
                "TEST_PERM_CONTINGENT_URL", "${TEST_SIMULATORS_URL:http://localhost}/contingent-sim/ws")));

        assertThat(MissingSettings.in(environment)).containsOnlyKeys("TEST_SIMULATORS_URL");
    }

    @Test
    void the_start_stops_naming_every_missing_variable_in_russian(CapturedOutput output) {
        Map<String, Object> settings = settings();
        settings.put("TEST_SET_URL", "http://platform");
        SpringApplicationBuilder hub = new SpringApplicationBuilder(Tiny.class).web(WebApplicationType.NONE)
                .properties(settings);

        assertThatThrownBy(hub::run).isInstanceOf(MissingSettingsException.class)
                .hasMessageStartingWith("Не заданы переменные окружения, на которые ссылаются настройки узла (4):")
                .hasMessageContaining("TEST_PERM_CONTINGENT_URL — для spo.colleges.perm.contingent.address")
                .hasMessageContaining("TEST_PERM_CONTINGENT_SECRET — для spo.colleges.perm.contingent.client-secret")
                .hasMessageContaining("TEST_PERM_EPOS_URL — для spo.colleges.perm.targets.epos.base-url")
                .hasMessageContaining("TEST_PERM_EPOS_SECRET — для spo.colleges.perm.targets.epos.client-secret, "
                        + "spo.colleges.kuz.targets.aisepo.client-secret")
                .message().doesNotContain("TEST_SET_URL", "TEST_OPERATOR_PASSWORD", "TEST_NOT_THE_HUBS");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Задайте эти переменные окружения");
    }
}
