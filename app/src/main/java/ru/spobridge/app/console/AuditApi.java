package ru.spobridge.app.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.store.AuditLog;

/** The audit log for the console: filtered pages with Russian action names and subjects; codes kept for filters. */
@RestController
@RequestMapping("/api/audit")
public class AuditApi {

    // dates in the filter are the operator's calendar days; the hub serves Russian colleges, Moscow time is the default
    private static final ZoneId CONSOLE_ZONE = ZoneId.of("Europe/Moscow");

    private final AuditLog audit;
    private final Access access;

    public AuditApi(AuditLog audit, Access access) {
        this.audit = audit;
        this.access = access;
    }

    public record Entry(long id, Instant at, String actor, String action, String actionName, String collegeId, String subject,
                        String details) {
    }

    public record Page(List<Entry> items, int page, int size, int total) {
    }

    /** Filters: college, user, action code, dates from and to (inclusive, yyyy-MM-dd). */
    @GetMapping("/page")
    public ResponseEntity<Page> page(@RequestParam(required = false) String college, @RequestParam(required = false) String user,
                                     @RequestParam(required = false) String action, @RequestParam(required = false) LocalDate from,
                                     @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        if (RejectedApi.blank(college) != null) {
            access.require(college.strip());
        }
        AuditLog.Filter filter = new AuditLog.Filter(access.scope().filter(), RejectedApi.blank(college), RejectedApi.blank(user),
                RejectedApi.blank(action), from == null ? null : from.atStartOfDay(CONSOLE_ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(CONSOLE_ZONE).toInstant());
        int pageSize = Math.min(Math.max(size, 1), 500);
        int pageNo = Math.max(page, 0);
        List<Entry> items = audit.page(filter, pageNo * pageSize, pageSize).stream()
                .map(e -> new Entry(e.id(), e.at(), e.actor(), e.action(), AuditActions.name(e.action()), e.collegeId(),
                        AuditActions.russian(e.subject()), AuditActions.russian(e.details())))
                .toList();
        return ResponseEntity.ok(new Page(items, pageNo, pageSize, audit.count(filter)));
    }

    /** Action codes with their Russian names, for the filter list. */
    @GetMapping("/actions")
    public Map<String, String> actions() {
        return AuditActions.all();
    }
}
