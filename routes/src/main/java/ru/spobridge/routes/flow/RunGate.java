package ru.spobridge.routes.flow;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.config.WorkingCalendars;
import ru.spobridge.routes.store.RunPauses;
import ru.spobridge.routes.store.RunPauses.Pause;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Asked when a run would start: a scheduled fire, the start-up pass, a staff refresh, an inbox poll or an operator's
 * «Запустить». Closed for a college that is not active, a paused college or flow, and a blackout period. A closed
 * scheduled run is recorded as skipped and reads nothing, so the source cursors stay where they were and the first
 * open run catches up everything changed meanwhile.
 */
@Component
public class RunGate {

    private static final Logger LOG = LoggerFactory.getLogger(RunGate.class);
    /** Inbox folders are polled every half second; pauses are read from the store at most this often for them. */
    private static final long PAUSE_CACHE_NANOS = 5_000_000_000L;

    private final Colleges colleges;
    private final RunPauses pauses;
    private final WorkingCalendars calendars;
    private final SyncRuns runs;
    private final Clock clock;
    private volatile CachedPauses cached;

    public RunGate(Colleges colleges, RunPauses pauses, WorkingCalendars calendars, SyncRuns runs, Clock clock) {
        this.colleges = colleges;
        this.pauses = pauses;
        this.calendars = calendars;
        this.runs = runs;
        this.clock = clock;
    }

    /** Open, or closed with a code (PAUSED, BLACKOUT, NOT_READY, DISABLED, REMOVED) and a reason in Russian. */
    public record Decision(boolean open, String code, String reason) {
        public static final Decision OPEN = new Decision(true, "OPEN", null);
    }

    /** A scheduled or start-up run. */
    public Decision scheduled(String collegeId, String flow) {
        return decide(collegeId, flow, pauses.open(collegeId));
    }

    /** An operator's run: a closed gate needs the operator's confirmation. */
    public Decision manual(String collegeId, String flow) {
        return scheduled(collegeId, flow);
    }

    /** The schedule template's filter: a closed gate records the skipped run and stops the fire here. */
    public boolean admitScheduled(Exchange exchange) {
        return admit(FlowHeaders.college(exchange), FlowHeaders.flow(exchange), FlowHeaders.trigger(exchange));
    }

    /** For runs started outside the schedule template (staff refresh, start-up pass): records a skip when closed. */
    public boolean admit(String collegeId, String flow, String trigger) {
        Decision decision = scheduled(collegeId, flow);
        if (!decision.open()) {
            runs.skipped(collegeId, flow, trigger, decision.code() + ": " + decision.reason());
            LOG.info("Запуск пропущен: колледж {}, поток {}, запуск {}, причина {}", collegeId, flow, trigger, decision.code());
        }
        return decision.open();
    }

    /** An inbox poll: files of a paused flow stay in the folder until the pause ends (blackouts concern schedules only). */
    public boolean admitInboxPoll(String collegeId, String flow) {
        CachedPauses current = cached;
        if (current == null || System.nanoTime() - current.readAt() > PAUSE_CACHE_NANOS) {
            current = new CachedPauses(pauses.openAll(), System.nanoTime());
            cached = current;
        }
        List<Pause> open = current.pauses().stream().filter(pause -> pause.collegeId().equals(collegeId)).toList();
        Decision decision = decide(collegeId, flow, open);
        return decision.open() || "BLACKOUT".equals(decision.code());
    }

    public Pause pause(String collegeId, String flow, String reason, String actor) {
        Pause pause = pauses.pause(collegeId, flow, reason, actor);
        cached = null;
        return pause;
    }

    public Optional<Pause> resume(String collegeId, String flow, String actor) {
        Optional<Pause> resumed = pauses.resume(collegeId, flow, actor);
        cached = null;
        return resumed;
    }

    private Decision decide(String collegeId, String flow, List<Pause> open) {
        if (collegeId == null || !colleges.known(collegeId)) {
            return new Decision(false, Colleges.Status.REMOVED.name(), "Колледж не настроен");
        }
        CollegeSettings settings = colleges.settings(collegeId);
        ZoneId zone = settings.zone();
        return GateRules.decide(open, settings.blackouts(), calendars.forCollege(collegeId), LocalDate.ofInstant(clock.instant(), zone),
                zone, flow, colleges.status(collegeId));
    }

    private record CachedPauses(List<Pause> pauses, long readAt) {
    }
}
