package ru.spobridge.app.console;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quartz.CronExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.BlackoutSettings;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.flow.CollegeRoute;
import ru.spobridge.routes.flow.CollegeRouteTemplates;
import ru.spobridge.routes.flow.Flow;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.flow.RunGate;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The region at a glance: every visible college × flow with its last run, its next scheduled run (from the college's
 * Quartz cron in its zone), whether the gate would skip it now (pause, blackout, college not active) and when its source
 * last brought a change.
 */
@RestController
@RequestMapping("/api")
public class OverviewApi {

    /** The flows of the console's matrix, in its column order. */
    static final List<String> FLOWS = List.of("contingent", "staff", "marks", "schedule", "reference");

    private final Colleges colleges;
    private final Flows flows;
    private final RunGate gate;
    private final SyncRuns runs;
    private final Access access;
    private final Clock clock;
    private final boolean schedulesOn;

    public OverviewApi(Colleges colleges, Flows flows, RunGate gate, SyncRuns runs, Access access, Clock clock,
                       ru.spobridge.routes.config.HubProperties properties) {
        this.schedulesOn = properties.sync().schedules();
        this.colleges = colleges;
        this.flows = flows;
        this.gate = gate;
        this.runs = runs;
        this.access = access;
        this.clock = clock;
    }

    /**
     * One cell: state is ok, warn, bad or idle (never ran); gate is null when a scheduled run would start now; nextRun is
     * null when the hub's schedules are off (spo.sync.schedules) though the flow has one.
     */
    public record Cell(String flow, String state, SyncRuns.Run last, Instant nextRun, String schedule, boolean runnable,
                       RunGate.Decision gate, Instant lastChangeAt, Long lastChangeRun) {
    }

    public record CollegeRow(String id, String name, Colleges.Status status, String zone, List<BlackoutSettings> blackouts,
                             List<Cell> cells) {
    }

    public record Overview(Instant now, List<String> flows, List<CollegeRow> colleges) {
    }

    @GetMapping("/overview")
    public Overview overview() {
        Instant now = clock.instant();
        Map<String, SyncRuns.Run> latest = runs.latest().stream().collect(Collectors.toMap(run -> run.collegeId() + '|' + run.flow(),
                Function.identity()));
        Map<String, SyncRuns.LastChange> changes = runs.lastChanges().stream().collect(Collectors.toMap(
                change -> change.collegeId() + '|' + change.flow(), Function.identity()));
        List<CollegeRow> rows = new ArrayList<>();
        for (String id : access.visible(colleges.all(), college -> college)) {
            CollegeSettings settings = settings(id);
            List<Cell> cells = new ArrayList<>();
            for (String flowName : FLOWS) {
                SyncRuns.Run last = latest.get(id + '|' + flowName);
                SyncRuns.LastChange change = changes.get(id + '|' + flowName);
                Flow flow = flows.find(flowName).orElse(null);
                List<CollegeRoute> schedules = flow == null || settings == null ? List.of()
                        : flow.collegeRoutes(id, settings, true).stream()
                                .filter(route -> CollegeRouteTemplates.SCHEDULE.equals(route.templateId())).toList();
                Instant next = null;
                List<String> crons = new ArrayList<>();
                for (CollegeRoute route : schedules) {
                    String cron = route.parameters().get("cron").replace('+', ' ');
                    crons.add(cron);
                    Instant fire = !schedulesOn ? null : nextFire(cron, route.parameters().get("zone"), now);
                    if (fire != null && (next == null || fire.isBefore(next))) {
                        next = fire;
                    }
                }
                RunGate.Decision decision = gate.scheduled(id, flowName);
                boolean runnable = flow != null && settings != null && flow.runEntry(id, settings).isPresent();
                cells.add(new Cell(flowName, state(last, decision), last, next, crons.isEmpty() ? null : String.join("; ", crons), runnable,
                        decision.open() ? null : decision, change == null ? null : change.startedAt(), change == null ? null : change.runId()));
            }
            rows.add(new CollegeRow(id, settings == null ? null : settings.name(), colleges.status(id),
                    settings == null || settings.zone() == null ? null : settings.zone().getId(),
                    settings == null ? List.of() : settings.blackouts(), cells));
        }
        return new Overview(now, FLOWS, rows);
    }

    private CollegeSettings settings(String id) {
        try {
            return colleges.settings(id);
        } catch (IllegalStateException e) {
            // not ready since its first start: no settings resolved yet
            return null;
        }
    }

    static String state(SyncRuns.Run last, RunGate.Decision gate) {
        if (last == null) {
            return gate.open() ? "idle" : "warn";
        }
        switch (last.status()) {
            case SyncRuns.FAILED, SyncRuns.FILE_REFUSED, SyncRuns.INTERRUPTED, SyncRuns.HELD, SyncRuns.REJECTED:
                return "bad";
            case SyncRuns.COMPLETED_WITH_ERRORS:
                return "warn";
            default:
                return !gate.open() || last.rejected() > 0 ? "warn" : "ok";
        }
    }

    private static Instant nextFire(String cron, String zone, Instant after) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone == null ? "UTC" : zone));
            Date next = expression.getNextValidTimeAfter(Date.from(after));
            return next == null ? null : next.toInstant();
        } catch (ParseException e) {
            // settings are validated at binding; a schedule Quartz cannot read shows as no next run
            return null;
        }
    }
}
