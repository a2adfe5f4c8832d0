package ru.spobridge.app.notify;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.model.PersonalDataMask;
import ru.spobridge.routes.store.NotificationStore;
import ru.spobridge.routes.store.NotificationStore.Subscription;

/**
 * Sends a notification to each of its recipients once: the send is claimed in the store first (another instance or an
 * earlier poll that sent it wins), and a failed send gives its claim back so the next poll tries again — nothing is
 * dropped by a mail server that is down for a while.
 */
@Component
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationStore store;
    private final Recipients recipients;
    private final Map<String, NotificationChannel> channels;

    Notifier(NotificationStore store, Recipients recipients, List<NotificationChannel> channels) {
        this.store = store;
        this.recipients = recipients;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
    }

    /** What one dispatch did: sent now, sent before (or by another instance), failed and left for the next try. */
    public record Outcome(int sent, int already, int failed) {
    }

    public Outcome dispatch(Notification notification) {
        return dispatch(notification, recipients.of(notification));
    }

    /** To the given subscriptions only (a test message, a digest asked for now). */
    public Outcome dispatch(Notification notification, List<Subscription> to) {
        int sent = 0;
        int already = 0;
        int failed = 0;
        String kind = notification.kind().name();
        // read first: a standing alert is looked at every poll, and a refused insert would be an error in the database's log each time
        java.util.Set<Long> claimed = to.isEmpty() ? java.util.Set.of() : store.claimedBy(kind, notification.subjectKey());
        for (Subscription recipient : to) {
            NotificationChannel channel = channels.get(recipient.channel());
            if (channel == null || !channel.available()) {
                continue;
            }
            if (claimed.contains(recipient.id()) || !store.claim(kind, notification.subjectKey(), recipient.id(), notification.college(), recipient.channel(), notification.title())) {
                already++;
                continue;
            }
            try {
                channel.send(recipient, notification);
                sent++;
            } catch (Exception failure) {
                store.release(kind, notification.subjectKey(), recipient.id());
                failed++;
                // the subscription's number, not its address: an address is a person's e-mail
                log.warn("Уведомление {} ({}) не отправлено получателю № {} ({}): {}", kind, notification.subjectKey(), recipient.id(),
                        recipient.channel(), PersonalDataMask.mask(String.valueOf(failure.getMessage())));
            }
        }
        if (sent > 0) {
            log.info("Уведомление {} ({}): отправлено {}", notification.kind(), notification.subjectKey(), sent);
        }
        return new Outcome(sent, already, failed);
    }

    /** Whether this instance can send this way now (e-mail needs an SMTP server in the settings). */
    public boolean canSend(String channel) {
        return channels.containsKey(channel) && channels.get(channel).available();
    }

    /** Whether anyone covered by this occurrence still waits for it (so a digest is built only when it will be sent). */
    public boolean awaited(NotificationKind kind, String subjectKey, java.util.Set<String> colleges, java.util.Set<String> regions) {
        java.util.Set<Long> claimed = store.claimedBy(kind.name(), subjectKey);
        return store.subscriptions().stream().anyMatch(subscription -> !claimed.contains(subscription.id())
                && recipients.covers(subscription, kind, colleges, regions, false)
                && channels.containsKey(subscription.channel()) && channels.get(subscription.channel()).available());
    }
}
