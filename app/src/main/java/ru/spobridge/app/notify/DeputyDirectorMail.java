package ru.spobridge.app.notify;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.quality.DeputyDirectorNotice;
import ru.spobridge.routes.quality.QualityDocuments;
import ru.spobridge.routes.quality.QualityReport;
import ru.spobridge.routes.store.NotificationStore;
import ru.spobridge.routes.store.NotificationStore.Subscription;

/**
 * The journal-quality report by the hub's notifications: the deputy director's address from the college's settings is
 * kept as the college's subscription to {@link NotificationKind#JOURNAL_QUALITY} (so the administrator sees it with the
 * others, and a send is claimed once like every message), and everyone subscribed to that kind for the college gets it
 * too. The message holds figures only; the full report is in the console and its XLSX and PDF.
 */
@Component
class DeputyDirectorMail implements DeputyDirectorNotice {

    static final String ROLE = "заместитель директора по учебной работе";
    private static final String ACTOR = "настройки колледжа";

    private final Notifier notifier;
    private final NotificationStore store;
    private final Recipients recipients;
    private final Colleges colleges;
    private final ConsoleLinks links;

    DeputyDirectorMail(Notifier notifier, NotificationStore store, Recipients recipients, Colleges colleges, ConsoleLinks links) {
        this.notifier = notifier;
        this.store = store;
        this.recipients = recipients;
        this.colleges = colleges;
        this.links = links;
    }

    @Override
    public boolean send(QualityReport report, String deputyEmail) {
        keepSubscription(report.collegeId(), deputyEmail);
        String region = recipients.regionOf(report.collegeId());
        Notification notification = new Notification(NotificationKind.JOURNAL_QUALITY, report.collegeId() + ":" + report.month(),
                report.collegeId(), Set.of(report.collegeId()), region == null ? Set.of() : Set.of(region), false,
                "Отчёт о ведении журнала за " + report.month() + " — " + colleges.settings(report.collegeId()).name(), text(report),
                links.quality(report.collegeId()) + "&month=" + report.month(), report.builtAt());
        Notifier.Outcome outcome = notifier.dispatch(notification);
        return outcome.sent() + outcome.already() > 0;
    }

    /** The college's deputy-director subscription, made or brought to the configured address. */
    private void keepSubscription(String collegeId, String address) {
        Optional<Subscription> current = store.subscriptions().stream()
                .filter(subscription -> Recipients.COLLEGE.equals(subscription.scopeKind()) && collegeId.equals(subscription.scopeId())
                        && ROLE.equals(subscription.role()) && MailChannel.EMAIL.equals(subscription.channel()))
                .findFirst();
        Subscription wanted = new Subscription(current.map(Subscription::id).orElse(0L), Recipients.COLLEGE, collegeId, ROLE, MailChannel.EMAIL,
                address, Set.of(NotificationKind.JOURNAL_QUALITY.name()), null, true, null, ACTOR);
        if (current.isEmpty()) {
            store.add(wanted, ACTOR);
        } else if (!address.equals(current.get().address()) || !current.get().enabled()
                || !current.get().kinds().contains(NotificationKind.JOURNAL_QUALITY.name())) {
            store.change(current.get().id(), wanted, ACTOR);
        }
    }

    private static String text(QualityReport report) {
        StringBuilder text = new StringBuilder(QualityDocuments.title(report)).append("\n\n");
        for (QualityDocuments.Line line : QualityDocuments.lines(report)) {
            text.append("• ").append(line.label()).append(": ");
            if (line.count() != null) {
                text.append(line.count());
                if (line.base() != null) {
                    text.append(" из ").append(line.base());
                }
                if (line.share() != null) {
                    text.append(" (").append(QualityDocuments.share(line.share())).append(")");
                }
            }
            if (line.count() == null && line.note() != null) {
                text.append(line.note());
            }
            text.append('\n');
        }
        return text.append("\nОтчёт в XLSX и PDF — на странице «Качество журнала» консоли.").toString();
    }
}
