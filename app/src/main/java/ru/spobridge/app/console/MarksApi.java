package ru.spobridge.app.console;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.marks.MarksRoutes;

/** Marks and attendance: late report, sent-vs-accepted reconciliation, a statement upload, a pull on command. */
@RestController
@RequestMapping("/api/colleges/{college}/marks")
public class MarksApi {

    private final Colleges colleges;
    private final MarksReports reports;
    private final FlowCommands commands;

    public MarksApi(Colleges colleges, MarksReports reports, FlowCommands commands) {
        this.colleges = colleges;
        this.reports = reports;
        this.commands = commands;
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
        return commands.run(college, MarksRoutes.PULL, operator);
    }

    @PostMapping(value = "/statement", consumes = {FlowCommands.TEXT, FlowCommands.XML, FlowCommands.BINARY, FlowCommands.EXCEL_CSV, FlowCommands.CSV})
    public ResponseEntity<Map<String, Object>> statement(@PathVariable String college, @RequestParam String name, @RequestBody(required = false) byte[] content,
                                                         Principal operator) {
        return commands.upload(college, MarksRoutes.STATEMENT, operator, name, content, Map.of());
    }
}
