package ru.spobridge.routes.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.protection.DataProtectionSettings;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.HeldRuns;

/**
 * Retention of personal data nobody will use again: payloads of dead letters closed longer ago than
 * {@code spo.data-protection.dead-letter-retention}, snapshots of held runs decided longer ago than
 * {@code held-retention}. Each purge that drops something leaves one audit row per college with the counts.
 */
@Component
public class PersonalDataPurge {

    public static final String AUDIT_ACTION = "PERSONAL_DATA_PURGED";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataPurge.class);

    private final DataProtectionSettings settings;
    private final DeadLetters deadLetters;
    private final HeldRuns heldRuns;
    private final AuditLog audit;
    private final Clock clock;

    public PersonalDataPurge(DataProtectionSettings settings, DeadLetters deadLetters, HeldRuns heldRuns, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.deadLetters = deadLetters;
        this.heldRuns = heldRuns;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one purge dropped in one college. */
    public record Purged(int deadLetterPayloads, int heldSnapshots) {
    }

    /** Drops what is past its retention now; by college, only colleges where something was dropped. */
    public Map<String, Purged> purge() {
        Instant now = clock.instant();
        Map<String, Integer> letters = deadLetters.purgeClosedPayloads(now.minus(settings.deadLetterRetention()));
        Map<String, Integer> snapshots = heldRuns.purgeDecidedSnapshots(now.minus(settings.heldRetention()));
        Map<String, Purged> purged = new TreeMap<>();
        letters.forEach((college, count) -> purged.merge(college, new Purged(count, 0), PersonalDataPurge::plus));
        snapshots.forEach((college, count) -> purged.merge(college, new Purged(0, count), PersonalDataPurge::plus));
        purged.forEach((college, counts) -> {
            audit.record("hub", AUDIT_ACTION, college, "срок хранения",
                    "удалены данные: закрытых недоставленных записей — " + counts.deadLetterPayloads() + " (хранятся " + days(settings.deadLetterRetention())
                            + "), снимков решённых удержанных запусков — " + counts.heldSnapshots() + " (хранятся " + days(settings.heldRetention()) + ")");
            log.info("{}: по сроку хранения удалены данные {} закрытых недоставленных записей и {} снимков удержанных запусков",
                    college, counts.deadLetterPayloads(), counts.heldSnapshots());
        });
        return purged;
    }

    private static Purged plus(Purged a, Purged b) {
        return new Purged(a.deadLetterPayloads() + b.deadLetterPayloads(), a.heldSnapshots() + b.heldSnapshots());
    }

    private static String days(Duration retention) {
        long days = retention.toDays();
        return days > 0 && retention.equals(Duration.ofDays(days)) ? days + " дн." : retention.toString();
    }
}
