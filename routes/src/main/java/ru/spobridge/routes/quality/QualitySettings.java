package ru.spobridge.routes.quality;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import ru.spobridge.routes.config.QuartzCron;

/**
 * {@code spo.quality}: when the monthly journal-quality report is built (a Quartz cron in each college's zone; by
 * default on the 1st at 07:00, for the month before) and, per college, the deputy director's e-mail (an
 * {@code ${ENV}} reference in config; never logged) and an own schedule where it differs.
 */
@Validated
@ConfigurationProperties("spo.quality")
public record QualitySettings(Boolean enabled, @QuartzCron String schedule, @Valid Map<String, College> colleges) {

    public QualitySettings {
        enabled = enabled == null || enabled;
        schedule = schedule == null || schedule.isBlank() ? "0 0 7 1 * ?" : schedule.strip();
        colleges = colleges == null ? Map.of() : Map.copyOf(colleges);
    }

    /** One college's settings: the deputy director's address and, optionally, its own schedule. */
    public record College(String deputyEmail, @QuartzCron String schedule) {
        @Override
        public String toString() {
            // an address is a person's e-mail: settings printed in a log or an error show only whether it is set
            return "College[deputyEmail=" + (deputyEmail == null || deputyEmail.isBlank() ? "не задан" : "задан") + ", schedule=" + schedule + "]";
        }
    }

    public String scheduleOf(String collegeId) {
        College college = colleges.get(collegeId);
        return college == null || college.schedule() == null || college.schedule().isBlank() ? schedule : college.schedule().strip();
    }

    /** The deputy director's address, or null when none is set. */
    public String deputyEmail(String collegeId) {
        College college = colleges.get(collegeId);
        return college == null || college.deputyEmail() == null || college.deputyEmail().isBlank() ? null : college.deputyEmail().strip();
    }
}
