package ru.spobridge.app.console;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.quality.JournalQualityReports;
import ru.spobridge.routes.quality.QualityDocuments;
import ru.spobridge.routes.quality.QualityReport;
import ru.spobridge.routes.quality.QualityRoutes;
import ru.spobridge.routes.store.AuditLog;

/**
 * The monthly journal-quality report of a college (seed 002 §3.10–3.11): the stored months for the trend, one month's
 * report, its XLSX and PDF (OBSERVER); building a month now and sending it to the deputy director (OPERATOR).
 */
@RestController
@RequestMapping("/api/colleges/{college}/quality")
public class QualityApi {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Colleges colleges;
    private final JournalQualityReports reports;
    private final QualityRoutes routes;
    private final Access access;
    private final AuditLog audit;

    public QualityApi(Colleges colleges, JournalQualityReports reports, QualityRoutes routes, Access access, AuditLog audit) {
        this.colleges = colleges;
        this.reports = reports;
        this.routes = routes;
        this.access = access;
        this.audit = audit;
    }

    /** The stored months, oldest first (at most {@code months}), for the console's trend and table. */
    @GetMapping
    public ResponseEntity<?> history(@PathVariable String college, @RequestParam(defaultValue = "12") int months) {
        access.require(college);
        if (!colleges.ids().contains(college)) {
            return notFound("Колледж " + college + " не найден");
        }
        return ResponseEntity.ok(reports.history(college, Math.min(Math.max(months, 1), 120)));
    }

    @GetMapping("/{month}")
    public ResponseEntity<?> month(@PathVariable String college, @PathVariable String month) {
        access.require(college);
        YearMonth period = parse(month);
        if (period == null || !colleges.ids().contains(college)) {
            return badMonthOrCollege(college, month);
        }
        return reports.get(college, period).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound("Отчёт за " + month + " ещё не построен"));
    }

    /** Builds the month now (default: the month before), replacing a stored one; {@code send} also mails it. */
    @PostMapping("/build")
    public ResponseEntity<?> build(@PathVariable String college, @RequestParam(required = false) String month,
                                   @RequestParam(defaultValue = "false") boolean send) {
        access.require(college);
        if (!colleges.ids().contains(college)) {
            return notFound("Колледж " + college + " не найден");
        }
        YearMonth period = month == null || month.isBlank() ? reports.previousMonth(college) : parse(month);
        if (period == null) {
            return badMonthOrCollege(college, month);
        }
        QualityReport report = reports.build(college, period, access.user());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("report", report);
        if (send) {
            answer.put("sent", routes.send(report));
        }
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/{month}/report.{format}")
    public ResponseEntity<byte[]> document(@PathVariable String college, @PathVariable String month, @PathVariable String format) {
        access.require(college);
        YearMonth period = parse(month);
        if (period == null || !colleges.ids().contains(college) || !List.of("xlsx", "pdf").contains(format)) {
            return TableExport.unknown("Такого отчёта нет: ожидается месяц ГГГГ-ММ и формат xlsx или pdf, колледж — из списка колледжей");
        }
        QualityReport report = reports.get(college, period).orElse(null);
        if (report == null) {
            return TableExport.unknown("Отчёт за " + month + " ещё не построен");
        }
        boolean xlsx = "xlsx".equals(format);
        byte[] content = xlsx ? QualityDocuments.xlsx(report) : QualityDocuments.pdf(report);
        audit.record(access.user(), "EXPORT", college, "Отчёт о ведении журнала (" + format + ")", "месяц " + month);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("journal-quality-" + college + "-" + month + "." + format, StandardCharsets.UTF_8).build().toString())
                .contentType(xlsx ? XLSX : MediaType.APPLICATION_PDF)
                .body(content);
    }

    private static YearMonth parse(String month) {
        try {
            return month == null ? null : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ResponseEntity<?> badMonthOrCollege(String college, String month) {
        return colleges.ids().contains(college)
                ? ResponseEntity.badRequest().body(Map.of("code", "MALFORMED", "message", "Месяц «" + month + "» ожидается в виде ГГГГ-ММ"))
                : notFound("Колледж " + college + " не найден");
    }

    private static ResponseEntity<?> notFound(String message) {
        return ResponseEntity.status(404).body(Map.of("code", "NOT_FOUND", "message", message));
    }
}
