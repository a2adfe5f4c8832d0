package ru.spobridge.app.admin;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.region.CollegeDefinition;
import ru.spobridge.routes.config.region.RegionDocument;
import ru.spobridge.routes.config.region.RegionFiles;
import ru.spobridge.routes.config.region.RegionProfile;
import ru.spobridge.routes.flow.CollegeRegistry;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CollegeStore;
import ru.spobridge.routes.store.CollegeStore.StoredRegion;

/** Region profiles (what a region's colleges share) and their export as the YAML of {@code config/regions}. */
@RestController
@RequestMapping("/api/admin")
public class RegionAdminApi {

    private static final MediaType YAML = MediaType.parseMediaType("text/yaml;charset=UTF-8");

    private final CollegeRegistry registry;
    private final CollegeStore store;
    private final AuditLog audit;

    public RegionAdminApi(CollegeRegistry registry, CollegeStore store, AuditLog audit) {
        this.registry = registry;
        this.store = store;
        this.audit = audit;
    }

    public record RegionRequest(String name, Map<String, Object> defaults, Integer version) {
    }

    @GetMapping("/regions")
    public List<Map<String, Object>> regions() {
        return store.regions().stream().map(this::summary).toList();
    }

    @GetMapping("/regions/{id}")
    public ResponseEntity<Map<String, Object>> region(@PathVariable String id) {
        return store.region(id).map(region -> {
            Map<String, Object> answer = summary(region);
            answer.put("defaults", region.profile().defaults());
            return ResponseEntity.ok(answer);
        }).orElseGet(() -> ValidationAnswer.status(HttpStatus.NOT_FOUND, "UNKNOWN_REGION", "Регион не найден: " + id));
    }

    /** A new region (version 0 or none) or a change of one; refused when any of its colleges would become invalid. */
    @PutMapping("/regions/{id}")
    public Map<String, Object> change(@PathVariable String id, @RequestBody RegionRequest request, Principal operator) {
        Map<String, Object> before = store.region(id).map(r -> r.profile().defaults()).orElse(Map.of());
        int expected = request.version() == null ? store.region(id).map(StoredRegion::version).orElse(0) : request.version();
        RegionProfile region = new RegionProfile(id, request.name(), request.defaults());
        int version = registry.changeRegion(region, expected, operator.getName());
        audit.record(operator.getName(), expected == 0 ? "REGION_CREATED" : "REGION_CHANGED", null, id,
                ChangedFields.between(before, region.defaults()));
        return Map.of("id", id, "version", version);
    }

    @GetMapping(value = "/regions/{id}/export", produces = "text/yaml")
    public ResponseEntity<String> export(@PathVariable String id) {
        return store.region(id).map(region -> ResponseEntity.ok().contentType(YAML).body(RegionFiles.write(document(region))))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** Every region, one YAML document each (split them into config/regions/<id>.yml). */
    @GetMapping(value = "/export", produces = "text/yaml")
    public ResponseEntity<String> exportAll() {
        return ResponseEntity.ok().contentType(YAML).body(store.regions().stream().map(region -> RegionFiles.write(document(region)))
                .collect(Collectors.joining("---\n")));
    }

    private RegionDocument document(StoredRegion region) {
        Map<String, CollegeDefinition> colleges = new LinkedHashMap<>();
        store.colleges().stream()
                .filter(college -> Objects.equals(college.definition().regionId(), region.profile().id()))
                .filter(college -> college.status() != Colleges.Status.REMOVED)
                .forEach(college -> colleges.put(college.definition().id(), college.definition()));
        return new RegionDocument(region.profile(), colleges);
    }

    private Map<String, Object> summary(StoredRegion region) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", region.profile().id());
        summary.put("name", region.profile().name());
        summary.put("version", region.version());
        summary.put("updatedAt", region.updatedAt());
        summary.put("updatedBy", region.updatedBy());
        return summary;
    }
}
