package ru.spobridge.app.console;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.admin.CodeTableChanges;
import ru.spobridge.mappings.asc.AscMatching;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.region.SettingError;
import ru.spobridge.routes.schedule.ScheduleImport;
import ru.spobridge.routes.store.AscUnmatched;

/**
 * The aSc elements the schedule imports could not match, and the one call that maps one of them: the row is keyed
 * by the element's short name (its name if it has none), so the next export matches it whatever its aSc id.
 */
@RestController
@RequestMapping("/api/colleges/{college}/schedule/unmatched")
public class UnmatchedScheduleApi {

    private final Colleges colleges;
    private final AscUnmatched unmatched;
    private final CodeTableChanges changes;

    public UnmatchedScheduleApi(Colleges colleges, AscUnmatched unmatched, CodeTableChanges changes) {
        this.colleges = colleges;
        this.unmatched = unmatched;
        this.changes = changes;
    }

    public record Mapping(String code) {
    }

    @GetMapping
    public ResponseEntity<?> list(@PathVariable String college) {
        if (!colleges.known(college)) {
            return FlowCommands.unknownCollege(college);
        }
        List<Map<String, Object>> listed = new ArrayList<>();
        for (AscUnmatched.Element element : unmatched.open(college)) {
            boolean person = AscMatching.Kind.TEACHER.name().equals(element.kind());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", element.id());
            row.put("kind", element.kind());
            row.put("ascId", element.ascId());
            row.put("shortName", person ? CodeTableChanges.maskedPerson(element.shortName()) : element.shortName());
            row.put("name", person ? CodeTableChanges.maskedPerson(element.name()) : element.name());
            row.put("table", "asc." + ScheduleImport.table(AscMatching.Kind.valueOf(element.kind())));
            row.put("runId", element.runId());
            row.put("firstSeen", element.firstSeen().toString());
            listed.add(row);
        }
        return ResponseEntity.ok(listed);
    }

    @PostMapping("/{id}/mapping")
    public ResponseEntity<Map<String, Object>> map(@PathVariable String college, @PathVariable long id, @RequestBody Mapping mapping,
                                                   Principal operator) {
        var found = unmatched.find(college, id);
        if (found.isEmpty()) {
            return UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.NOT_FOUND, "Несопоставленный элемент не найден");
        }
        AscUnmatched.Element element = found.get();
        AscMatching.Kind kind = AscMatching.Kind.valueOf(element.kind());
        String table = "asc." + ScheduleImport.table(kind);
        String key = new AscMatching.Unmatched(kind, element.ascId(), element.shortName(), element.name()).mappingKey();
        CodeTableChanges.Outcome outcome = changes.put(college, table, key, mapping.code(),
                "сопоставление несопоставленного элемента aSc " + element.ascId(), operator.getName());
        if (!outcome.errors().isEmpty()) {
            List<Map<String, String>> errors = new ArrayList<>();
            for (SettingError error : outcome.errors()) {
                // the body names the code, not the row's value
                errors.add(Map.of("field", "value".equals(error.field()) ? "code" : error.field(), "message", error.message()));
            }
            ResponseEntity<Map<String, Object>> refused = UploadErrors.answer(HttpStatus.UNPROCESSABLE_ENTITY, UploadErrors.MAPPING_REFUSED,
                    "Сопоставление не создано");
            refused.getBody().put("errors", errors);
            return refused;
        }
        return ResponseEntity.ok(Map.of("table", table, "sourceCode", CodeTableChanges.shown(table, outcome.sourceCode()),
                "value", mapping.code().strip(), "version", outcome.version()));
    }
}
