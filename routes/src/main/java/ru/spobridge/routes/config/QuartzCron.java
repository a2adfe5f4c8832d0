package ru.spobridge.routes.config;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]), checked when the settings
 * bind so that a mistyped schedule stops the start with the property's name instead of failing the night job.
 * Null is valid: combine with {@code @NotBlank} where the schedule is required.
 */
@Documented
@Constraint(validatedBy = QuartzCronValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface QuartzCron {

    String message() default "не выражение cron Quartz: нужно «секунды минуты часы день месяц день-недели [год]», "
            + "например \"0 0 2 * * ?\"";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
