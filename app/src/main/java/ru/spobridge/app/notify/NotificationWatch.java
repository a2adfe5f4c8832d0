package ru.spobridge.app.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import ru.spobridge.model.PersonalDataMask;
import ru.spobridge.routes.Colleges;

/**
 * Every {@code spo.notifications.poll-interval}: sends the alerts that hold now and the daily summaries whose time
 * has come, each once (the store's sent-log decides, also across instances). Reads the store only; the flows do
 * not know it exists.
 */
@Component
@EnableConfigurationProperties(NotificationSettings.class)
public class NotificationWatch extends RouteBuilder {

    public static final String ROUTE = "notifications-watch";
    private static final Logger log = LoggerFactory.getLogger(NotificationWatch.class);

    private final NotificationSettings settings;
    private final Alerts alerts;
    private final DailyDigests digests;
    private final Notifier notifier;
    private final Recipients recipients;
    private final Colleges colleges;
    private final Clock clock;

    public NotificationWatch(NotificationSettings settings, Alerts alerts, DailyDigests digests, Notifier notifier, Recipients recipients,
                             Colleges colleges, Clock clock) {
        this.settings = settings;
        this.alerts = alerts;
        this.digests = digests;
        this.notifier = notifier;
        this.recipients = recipients;
        this.colleges = colleges;
        this.clock = clock;
    }

    @Override
    public void configure() {
        long every = settings.pollInterval().toMillis();
        from("timer:" + ROUTE + "?period=" + every + "&delay=" + every).routeId(ROUTE)
                .autoStartup(settings.enabled())
                .process(exchange -> tick());
    }

    /** One poll; a store or mail server that is down costs one log line, and the next poll finds the same work again. */
    void tick() {
        try {
            sendAlerts();
        } catch (RuntimeException failed) {
            log.warn("Уведомления: оповещения не проверены, повтор через {}: {}", settings.pollInterval(),
                    PersonalDataMask.mask(String.valueOf(failed.getMessage())));
        }
        try {
            sendDueSummaries();
        } catch (RuntimeException failed) {
            log.warn("Уведомления: сводки не проверены, повтор через {}: {}", settings.pollInterval(),
                    PersonalDataMask.mask(String.valueOf(failed.getMessage())));
        }
    }

    /** The alerts that hold now, to whoever has not had them. */
    public int sendAlerts() {
        int sent = 0;
        for (Notification alert : alerts.current()) {
            sent += notifier.dispatch(alert).sent();
        }
        return sent;
    }

    /** Each college's digest and each region's summary whose time of day has come and that someone still waits for. */
    public int sendDueSummaries() {
        Instant now = clock.instant();
        int sent = 0;
        for (String college : colleges.ids()) {
            LocalDate day = digests.dueDay(colleges.settings(college).zone(), now);
            String region = recipients.regionOf(college);
            String key = DailyDigests.digestKey(college, day);
            try {
                if (day != null && notifier.awaited(NotificationKind.DIGEST, key, Set.of(college), region == null ? Set.of() : Set.of(region))) {
                    sent += notifier.dispatch(digests.collegeDigest(college, key)).sent();
                }
            } catch (RuntimeException failed) {
                // one college's figures that cannot be read leave the others' summaries going
                log.warn("Уведомления: сводка {} не составлена: {}", college, PersonalDataMask.mask(String.valueOf(failed.getMessage())));
            }
        }
        for (String region : digests.regions()) {
            LocalDate day = digests.dueDay(digests.zoneOf(region), now);
            String key = DailyDigests.regionKey(region, day);
            try {
                if (day != null && notifier.awaited(NotificationKind.REGION_SUMMARY, key, Set.copyOf(digests.collegesOf(region)), Set.of(region))) {
                    sent += notifier.dispatch(digests.regionSummary(region, key)).sent();
                }
            } catch (RuntimeException failed) {
                log.warn("Уведомления: сводка региона {} не составлена: {}", region, PersonalDataMask.mask(String.valueOf(failed.getMessage())));
            }
        }
        return sent;
    }
}
