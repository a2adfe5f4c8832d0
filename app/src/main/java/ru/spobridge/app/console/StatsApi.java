package ru.spobridge.app.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.staff.StaffSla;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.SyncRuns;

/** Figures for the console's charts: deliveries per day, dead letters over time, SLA and deadlines per month. */
@RestController
@RequestMapping("/api/stats")
public class StatsApi {

    private static final int MAX_DAYS = 120;

    private final SyncRuns runs;
    private final DeadLetters deadLetters;
    private final StaffSla staffSla;
    private final MarksReports marks;
    private final Colleges colleges;
    private final Access access;
    private final Clock clock;

    public StatsApi(SyncRuns runs, DeadLetters deadLetters, StaffSla staffSla, MarksReports marks, Colleges colleges, Access access,
                    Clock clock) {
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.staffSla = staffSla;
        this.marks = marks;
        this.colleges = colleges;
        this.access = access;
        this.clock = clock;
    }

    /** Records of one college and flow per day: delivered to the platforms, refused (at intake or by a platform). */
    public record Series(String college, String flow, int[] delivered, int[] rejected) {
    }

    public record Deliveries(List<LocalDate> days, List<Series> series) {
    }

    /** Per day (by the run's start, in the hub's zone) for the last {@code days} days, today included. */
    @GetMapping("/deliveries")
    public Deliveries deliveries(@RequestParam(defaultValue = "30") int days) {
        List<LocalDate> range = days(days);
        Map<String, Series> series = new TreeMap<>();
        Access.Scope scope = access.scope();
        for (SyncRuns.Run run : runs.since(start(range))) {
            if (!scope.sees(run.collegeId())) {
                continue;
            }
            int day = range.indexOf(LocalDate.ofInstant(run.startedAt(), zone()));
            if (day < 0) {
                continue;
            }
            Series one = series.computeIfAbsent(run.collegeId() + '|' + run.flow(),
                    key -> new Series(run.collegeId(), run.flow(), new int[range.size()], new int[range.size()]));
            one.delivered()[day] += run.delivered();
            one.rejected()[day] += run.rejected() + run.targetRejected();
        }
        return new Deliveries(range, new ArrayList<>(series.values()));
    }

    /** Per day: dead letters opened that day, and open at its end (waiting for an operator or for the automatic retry). */
    public record DeadLetterDays(List<LocalDate> days, int[] opened, int[] open) {
    }

    @GetMapping("/dead-letters")
    public DeadLetterDays deadLetters(@RequestParam(defaultValue = "30") int days) {
        List<LocalDate> range = days(days);
        int[] opened = new int[range.size()];
        int[] open = new int[range.size()];
        ZoneId zone = zone();
        Access.Scope scope = access.scope();
        for (DeadLetters.Span span : deadLetters.spans(start(range))) {
            if (!scope.sees(span.collegeId())) {
                continue;
            }
            for (int i = 0; i < range.size(); i++) {
                Instant dayStart = range.get(i).atStartOfDay(zone).toInstant();
                Instant dayEnd = range.get(i).plusDays(1).atStartOfDay(zone).toInstant();
                if (!span.createdAt().isBefore(dayStart) && span.createdAt().isBefore(dayEnd)) {
                    opened[i]++;
                }
                if (span.createdAt().isBefore(dayEnd) && (span.resolvedAt() == null || !span.resolvedAt().isBefore(dayEnd))) {
                    open[i]++;
                }
            }
        }
        return new DeadLetterDays(range, opened, open);
    }

    /** One month: staff orders whose accounts changed on time and late; marks entered by their deadline and after. */
    public record Month(YearMonth month, int staffOnTime, int staffLate, int marksOnTime, int marksLate) {
    }

    /** Staff orders by the month they take effect (still pending in time: not counted); marks by the lesson's month. */
    @GetMapping("/compliance")
    public List<Month> compliance(@RequestParam(required = false) String college) {
        List<String> ids;
        if (college != null && !college.isBlank()) {
            access.require(college);
            ids = List.of(college);
        } else {
            ids = access.visible(colleges.all(), id -> id);
        }
        Map<YearMonth, int[]> months = new TreeMap<>();
        for (String id : ids) {
            if (colleges.status(id) != Colleges.Status.ACTIVE) {
                continue;
            }
            for (StaffSla.OrderSla order : staffSla.report(id)) {
                boolean onTime = !order.violation() && order.targets().stream().allMatch(StaffSla.TargetOutcome::sameDay);
                if (order.violation() || onTime) {
                    months.computeIfAbsent(YearMonth.from(order.effectiveDate()), month -> new int[4])[onTime ? 0 : 1]++;
                }
            }
            for (MarksReports.MonthCompliance month : marks.monthly(id)) {
                int[] counts = months.computeIfAbsent(month.month(), key -> new int[4]);
                counts[2] += month.onTime();
                counts[3] += month.late();
            }
        }
        List<Month> answer = new ArrayList<>();
        months.forEach((month, counts) -> answer.add(new Month(month, counts[0], counts[1], counts[2], counts[3])));
        return answer;
    }

    private List<LocalDate> days(int days) {
        int count = Math.min(Math.max(days, 1), MAX_DAYS);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone());
        List<LocalDate> range = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            range.add(today.minusDays(i));
        }
        return range;
    }

    private Instant start(List<LocalDate> range) {
        return range.get(0).atStartOfDay(zone()).toInstant();
    }

    private static ZoneId zone() {
        return ZoneId.systemDefault();
    }
}
