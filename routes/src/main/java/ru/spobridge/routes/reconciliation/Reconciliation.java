package ru.spobridge.routes.reconciliation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.delivery.PlatformTarget;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.flow.Republish;
import ru.spobridge.routes.store.DeliveryLedger;
import ru.spobridge.routes.store.DueReason;

/**
 * Full reconciliation: reads what a platform holds, compares it field by field with what it should hold according
 * to the canonical state, and reports drift (missing, extra, different). Repair re-sends the missing and different
 * records; an extra record is only reported, since nothing is removed by inference.
 */
@Component
public class Reconciliation {

    /** Compared record kinds; movements are an append-only history, checked by the platform's own rules. */
    private static final List<String> COMPARED = List.of(ContingentIntake.GROUP, ContingentIntake.STUDENT, ContingentIntake.GUARDIAN);

    private final Map<String, PlatformTarget> targets = new HashMap<>();
    private final Colleges colleges;
    private final CanonicalJson json;
    private final CanonicalRecords canonical;
    private final ReconciliationReports reports;
    private final AuditLog audit;
    private final DeliveryLedger ledger;
    private final Republish republish;
    private final TransactionTemplate transaction;

    public Reconciliation(List<PlatformTarget> platformTargets, Colleges colleges, CanonicalJson json, CanonicalRecords canonical,
                          ReconciliationReports reports, AuditLog audit, DeliveryLedger ledger, Republish republish,
                          TransactionTemplate transaction) {
        platformTargets.forEach(target -> targets.put(target.name(), target));
        this.colleges = colleges;
        this.json = json;
        this.canonical = canonical;
        this.reports = reports;
        this.audit = audit;
        this.ledger = ledger;
        this.republish = republish;
        this.transaction = transaction;
    }

    /** Compares every enabled target of a college; returns the ids of the saved reports. */
    public List<Long> reconcile(String collegeId, String operator) {
        List<Long> ids = new ArrayList<>();
        for (String targetName : colleges.enabledTargets(collegeId)) {
            PlatformTarget target = targets.get(targetName);
            List<Drift> drift = new ArrayList<>();
            for (String entityType : COMPARED) {
                drift.addAll(compare(collegeId, target, entityType));
            }
            ids.add(reports.save(collegeId, targetName, operator, drift));
            audit.record(operator, "RECONCILIATION", collegeId, targetName, drift.size() + " расхождений");
        }
        return ids;
    }

    private List<Drift> compare(String collegeId, PlatformTarget target, String entityType) {
        Map<String, Map<String, Object>> actual = new HashMap<>();
        for (Map<String, Object> item : target.listing(collegeId, entityType)) {
            actual.put(String.valueOf(item.get(target.keyField())), item);
        }
        List<Drift> drift = new ArrayList<>();
        Map<String, String[]> expected = expected(collegeId, entityType);
        for (Map.Entry<String, String[]> entry : expected.entrySet()) {
            String key = entry.getKey();
            Map<String, Object> shouldBe = target.expectedItem(entityType, entry.getValue()[0]);
            Map<String, Object> is = actual.remove(key);
            if (is == null) {
                drift.add(new Drift(entityType, key, Drift.MISSING, List.of(), entry.getValue()[1]));
                continue;
            }
            List<String> fields = PlatformItems.differentFields(json.mapper(), shouldBe, is);
            if (!fields.isEmpty()) {
                drift.add(new Drift(entityType, key, Drift.DIFFERENT, fields, entry.getValue()[1]));
            }
        }
        actual.keySet().stream().sorted().forEach(key -> drift.add(new Drift(entityType, key, Drift.EXTRA, List.of(), null)));
        return drift;
    }

    /** Payload and label of every canonical record of a type, by key. */
    private Map<String, String[]> expected(String collegeId, String entityType) {
        return new java.util.TreeMap<>(canonical.payloadsAndLabels(collegeId, entityType));
    }

    /**
     * Re-sends what a report found missing or different: forgets that the target has those versions, then
     * publishes. Returns the run id of the repair, or empty when the report does not exist or was repaired.
     */
    public Optional<Long> repair(long reportId, String operator) {
        ReconciliationReports.Report report = reports.get(reportId).orElse(null);
        if (report == null || !reports.markRepaired(reportId, operator)) {
            return Optional.empty();
        }
        Map<String, List<String>> due = new java.util.LinkedHashMap<>();
        report.drift().stream()
                .filter(drift -> !Drift.EXTRA.equals(drift.kind()))
                .forEach(drift -> due.computeIfAbsent(drift.entityType(), type -> new ArrayList<>()).add(drift.entityKey()));
        int records = due.values().stream().mapToInt(List::size).sum();
        transaction.executeWithoutResult(status -> due.forEach((entityType, keys) ->
                ledger.makeDue(report.collegeId(), entityType, report.target(), keys, DueReason.REPAIR)));
        audit.record(operator, "RECONCILIATION_REPAIR", report.collegeId(), report.target() + " report " + reportId,
                records + " записей к повторной отправке");
        long runId = republish.publish(report.collegeId(), ContingentIntake.FLOW, "repair", records, null);
        return Optional.of(runId);
    }
}
