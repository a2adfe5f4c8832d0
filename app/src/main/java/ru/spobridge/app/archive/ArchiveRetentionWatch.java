package ru.spobridge.app.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.app.notify.ConsoleLinks;
import ru.spobridge.app.notify.Notification;
import ru.spobridge.app.notify.NotificationKind;
import ru.spobridge.app.notify.NotificationSettings;
import ru.spobridge.app.notify.Notifier;
import ru.spobridge.app.notify.Recipients;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.archive.ArchiveCatalog;
import ru.spobridge.routes.archive.ArchiveCatalog.Archive;

/**
 * Archives holding a document whose retention has ended: told in the log and to the subscribers of
 * {@link NotificationKind#ARCHIVE_RETENTION}, once per archive; the archive itself is never touched — destroying
 * documents is an administrator's decision under the college's act.
 */
@Component
public class ArchiveRetentionWatch extends RouteBuilder {

    public static final String ROUTE = "archive-retention-watch";
    private static final Logger log = LoggerFactory.getLogger(ArchiveRetentionWatch.class);

    private final ArchiveCatalog catalog;
    private final Notifier notifier;
    private final Recipients recipients;
    private final ConsoleLinks links;
    private final Colleges colleges;
    private final NotificationSettings settings;
    private final Clock clock;
    private final Set<Long> logged = ConcurrentHashMap.newKeySet();

    public ArchiveRetentionWatch(ArchiveCatalog catalog, Notifier notifier, Recipients recipients, ConsoleLinks links, Colleges colleges,
                                 NotificationSettings settings, Clock clock) {
        this.catalog = catalog;
        this.notifier = notifier;
        this.recipients = recipients;
        this.links = links;
        this.colleges = colleges;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void configure() {
        long every = settings.pollInterval().toMillis();
        from("timer:" + ROUTE + "?period=" + Math.max(every, 60_000) + "&delay=" + every).routeId(ROUTE)
                .autoStartup(settings.enabled())
                .process(exchange -> tell());
    }

    /** One look at the catalog; a store or mail server that is down costs one log line and is tried again next time. */
    void tell() {
        try {
            for (Archive archive : catalog.retentionEnded(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
                if (!colleges.known(archive.collegeId())) {
                    continue;
                }
                if (logged.add(archive.id())) {
                    log.warn("Архив {} ({}): срок хранения документов истёк {}; архив не удалён, решение принимает администратор",
                            archive.key(), archive.collegeId(), archive.retainUntil());
                }
                notifier.dispatch(notification(archive));
            }
        } catch (RuntimeException failed) {
            log.warn("Архивы: сроки хранения не проверены: {}", failed.getMessage());
        }
    }

    private Notification notification(Archive archive) {
        String college = archive.collegeId();
        String region = recipients.regionOf(college);
        String text = "Колледж: " + colleges.settings(college).name() + " (" + college + ")\n"
                + "Архив: " + archive.key() + " (№ " + archive.id() + ", период " + archive.from() + " — " + archive.to() + ")\n"
                + "Срок хранения документов истёк " + archive.retainUntil() + ". Архив не удалён: решение об уничтожении принимает "
                + "администратор; перечень документов и их сроки — в описи архива (консоль, раздел «Архивы»).";
        return new Notification(NotificationKind.ARCHIVE_RETENTION, "archive-retention:" + archive.id(), college, Set.of(college),
                region == null ? Set.of() : Set.of(region), false, "Истёк срок хранения архива " + archive.key(), text,
                links.archives(college), clock.instant());
    }
}
