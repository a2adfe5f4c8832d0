package ru.spobridge.app.admin;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.CollegeResolver;
import ru.spobridge.routes.flow.CollegeRegistry;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CollegeStore;
import ru.spobridge.routes.store.CollegeStore.StoredCollege;
import ru.spobridge.routes.store.CollegeStore.StoredRegion;

/**
 * Colleges as data, while the hub runs: create, change, disable, enable, remove. A change is validated as a whole (422
 * with every wrong field, nothing written), saved with its history and reaches the schedules and inboxes at once.
 * Answers show definitions as stored: secrets as their references, never their values.
 */
@RestController
@RequestMapping("/api/admin/colleges")
public class CollegeAdminApi {

    private final ru.spobridge.app.security.Access access;

    private final CollegeRegistry registry;
    private final CollegeStore store;
    private final Colleges colleges;
    private final AuditLog audit;

    public CollegeAdminApi(CollegeRegistry registry, CollegeStore store, Colleges colleges, AuditLog audit, ru.spobridge.app.security.Access access) {
        this.access = access;
        this.registry = registry;
        this.store = store;
        this.colleges = colleges;
        this.audit = audit;
    }

    /** What a client sends: the college as stated in a region file, and for a change the version it read. */
    public record CollegeRequest(String id, String region, String name, String ogrn, String env, Map<String, Object> overrides,
                                 Integer version) {
        CollegeDefinition definition(String pathId) {
            return new CollegeDefinition(pathId != null ? pathId : id, region, name, ogrn, env, overrides);
        }
    }

    @GetMapping
    public List<Map<String, Object>> colleges() {
        return access.visible(store.colleges(), college -> college.definition().id()).stream().map(this::summary).toList();
    }

    @GetMapping("/{id}")
    public ResponseEntity<Map<String, Object>> college(@PathVariable String id) {
        Optional<StoredCollege> stored = store.college(id);
        if (stored.isEmpty()) {
            return ValidationAnswer.status(HttpStatus.NOT_FOUND, "UNKNOWN_COLLEGE", "Колледж не найден: " + id);
        }
        Map<String, Object> answer = summary(stored.get());
        answer.put("overrides", stored.get().definition().overrides());
        // region defaults ⊕ the college, tokens expanded, secrets still references
        answer.put("effective", CollegeResolver.tree(store.region(stored.get().definition().regionId()).map(StoredRegion::profile),
                stored.get().definition()));
        answer.put("problems", registry.problems(id));
        return ResponseEntity.ok(answer);
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody CollegeRequest request, Principal operator) {
        CollegeDefinition college = request.definition(null);
        CollegeRegistry.Applied applied = registry.create(college, operator.getName());
        audit.record(operator.getName(), "COLLEGE_CREATED", college.id(), college.id(), ChangedFields.between(Map.of(), stated(college)));
        return ResponseEntity.status(HttpStatus.CREATED).body(answer(applied));
    }

    @PutMapping("/{id}")
    public ResponseEntity<Map<String, Object>> change(@PathVariable String id, @RequestBody CollegeRequest request, Principal operator) {
        StoredCollege before = store.college(id).orElseThrow(() -> new IllegalArgumentException("Колледж не найден: " + id));
        CollegeDefinition college = request.definition(id);
        int version = request.version() == null ? before.version() : request.version();
        CollegeRegistry.Applied applied = registry.change(college, version, operator.getName());
        audit.record(operator.getName(), "COLLEGE_CHANGED", id, id, ChangedFields.between(stated(before.definition()), stated(college)));
        return ResponseEntity.ok(answer(applied));
    }

    @PostMapping("/{id}/disable")
    public Map<String, Object> disable(@PathVariable String id, @RequestParam(required = false) String reason, Principal operator) {
        CollegeRegistry.Applied applied = registry.disable(id, operator.getName(), reason);
        audit.record(operator.getName(), "COLLEGE_DISABLED", id, id, "поля: status");
        return answer(applied);
    }

    @PostMapping("/{id}/enable")
    public Map<String, Object> enable(@PathVariable String id, Principal operator) {
        CollegeRegistry.Applied applied = registry.enable(id, operator.getName());
        audit.record(operator.getName(), "COLLEGE_ENABLED", id, id, "поля: status");
        return answer(applied);
    }

    /** The college stops and loses its schedules; its records, runs and history are kept. */
    @DeleteMapping("/{id}")
    public Map<String, Object> remove(@PathVariable String id, @RequestParam(required = false) String reason, Principal operator) {
        CollegeRegistry.Applied applied = registry.remove(id, operator.getName(), reason);
        audit.record(operator.getName(), "COLLEGE_REMOVED", id, id, "поля: status");
        return answer(applied);
    }

    @GetMapping("/{id}/history")
    public List<CollegeStore.Change> history(@PathVariable String id, @RequestParam(defaultValue = "50") int limit) {
        return store.history(id, limit);
    }

    private Map<String, Object> summary(StoredCollege stored) {
        CollegeDefinition college = stored.definition();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", college.id());
        summary.put("region", college.regionId());
        summary.put("name", college.name());
        summary.put("ogrn", college.ogrn());
        summary.put("env", college.envOrDefault());
        summary.put("status", colleges.known(college.id()) ? colleges.status(college.id()) : stored.status());
        summary.put("statusReason", stored.statusReason());
        summary.put("version", stored.version());
        summary.put("updatedAt", stored.updatedAt());
        summary.put("updatedBy", stored.updatedBy());
        return summary;
    }

    private static Map<String, Object> stated(CollegeDefinition college) {
        Map<String, Object> stated = new LinkedHashMap<>();
        stated.put("region", college.regionId());
        stated.put("name", college.name());
        stated.put("ogrn", college.ogrn());
        stated.put("env", college.env());
        stated.put("overrides", college.overrides());
        return stated;
    }

    private static Map<String, Object> answer(CollegeRegistry.Applied applied) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", applied.collegeId());
        answer.put("version", applied.version());
        answer.put("routes", applied.routes().get(applied.collegeId()));
        return answer;
    }
}
