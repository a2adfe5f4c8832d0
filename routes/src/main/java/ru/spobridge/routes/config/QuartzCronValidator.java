package ru.spobridge.routes.config;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.text.ParseException;
import org.quartz.CronExpression;

/** Checks {@link QuartzCron} with Quartz's own parser, and names what the parser found wrong. */
public class QuartzCronValidator implements ConstraintValidator<QuartzCron, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            CronExpression.validateExpression(value);
            return true;
        } catch (ParseException e) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(context.getDefaultConstraintMessageTemplate()
                    + " (\"" + value + "\": " + e.getMessage() + ")")).addConstraintViolation();
            return false;
        } catch (RuntimeException e) {
            // Quartz throws unchecked exceptions on some malformed fields (e.g. "0 0 2 * * ? 1x")
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape(context.getDefaultConstraintMessageTemplate()
                    + " (\"" + value + "\")")).addConstraintViolation();
            return false;
        }
    }

    /** The value is user input: braces and dollars must not be read as message parameters or expressions. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
