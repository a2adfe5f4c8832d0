package ru.spobridge.app.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.Access;
import ru.spobridge.model.PersonalDataMask;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.contingent.ContingentSnapshot;
import ru.spobridge.routes.contingent.HoldPolicy;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.HeldRuns;

/**
 * What a held run would do if approved: the students it would expel, send on leave, transfer, or lose from the
 * registry — worked out from the kept read by the same rule that held it, with masked labels only.
 */
@RestController
@RequestMapping("/api/held-runs")
public class HeldRunApi {

    private final HeldRuns heldRuns;
    private final HoldPolicy policy;
    private final CanonicalRecords canonical;
    private final CanonicalJson json;
    private final Access access;

    public HeldRunApi(HeldRuns heldRuns, HoldPolicy policy, CanonicalRecords canonical, CanonicalJson json, Access access) {
        this.heldRuns = heldRuns;
        this.policy = policy;
        this.canonical = canonical;
        this.json = json;
        this.access = access;
    }

    /** One student the run would change: removes means the change takes them out of study (shown in red). */
    public record Change(String entityType, String entityKey, String maskedLabel, String action, boolean removes, String orderNo) {
    }

    public record Changes(long runId, String collegeId, String flow, String reason, int removals, int moves, List<Change> items,
                          int page, int size, int total, String note) {
    }

    @GetMapping("/{runId}/changes")
    public ResponseEntity<?> changes(@PathVariable long runId, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "100") int size) {
        HeldRuns.Held held = heldRuns.get(runId).orElse(null);
        if (held == null) {
            return UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.NOT_FOUND, "Запуск № " + runId + " не задерживался");
        }
        access.require(held.collegeId());
        int pageSize = Math.min(Math.max(size, 1), 1000);
        int pageNo = Math.max(page, 0);
        if (!ContingentIntake.FLOW.equals(held.flow())) {
            return ResponseEntity.ok(new Changes(runId, held.collegeId(), held.flow(), held.reason(), 0, 0, List.of(), pageNo, pageSize, 0,
                    "Для этого потока список изменений не составляется: решение по причине задержки"));
        }
        ContingentSnapshot snapshot = json.read(heldRuns.snapshot(runId).orElseThrow(), ContingentSnapshot.class);
        boolean cutShort = HoldPolicy.READ_INCOMPLETE.equals(held.reasonCode()) || HoldPolicy.TRUNCATED_READ.equals(held.reasonCode());
        // a read cut short lacks students it never reached: they are not «gone», so they are not listed as such
        List<HoldPolicy.Change> all = policy.changes(snapshot).stream()
                .filter(change -> !cutShort || !HoldPolicy.DISAPPEARS.equals(change.action())).toList();
        Map<String, String> labels = new java.util.HashMap<>(canonical.maskedLabels(held.collegeId(), ContingentIntake.STUDENT));
        // students new in this read have no stored label yet: masked from the read itself
        snapshot.students().students().forEach(student -> labels.putIfAbsent(String.valueOf(student.externalId()).strip(),
                PersonalDataMask.maskName(student.lastName(), student.firstName(), student.middleName())));
        List<Change> items = new ArrayList<>();
        for (HoldPolicy.Change change : all.subList(Math.min(all.size(), pageNo * pageSize), Math.min(all.size(), (pageNo + 1) * pageSize))) {
            items.add(new Change(change.entityType(), change.key(), labels.get(change.key()), change.action(), change.removes(), change.orderNo()));
        }
        int removals = (int) all.stream().filter(HoldPolicy.Change::removes).count();
        return ResponseEntity.ok(new Changes(runId, held.collegeId(), held.flow(), held.reason(), removals, all.size() - removals, items,
                pageNo, pageSize, all.size(), held.decidedAt() != null ? "Решение уже принято: список — по текущему состоянию хаба"
                        : cutShort ? "Чтение неполное: показаны приказы из прочитанной части; кого хаб не дочитал, в списке нет" : null));
    }
}
