package ru.spobridge.routes.flow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The hold every flow shares: a read that is not safe to apply unattended is kept with its reason until an operator
 * approves or rejects it; nothing of it is applied meanwhile. The mass-removal rule is decided here, once.
 */
@Component
public class Holds {

    public static final String MASS_REMOVAL = "MASS_REMOVAL";

    private static final Logger log = LoggerFactory.getLogger(Holds.class);

    private final HeldRuns heldRuns;
    private final SyncRuns runs;
    private final CanonicalJson json;

    public Holds(HeldRuns heldRuns, SyncRuns runs, CanonicalJson json) {
        this.heldRuns = heldRuns;
        this.runs = runs;
        this.json = json;
    }

    /** Why a read is held: a code for filters and a Russian reason for the operator. */
    public record Hold(String code, String reason) {
    }

    /**
     * True when removing {@code removed} of {@code base} records exceeds the college's share: exactly the share is
     * still applied unattended, one record more is held.
     */
    public static boolean removesTooMany(long removed, long base, double maxShare) {
        if (removed <= 0) {
            return false;
        }
        // integers compared, not doubles: 10 of 100 at 10 % must not be held by a rounding error
        return removed * 1_000_000L > Math.round(maxShare * 1_000_000L) * Math.max(1, base);
    }

    /** Keeps the read and marks the run held. */
    public void hold(long runId, String collegeId, String flow, Hold hold, Object read) {
        heldRuns.hold(runId, collegeId, flow, hold.code(), hold.reason(), json.write(read));
        runs.held(runId, hold.reason());
        log.warn("{} {}: запуск {} задержан до решения оператора: {}", flow, collegeId, runId, hold.reason());
    }
}
