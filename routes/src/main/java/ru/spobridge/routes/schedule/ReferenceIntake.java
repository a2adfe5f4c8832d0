package ru.spobridge.routes.schedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.csv.CsvLayouts;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.reference.ReferenceKind;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;

/** Reference data into canonical state: every entry checked, a room only in a known building. */
@Component
public class ReferenceIntake {

    public static final String FLOW = "reference";
    public static final String REFERENCE = "reference";

    private static final Logger log = LoggerFactory.getLogger(ReferenceIntake.class);

    /** What a reference run read, in the file's own terms. */

    private final CanonicalRecords canonical;
    private final RejectedRecords rejected;
    private final CanonicalJson json;
    private final SyncRuns runs;

    public ReferenceIntake(CanonicalRecords canonical, RejectedRecords rejected, CanonicalJson json, SyncRuns runs) {
        this.canonical = canonical;
        this.rejected = rejected;
        this.json = json;
        this.runs = runs;
    }

    /** @param closed open refusals of earlier files that this one found fixed and closed */
    public record Summary(int read, int accepted, int rejected, int closed) {
    }

    /**
     * @param errors the rows the parser refused, or the refusal of the whole file (then the run ends «файл отклонён»
     *               with its reason and nothing is taken)
     */
    public Summary accept(String college, List<ReferenceItem> items, List<RecordError> errors, long runId) {
        rejected.rejectEach(college, FLOW, REFERENCE, errors, runId);
        errors.forEach(error -> log.debug("Справочники {}: запись {} отклонена: {}/{}", college, error.recordKey(), error.field(), error.code()));
        // one row may be refused for several fields: rows are counted once
        int rows = items.size() + (int) errors.stream().map(RecordError::recordKey).distinct().count();
        Optional<RecordError> refusal = errors.stream().filter(CsvLayouts::refusesFile).findFirst();
        runs.rowsRead(runId, refusal.isPresent() ? 0 : rows);
        if (refusal.isPresent()) {
            runs.fileRefused(runId, refusal.get().message());
            log.info("Справочники {}: файл отклонён: {}", college, refusal.get().code());
            return new Summary(0, 0, 1, 0);
        }
        Map<String, String> known = canonical.hashes(college, REFERENCE);
        Set<String> buildings = new HashSet<>();
        known.keySet().stream().filter(key -> key.startsWith(ReferenceKind.BUILDING.code() + ":"))
                .forEach(key -> buildings.add(key.substring(key.indexOf(':') + 1)));
        items.stream().filter(item -> item.kind() == ReferenceKind.BUILDING).forEach(item -> buildings.add(item.code()));
        List<CanonicalRecords.Row> changed = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        int refused = errors.size();
        for (ReferenceItem item : items) {
            if (item.kind() == ReferenceKind.ROOM && !buildings.contains(item.attributes().get("building"))) {
                refused++;
                reject(college, new RecordError(item.key(), "building", "UNKNOWN_REFERENCE", "Корпус аудитории не найден в справочнике корпусов"), runId);
                continue;
            }
            valid.add(item.key());
            String payload = json.write(item);
            String hash = CanonicalJson.sha256(payload);
            if (!Objects.equals(known.get(item.key()), hash)) {
                // buildings sort first: a platform takes a room only in a building it knows
                String sort = (item.kind() == ReferenceKind.BUILDING ? "0" : "1") + item.key();
                changed.add(new CanonicalRecords.Row(item.key(), sort, "reference", hash, payload, item.name()));
            }
        }
        canonical.save(college, REFERENCE, changed, known);
        int closed = rejected.closeFixed(college, REFERENCE, valid);
        runs.addClosedRejections(runId, closed);
        return new Summary(rows, valid.size(), refused, closed);
    }

    /** Canonical codes and names of one kind, for matching a schedule export against them. */
    public Map<String, String> names(String college, ReferenceKind kind) {
        return canonical.payloads(college, REFERENCE).values().stream().map(payload -> json.read(payload, ReferenceItem.class))
                .filter(item -> item.kind() == kind).collect(Collectors.toMap(ReferenceItem::code, ReferenceItem::name, (a, b) -> a));
    }

    private void reject(String college, RecordError error, long runId) {
        rejected.reject(college, FLOW, REFERENCE, error.recordKey(), RejectedRecords.INTAKE, List.of(error), null, runId);
        log.debug("Справочники {}: запись {} отклонена: {}/{}", college, error.recordKey(), error.field(), error.code());
    }
}
