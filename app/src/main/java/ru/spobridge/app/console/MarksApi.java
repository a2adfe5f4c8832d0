package ru.spobridge.app.console;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.store.AuditLog;

/** Marks and attendance: late report, sent-vs-accepted reconciliation, a statement upload, a pull on command. */
@RestController
@RequestMapping("/api/colleges/{college}/marks")
public class MarksApi {

    private final Colleges colleges;
    private final MarksReports reports;
    private final ProducerTemplate camel;
    private final AuditLog audit;

    public MarksApi(Colleges colleges, MarksReports reports, ProducerTemplate camel, AuditLog audit) {
        this.colleges = colleges;
        this.reports = reports;
        this.camel = camel;
        this.audit = audit;
    }

    @GetMapping("/late")
    public ResponseEntity<List<MarksReports.GroupTeacher>> late(@PathVariable String college) {
        return colleges.ids().contains(college) ? ResponseEntity.ok(reports.late(college)) : ResponseEntity.notFound().build();
    }

    @GetMapping("/reconciliation")
    public ResponseEntity<List<MarksReports.DayOutcome>> reconciliation(@PathVariable String college) {
        return colleges.ids().contains(college) ? ResponseEntity.ok(reports.reconciliation(college)) : ResponseEntity.notFound().build();
    }

    @PostMapping("/pull")
    public ResponseEntity<Map<String, Object>> pull(@PathVariable String college, Principal operator) {
        if (!colleges.ids().contains(college)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Колледж не настроен"));
        }
        Exchange exchange = camel.request(MarksRoutes.PULL, ex -> ex.getIn().setHeaders(Map.of(ContingentSync.COLLEGE, college,
                ContingentSync.TRIGGER, "operator:" + operator.getName())));
        return ResponseEntity.accepted().body(Map.of("runId", exchange.getMessage().getHeader(ContingentSync.RUN, Long.class)));
    }

    @PostMapping("/statement")
    public ResponseEntity<Map<String, Object>> statement(@PathVariable String college, @RequestParam String name, @RequestBody byte[] content,
                                                         Principal operator) {
        if (!colleges.ids().contains(college)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Колледж не настроен"));
        }
        audit.record(operator.getName(), "STATEMENT_UPLOADED", college, name, content.length + " байт");
        Exchange exchange = camel.request(MarksRoutes.STATEMENT, ex -> {
            ex.getIn().setHeaders(Map.of(ContingentSync.COLLEGE, college, ContingentSync.TRIGGER, "operator:" + operator.getName(),
                    Exchange.FILE_NAME, name));
            ex.getIn().setBody(content);
        });
        return ResponseEntity.accepted().body(Map.of("runId", exchange.getMessage().getHeader(ContingentSync.RUN, Long.class)));
    }
}
