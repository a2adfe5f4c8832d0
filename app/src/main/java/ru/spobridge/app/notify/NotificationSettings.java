package ru.spobridge.app.notify;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import ru.spobridge.routes.config.QuartzCron;

/**
 * {@code spo.notifications}: how often alerts are looked for, when the daily summaries go (a Quartz cron read in each
 * college's own time zone), the thresholds, the sender of e-mails and the webhook signing secret (from the environment).
 */
@Validated
@ConfigurationProperties("spo.notifications")
public record NotificationSettings(Boolean enabled, String from, Duration pollInterval, @QuartzCron String digestCron,
                                   @Min(0) Integer deadLetterThreshold, Duration circuitOpenAfter, String webhookSecret,
                                   Duration webhookTimeout) {

    public NotificationSettings {
        enabled = enabled == null || enabled;
        from = from == null || from.isBlank() ? "spo-bridge@localhost" : from.strip();
        pollInterval = pollInterval == null || pollInterval.isZero() || pollInterval.isNegative() ? Duration.ofMinutes(1) : pollInterval;
        digestCron = digestCron == null || digestCron.isBlank() ? "0 0 7 * * ?" : digestCron.strip();
        deadLetterThreshold = deadLetterThreshold == null ? 50 : deadLetterThreshold;
        circuitOpenAfter = circuitOpenAfter == null ? Duration.ofMinutes(15) : circuitOpenAfter;
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
    }
}
