package ru.spobridge.app.console;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.model.College;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.flow.RunReports;
import ru.spobridge.routes.reconciliation.ReconciliationReports;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;

/** The operator console's read API: runs, refused records, dead letters, held runs, audit — labels masked, no payloads. */
@RestController
@RequestMapping("/api")
public class ConsoleApi {

    private final SyncRuns runs;
    private final RejectedRecords rejected;
    private final DeadLetters deadLetters;
    private final Colleges colleges;
    private final HeldRuns heldRuns;
    private final AuditLog audit;
    private final ReconciliationReports reports;
    private final CanonicalRecords canonical;
    private final RunReports runReports;
    private final Access access;

    public ConsoleApi(SyncRuns runs, RejectedRecords rejected, DeadLetters deadLetters, Colleges colleges, HeldRuns heldRuns,
                      AuditLog audit, ReconciliationReports reports, CanonicalRecords canonical, RunReports runReports, Access access) {
        this.access = access;
        this.canonical = canonical;
        this.runReports = runReports;
        this.runs = runs;
        this.rejected = rejected;
        this.deadLetters = deadLetters;
        this.colleges = colleges;
        this.heldRuns = heldRuns;
        this.audit = audit;
        this.reports = reports;
    }

    /** A known college and whether it runs (ACTIVE), lacks a setting (NOT_READY), is disabled or removed. */
    public record CollegeView(String id, String name, String region, String ogrn, java.time.ZoneId zone, Colleges.Status status) {
    }

    @GetMapping("/colleges")
    public List<CollegeView> colleges() {
        return access.visible(colleges.all(), id -> id).stream().map(id -> {
            Colleges.Status status = colleges.status(id);
            try {
                College college = colleges.college(id);
                return new CollegeView(id, college.name(), college.region(), college.ogrn(), college.zone(), status);
            } catch (IllegalStateException e) {
                // not ready since its first start: no settings resolved yet
                return new CollegeView(id, null, null, null, null, status);
            }
        }).toList();
    }

    /**
     * Records of a college on their way to its platforms (sent, not yet answered; zero when nothing is owed but dead
     * letters), and its runs still reading or delivering (a run's batch may still be on the bus after other batches
     * delivered its records).
     */
    public record InFlightView(int total, List<CanonicalRecords.InFlight> byTarget, int openRuns) {
    }

    @GetMapping("/colleges/{id}/in-flight")
    public ResponseEntity<InFlightView> inFlight(@PathVariable String id) {
        if (!colleges.all().contains(id)) {
            return ResponseEntity.notFound().build();
        }
        access.require(id);
        List<CanonicalRecords.InFlight> byTarget = canonical.inFlight(id);
        int openRuns = (int) runs.open().stream().filter(run -> id.equals(run.collegeId())).count();
        return ResponseEntity.ok(new InFlightView(byTarget.stream().mapToInt(CanonicalRecords.InFlight::records).sum(), byTarget, openRuns));
    }

    @GetMapping("/runs/latest")
    public List<SyncRuns.Run> latestRuns() {
        return access.visible(runs.latest(), SyncRuns.Run::collegeId);
    }

    @GetMapping("/runs/{id}")
    public ResponseEntity<SyncRuns.Run> run(@PathVariable long id) {
        return ResponseEntity.of(runs.get(id).map(run -> {
            access.require(run.collegeId());
            return run;
        }));
    }

    /** A run's report: figures, what it read in the source's terms, rejections by cause with examples, what it closed. */
    @GetMapping("/runs/{id}/report")
    public ResponseEntity<RunReports.Report> report(@PathVariable long id) {
        runs.get(id).ifPresent(run -> access.require(run.collegeId()));
        return ResponseEntity.of(runReports.report(id));
    }

    @GetMapping("/rejected")
    public List<RejectedRecords.Rejection> rejected(@RequestParam(required = false) String college,
                                                    @RequestParam(defaultValue = "200") int limit) {
        if (college != null) {
            access.require(college);
            return rejected.open(college, Math.min(Math.max(limit, 1), 1000));
        }
        // a scoped user's colleges are few: the newest of each, merged, stay within the limit
        int shown = Math.min(Math.max(limit, 1), 1000);
        List<String> scope = access.scope().filter();
        if (scope == null) {
            return rejected.open(null, shown);
        }
        return scope.stream().flatMap(id -> rejected.open(id, shown).stream())
                .sorted(java.util.Comparator.comparing(RejectedRecords.Rejection::lastSeen).reversed()).limit(shown).toList();
    }

    @GetMapping("/held-runs")
    public List<HeldRuns.Held> heldRuns() {
        return access.visible(heldRuns.open(), HeldRuns.Held::collegeId);
    }

    @GetMapping("/audit")
    public List<AuditLog.Entry> audit(@RequestParam(defaultValue = "100") int limit) {
        List<String> scope = access.scope().filter();
        List<AuditLog.Entry> entries = audit.recent(Math.min(Math.max(limit, 1), 1000) * (scope == null ? 1 : 5));
        // hub-wide entries (no college) are for whole-hub users only
        return entries.stream().filter(entry -> scope == null || entry.collegeId() != null && scope.contains(entry.collegeId()))
                .limit(Math.min(Math.max(limit, 1), 1000)).toList();
    }

    @GetMapping("/reconciliation")
    public List<ReconciliationReports.Report> reconciliationReports(@RequestParam(defaultValue = "10") int limit) {
        return access.visible(reports.latestIds(Math.min(Math.max(limit, 1), 100)).stream().map(reports::get)
                .flatMap(java.util.Optional::stream).toList(), ReconciliationReports.Report::collegeId);
    }

    @GetMapping("/reconciliation/{id}")
    public ResponseEntity<ReconciliationReports.Report> reconciliationReport(@PathVariable long id) {
        return ResponseEntity.of(reports.get(id).map(report -> {
            access.require(report.collegeId());
            return report;
        }));
    }
}
