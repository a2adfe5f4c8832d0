package ru.spobridge.app.admin;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.CodeTableRules;
import ru.spobridge.routes.config.CodeTables;
import ru.spobridge.routes.config.region.SettingError;
import ru.spobridge.routes.store.CodeTableEntries;

/**
 * A college's code tables (aSc mapping, positions, mark scale, absence reasons) as data: each effective row with
 * its origin, checked changes with who, when, before and after. A change takes effect at the next run.
 * Codes travel in the body or a parameter, not the path: they are Cyrillic and may hold «/».
 */
@RestController
@RequestMapping("/api/admin/colleges/{college}/code-tables")
public class CodeTableAdminApi {

    private final Colleges colleges;
    private final CodeTables tables;
    private final CodeTableEntries entries;
    private final CodeTableChanges changes;

    public CodeTableAdminApi(Colleges colleges, CodeTables tables, CodeTableEntries entries, CodeTableChanges changes) {
        this.colleges = colleges;
        this.tables = tables;
        this.entries = entries;
        this.changes = changes;
    }

    public record RowChange(String sourceCode, String value, String reason) {
    }

    @GetMapping
    public ResponseEntity<List<Map<String, Object>>> tables(@PathVariable String college) {
        if (!colleges.known(college)) {
            return ResponseEntity.notFound().build();
        }
        List<Map<String, Object>> listed = new ArrayList<>();
        for (String table : CodeTableRules.TABLES) {
            List<CodeTables.Entry> rows = tables.effective(college, table);
            listed.add(Map.of("table", table, "entries", rows.size(),
                    "stored", rows.stream().filter(row -> CodeTables.STORE.equals(row.origin())).count()));
        }
        return ResponseEntity.ok(listed);
    }

    @GetMapping("/{table}")
    public ResponseEntity<Map<String, Object>> table(@PathVariable String college, @PathVariable String table) {
        if (!colleges.known(college) || !CodeTableRules.TABLES.contains(table)) {
            return ResponseEntity.notFound().build();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CodeTables.Entry entry : tables.effective(college, table)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sourceCode", CodeTableChanges.shown(table, entry.sourceCode()));
            row.put("value", entry.value());
            row.put("origin", entry.origin());
            row.put("version", entry.version());
            rows.add(row);
        }
        return ResponseEntity.ok(Map.of("college", college, "table", table, "entries", rows));
    }

    @PutMapping("/{table}")
    public ResponseEntity<Map<String, Object>> put(@PathVariable String college, @PathVariable String table, @RequestBody RowChange change,
                                                   Principal operator) {
        if (!colleges.known(college)) {
            return ResponseEntity.notFound().build();
        }
        CodeTableChanges.Outcome outcome = changes.put(college, table, change.sourceCode(), change.value(), change.reason(), operator.getName());
        if (!outcome.errors().isEmpty()) {
            return refused(outcome.errors());
        }
        return ResponseEntity.ok(Map.of("table", table, "sourceCode", CodeTableChanges.shown(table, outcome.sourceCode()),
                "version", outcome.version()));
    }

    @DeleteMapping("/{table}")
    public ResponseEntity<Map<String, Object>> delete(@PathVariable String college, @PathVariable String table, @RequestParam String sourceCode,
                                                      @RequestParam(required = false) String reason, Principal operator) {
        if (!colleges.known(college) || !CodeTableRules.TABLES.contains(table)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(Map.of("removed", changes.remove(college, table, sourceCode, reason, operator.getName())));
    }

    @GetMapping("/{table}/history")
    public ResponseEntity<List<Map<String, Object>>> history(@PathVariable String college, @PathVariable String table) {
        if (!colleges.known(college) || !CodeTableRules.TABLES.contains(table)) {
            return ResponseEntity.notFound().build();
        }
        List<Map<String, Object>> listed = new ArrayList<>();
        for (CodeTableEntries.Change change : entries.history(college, table)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sourceCode", CodeTableChanges.shown(table, change.sourceCode()));
            row.put("before", change.before());
            row.put("after", change.after());
            row.put("reason", change.reason());
            row.put("changedBy", change.changedBy());
            row.put("changedAt", change.changedAt().toString());
            listed.add(row);
        }
        return ResponseEntity.ok(listed);
    }

    static ResponseEntity<Map<String, Object>> refused(List<SettingError> errors) {
        List<Map<String, String>> listed = errors.stream().map(error -> Map.of("field", error.field(), "message", error.message())).toList();
        return ResponseEntity.unprocessableEntity().body(Map.of("code", "INVALID_SETTINGS", "message", "Таблица кодов не изменена", "errors", listed));
    }
}
