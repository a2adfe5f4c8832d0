package ru.spobridge.app.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.staff.StaffSla;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.NotificationStore;
import ru.spobridge.routes.store.NotificationStore.RunFigures;

/**
 * A college's figures for a summary: its runs of a period by flow, and what waits for someone now — dead letters,
 * unfixed rejections, held runs, staff orders past their day, marks entered late. Counts and run numbers only.
 */
@Component
public class CollegeFigures {

    private static final Logger log = LoggerFactory.getLogger(CollegeFigures.class);

    private final Colleges colleges;
    private final Recipients recipients;
    private final NotificationStore store;
    private final DeadLetters deadLetters;
    private final HeldRuns heldRuns;
    private final StaffSla sla;
    private final MarksReports marks;
    private final Clock clock;

    public CollegeFigures(Colleges colleges, Recipients recipients, NotificationStore store, DeadLetters deadLetters, HeldRuns heldRuns,
                          StaffSla sla, MarksReports marks, Clock clock) {
        this.colleges = colleges;
        this.recipients = recipients;
        this.store = store;
        this.deadLetters = deadLetters;
        this.heldRuns = heldRuns;
        this.sla = sla;
        this.marks = marks;
        this.clock = clock;
    }

    /** One flow's runs of the period, added up. */
    public record FlowLine(String flow, int runs, Map<String, Integer> statuses, int read, int changed, int rejected, int published,
                           int delivered, int targetRejected, int deadLetters) {
    }

    /** {@code slaViolations} and {@code marksLate} are null when they could not be worked out (the summary says so). */
    public record Figures(String college, String name, String region, ZoneId zone, Instant since, Instant until, List<FlowLine> flows,
                          int deadLettersOpen, int deadLettersRetrying, int rejectionsOpen, List<Long> heldRuns, List<String> heldFlows,
                          Integer slaViolations, Integer marksLate) {

        public int runs() {
            return flows.stream().mapToInt(FlowLine::runs).sum();
        }

        public int delivered() {
            return flows.stream().mapToInt(FlowLine::delivered).sum();
        }

        public int targetRejected() {
            return flows.stream().mapToInt(FlowLine::targetRejected).sum();
        }

        public int intakeRejected() {
            return flows.stream().mapToInt(FlowLine::rejected).sum();
        }

        public int deadLettered() {
            return flows.stream().mapToInt(FlowLine::deadLetters).sum();
        }

        public int failedRuns() {
            return flows.stream().mapToInt(line -> line.statuses().getOrDefault("FAILED", 0) + line.statuses().getOrDefault("FILE_REFUSED", 0)
                    + line.statuses().getOrDefault("INTERRUPTED", 0)).sum();
        }

        /** Anything that waits for a person now. */
        public boolean needsAttention() {
            return deadLettersOpen > 0 || !heldRuns.isEmpty() || (slaViolations != null && slaViolations > 0)
                    || (marksLate != null && marksLate > 0) || failedRuns() > 0;
        }
    }

    /** The figures of the day before now. */
    public Figures lastDay(String college) {
        Instant until = clock.instant();
        return of(college, until.minus(java.time.Duration.ofDays(1)), until);
    }

    public Figures of(String college, Instant since, Instant until) {
        CollegeSettings settings = colleges.settings(college);
        Map<String, List<RunFigures>> byFlow = new LinkedHashMap<>();
        for (RunFigures run : store.runsSince(college, since)) {
            byFlow.computeIfAbsent(run.flow(), flow -> new ArrayList<>()).add(run);
        }
        List<FlowLine> flows = new ArrayList<>();
        byFlow.forEach((flow, runs) -> {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            runs.forEach(run -> statuses.merge(run.status(), 1, Integer::sum));
            flows.add(new FlowLine(flow, runs.size(), statuses, runs.stream().mapToInt(RunFigures::read).sum(),
                    runs.stream().mapToInt(RunFigures::changed).sum(), runs.stream().mapToInt(RunFigures::rejected).sum(),
                    runs.stream().mapToInt(RunFigures::published).sum(), runs.stream().mapToInt(RunFigures::delivered).sum(),
                    runs.stream().mapToInt(RunFigures::targetRejected).sum(), runs.stream().mapToInt(RunFigures::deadLetters).sum()));
        });
        List<HeldRuns.Held> held = heldRuns.open().stream().filter(run -> college.equals(run.collegeId())).toList();
        return new Figures(college, settings.name(), regionName(college, settings), settings.zone(), since, until, flows,
                deadLetters.countOpen(college), deadLetters.countRetrying(college), store.openRejections(college),
                held.stream().map(HeldRuns.Held::runId).toList(), held.stream().map(HeldRuns.Held::flow).toList(),
                slaViolations(college), marksLate(college));
    }

    public Integer slaViolations(String college) {
        try {
            return (int) sla.report(college).stream().filter(StaffSla.OrderSla::violation).count();
        } catch (RuntimeException unavailable) {
            log.warn("Сводка {}: сроки кадровых приказов не получены: {}", college, unavailable.getMessage());
            return null;
        }
    }

    /** Marks entered after the college's deadline, as the deputy directors' report counts them. */
    public Integer marksLate(String college) {
        try {
            return marks.late(college).stream().mapToInt(row -> row.lateMarks().size()).sum();
        } catch (RuntimeException unavailable) {
            log.warn("Сводка {}: отметки позже срока не подсчитаны: {}", college, unavailable.getMessage());
            return null;
        }
    }

    private String regionName(String college, CollegeSettings settings) {
        return settings.region() != null && !settings.region().isBlank() ? settings.region() : recipients.regionOf(college);
    }
}
