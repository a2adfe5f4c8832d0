package ru.spobridge.app.console;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.spobridge.mappings.ktp.KtpFile;
import ru.spobridge.model.journal.PlanItem;
import ru.spobridge.model.journal.ThematicPlan;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.ktp.TopicFindings;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.ThematicPlans;

/**
 * Calendar-thematic plans (КТП): a CSV or XLSX file of plans imported (each group and discipline replacing its plan),
 * the plans listed, and the journal's topics checked against them (seed 002 §3.8–3.9).
 */
@RestController
@RequestMapping("/api/colleges/{college}/ktp")
public class KtpApi {

    public static final String NOTHING_IMPORTED = "NOTHING_IMPORTED";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Colleges colleges;
    private final ThematicPlans plans;
    private final TopicFindings findings;
    private final AuditLog audit;

    public KtpApi(Colleges colleges, ThematicPlans plans, TopicFindings findings, AuditLog audit) {
        this.colleges = colleges;
        this.plans = plans;
        this.findings = findings;
        this.audit = audit;
    }

    /** The file as a browser's form sends it (part «file»). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> uploadForm(@PathVariable String college, @RequestPart("file") MultipartFile file,
                                                          Principal operator) throws IOException {
        return upload(college, file.getOriginalFilename(), file.getBytes(), operator);
    }

    /** The file as the request body, named by ?name= (like every other upload of the hub). */
    @PostMapping(consumes = {FlowCommands.TEXT, FlowCommands.BINARY, FlowCommands.EXCEL_CSV, FlowCommands.CSV, XLSX})
    public ResponseEntity<Map<String, Object>> uploadBody(@PathVariable String college, @RequestParam String name,
                                                          @RequestBody(required = false) byte[] content, Principal operator) {
        return upload(college, name, content, operator);
    }

    private ResponseEntity<Map<String, Object>> upload(String college, String fileName, byte[] content, Principal operator) {
        if (!colleges.ids().contains(college)) {
            return FlowCommands.unknownCollege(college);
        }
        if (content == null || content.length == 0) {
            return UploadErrors.emptyFile();
        }
        if (content.length > UploadErrors.MAX_UPLOAD_BYTES) {
            return UploadErrors.tooLarge(content.length);
        }
        String name = fileName == null || fileName.isBlank() ? "ktp" : fileName;
        KtpFile.Result result = KtpFile.parse(college, name, content);
        int replaced = result.plans().isEmpty() ? 0 : plans.replace(result.plans(), name, operator.getName());
        audit.record(operator.getName(), "FILE_UPLOADED", college, "ktp " + name, content.length + " байт; планов: " + result.plans().size()
                + ", занятий: " + result.items() + ", ошибок: " + result.errors().size());
        Map<String, Object> body = new LinkedHashMap<>();
        if (result.plans().isEmpty()) {
            body.put("code", NOTHING_IMPORTED);
            body.put("message", "КТП не загружен: в файле нет ни одной верной строки" + (result.errors().isEmpty() ? ""
                    : " — " + result.errors().get(0).message()));
        }
        body.put("format", result.format());
        body.put("plans", result.plans().size());
        body.put("replaced", replaced);
        body.put("items", result.items());
        body.put("rows", result.rows());
        body.put("imported", result.plans().stream().map(plan -> Map.of("group", plan.groupCode(), "discipline", plan.disciplineCode(),
                "items", plan.items().size())).toList());
        body.put("errors", result.errors());
        return ResponseEntity.status(result.plans().isEmpty() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK).body(body);
    }

    /** A stored plan as the console lists it. */
    public record PlanView(String group, String discipline, String fileName, String importedBy, Instant importedAt, int hours,
                           List<PlanItem> items) {
    }

    @GetMapping
    public ResponseEntity<List<PlanView>> plans(@PathVariable String college) {
        if (!colleges.ids().contains(college)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(plans.plans(college).stream().map(stored -> {
            ThematicPlan plan = stored.plan();
            return new PlanView(plan.groupCode(), plan.disciplineCode(), stored.fileName(), stored.importedBy(), stored.importedAt(),
                    plan.items().stream().mapToInt(PlanItem::hours).sum(), plan.items());
        }).toList());
    }

    @GetMapping("/findings")
    public ResponseEntity<TopicFindings.Report> findings(@PathVariable String college,
                                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (!colleges.ids().contains(college)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(findings.report(college, from, to));
    }
}
