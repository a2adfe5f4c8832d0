package ru.spobridge.app.console;

import java.io.IOException;
import java.io.StringWriter;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.staff.StaffRoutes;
import ru.spobridge.routes.staff.StaffSla;

/** Staff: the same-day SLA report (JSON and CSV), uploading an HR file, polling 1С:ЗУП and recomputing on command. */
@RestController
@RequestMapping("/api/colleges/{college}/staff")
public class StaffApi {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Colleges colleges;
    private final StaffSla sla;
    private final FlowCommands commands;

    public StaffApi(Colleges colleges, StaffSla sla, FlowCommands commands) {
        this.colleges = colleges;
        this.sla = sla;
        this.commands = commands;
    }

    @GetMapping("/sla")
    public ResponseEntity<List<StaffSla.OrderSla>> report(@PathVariable String college) {
        return colleges.ids().contains(college) ? ResponseEntity.ok(sla.report(college)) : ResponseEntity.notFound().build();
    }

    /** The same report for a spreadsheet: semicolon-separated, UTF-8 with a byte-order mark, local times. */
    @GetMapping(value = "/sla.csv", produces = "text/csv")
    public ResponseEntity<byte[]> reportCsv(@PathVariable String college) throws IOException {
        if (!colleges.ids().contains(college)) {
            return ResponseEntity.notFound().build();
        }
        ZoneId zone = colleges.settings(college).zone();
        StringWriter out = new StringWriter().append('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            csv.printRecord("Приказ", "Номер", "Вид", "Сотрудник", "Вступает в силу", "Получен", "Платформа", "Подтверждено",
                    "В тот же день", "Нарушение", "Причина");
            for (StaffSla.OrderSla order : sla.report(college)) {
                for (StaffSla.TargetOutcome target : order.targets()) {
                    csv.printRecord(order.orderKey(), order.orderNo(), order.kind(), order.staffLabel() == null ? order.staffId() : order.staffLabel(), order.effectiveDate(),
                            LOCAL.format(order.receivedAt().atZone(zone)), target.target(),
                            target.confirmedAt() == null ? "" : LOCAL.format(target.confirmedAt().atZone(zone)),
                            target.sameDay() ? "да" : "нет", order.violation() ? "да" : "нет", target.reason() == null ? "" : target.reason());
                }
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"staff-sla-" + college + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An HR file (EnterpriseData XML, or CSV of orders, workload or substitutions) as the request body. */
    @PostMapping(value = "/files", consumes = {FlowCommands.TEXT, FlowCommands.XML, FlowCommands.BINARY, FlowCommands.EXCEL_CSV, FlowCommands.CSV})
    public ResponseEntity<Map<String, Object>> upload(@PathVariable String college, @RequestParam String name, @RequestBody(required = false) byte[] content,
                                                      Principal operator) {
        return commands.upload(college, StaffRoutes.FILE, operator, name, content, Map.of());
    }

    @PostMapping("/zup-runs")
    public ResponseEntity<Map<String, Object>> pollZup(@PathVariable String college, Principal operator) {
        return commands.run(college, StaffRoutes.ZUP, operator);
    }

    @PostMapping("/refresh")
    public ResponseEntity<Map<String, Object>> refresh(@PathVariable String college, Principal operator) {
        return commands.run(college, StaffRoutes.REFRESH, operator);
    }
}
