package ru.spobridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuartzCronTest {

    /** A settings record as HubProperties declares them. */
    record Schedule(@QuartzCron String cron) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 2 * * ?", "0 0/15 8-19 ? * MON-SAT", "0 30 2 * * ?", "0 0/15 7-20 ? * MON-SAT",
            "0 10 2 ? * MON-FRI 2026"})
    void quartz_expressions_of_the_settings_are_accepted(String cron) {
        assertThat(validator.validate(new Schedule(cron))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 2 * * *", "0 0 25 * * ?", "0 0 2 * * MON", "каждую ночь", "", "0 0 2 * * ? ${x}",
            "0 0 2 {1} * ?"})
    void anything_else_is_refused_with_the_value_and_an_example(String cron) {
        Set<ConstraintViolation<Schedule>> violations = validator.validate(new Schedule(cron));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getPropertyPath()).hasToString("cron");
            assertThat(violation.getMessage()).startsWith("не выражение cron Quartz").contains("\"0 0 2 * * ?\"")
                    .contains("\"" + cron + "\"");
        });
    }

    @Test
    void null_is_left_to_not_blank() {
        assertThat(validator.validate(new Schedule(null))).isEmpty();
    }
}
