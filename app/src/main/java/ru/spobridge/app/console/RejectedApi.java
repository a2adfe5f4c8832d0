package ru.spobridge.app.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.store.RejectedRecords;

/** Open rejections for the console: filtered pages, counts by cause, and the filtered list as CSV or XLSX (masked labels only). */
@RestController
@RequestMapping("/api/rejected")
public class RejectedApi {

    static final int MAX_EXPORT = 100_000;

    private final RejectedRecords rejected;
    private final Access access;
    private final TableExport export;

    public RejectedApi(RejectedRecords rejected, Access access, TableExport export) {
        this.rejected = rejected;
        this.access = access;
        this.export = export;
    }

    public record Page(List<RejectedRecords.Rejection> items, int page, int size, int total) {
    }

    @GetMapping("/page")
    public Page page(@RequestParam(required = false) String college, @RequestParam(required = false) String flow,
                     @RequestParam(required = false) String entityType, @RequestParam(required = false) String code,
                     @RequestParam(required = false) String key, @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        RejectedRecords.Filter filter = filter(college, flow, entityType, code, key);
        int pageSize = Math.min(Math.max(size, 1), 500);
        int pageNo = Math.max(page, 0);
        return new Page(rejected.page(filter, pageNo * pageSize, pageSize), pageNo, pageSize, rejected.count(filter));
    }

    /** Counts by cause code for the same filter (without the code criterion, so every cause shows). */
    @GetMapping("/causes")
    public List<RejectedRecords.CauseCount> causes(@RequestParam(required = false) String college, @RequestParam(required = false) String flow,
                                                   @RequestParam(required = false) String entityType, @RequestParam(required = false) String key) {
        return rejected.causeCounts(filter(college, flow, entityType, null, key));
    }

    @GetMapping("/export.{format}")
    public ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam(required = false) String college,
                                         @RequestParam(required = false) String flow, @RequestParam(required = false) String entityType,
                                         @RequestParam(required = false) String code, @RequestParam(required = false) String key) {
        if (!TableExport.FORMATS.contains(format)) {
            return TableExport.unknown("Выгрузка бывает в форматах csv и xlsx");
        }
        RejectedRecords.Filter filter = filter(college, flow, entityType, code, key);
        List<List<Object>> rows = new ArrayList<>();
        for (RejectedRecords.Rejection r : rejected.page(filter, 0, MAX_EXPORT)) {
            rows.add(java.util.Arrays.asList(r.collegeId(), r.flow(), r.entityType(), r.entityKey(), r.maskedLabel(),
                    r.target() == null ? "приём" : r.target(), r.field(), r.code(), r.message(), r.firstSeen().toString(), r.lastSeen().toString()));
        }
        return export.answer(format, "rejected", "Отклонённые записи", college, described(college, flow, entityType, code, key),
                new TableExport.Table(List.of("Колледж", "Поток", "Тип записи", "Ключ", "Запись (маскировано)", "Этап", "Поле", "Код причины",
                        "Причина", "Впервые", "Последний раз"), rows));
    }

    private RejectedRecords.Filter filter(String college, String flow, String entityType, String code, String key) {
        if (blank(college) != null) {
            access.require(college);
        }
        return new RejectedRecords.Filter(access.scope().filter(), blank(college), blank(flow), blank(entityType), blank(code), blank(key));
    }

    // the key filter is a record key (an id), never a name: nothing personal lands in the audit row
    static String described(String college, String flow, String entityType, String code, String key) {
        Map<String, String> stated = new LinkedHashMap<>();
        stated.put("колледж", college);
        stated.put("поток", flow);
        stated.put("тип записи", entityType);
        stated.put("причина", code);
        stated.put("ключ содержит", key);
        return String.join(", ", stated.entrySet().stream().filter(e -> blank(e.getValue()) != null)
                .map(e -> e.getKey() + " = " + e.getValue()).toList());
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
