package ru.spobridge.routes.staff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.mappings.staff.StaffAssignmentMapping;
import ru.spobridge.mappings.staff.StaffOrderMapping;
import ru.spobridge.mappings.staff.StaffOrderRecord;
import ru.spobridge.mappings.staff.SubstitutionRecord;
import ru.spobridge.mappings.staff.WorkloadRecord;
import ru.spobridge.model.RecordError;
import ru.spobridge.model.staff.Employment;
import ru.spobridge.model.staff.Position;
import ru.spobridge.model.staff.StaffOrder;
import ru.spobridge.model.staff.StaffOrderKind;
import ru.spobridge.model.staff.Substitution;
import ru.spobridge.model.staff.Workload;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.CodeTables;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.RejectedRecords;

/**
 * HR orders, workload and substitutions into canonical state, each checked per record: the position is in the
 * college's table, a dismissal follows a hire, an order is not given twice, people and groups exist.
 */
@Component
public class StaffIntake {

    public static final String FLOW = "staff";
    public static final String ORDER = "staff_order";
    public static final String MEMBER = "staff_member";
    public static final String WORKLOAD = "workload";
    public static final String SUBSTITUTION = "substitution";

    private static final Logger log = LoggerFactory.getLogger(StaffIntake.class);

    private final CanonicalRecords canonical;
    private final RejectedRecords rejected;
    private final CanonicalJson json;
    private final Colleges colleges;
    private final CodeTables codeTables;
    private final StaffSla sla;
    private final java.time.Clock clock;

    public StaffIntake(CanonicalRecords canonical, RejectedRecords rejected, CanonicalJson json, Colleges colleges, CodeTables codeTables,
                       StaffSla sla,
                       java.time.Clock clock) {
        this.clock = clock;
        this.canonical = canonical;
        this.rejected = rejected;
        this.json = json;
        this.colleges = colleges;
        this.codeTables = codeTables;
        this.sla = sla;
    }

    /**
     * @param closed      open refusals of earlier reads that this one found fixed and closed
     * @param fileRefused the whole file was refused: its run is closed «файл отклонён» and nothing is sent
     */
    public record Summary(int read, int accepted, int rejected, int closed, boolean fileRefused) {

        public Summary(int read, int accepted, int rejected) {
            this(read, accepted, rejected, 0, false);
        }

        public Summary(int read, int accepted, int rejected, int closed) {
            this(read, accepted, rejected, closed, false);
        }

        static Summary refusedFile() {
            return new Summary(0, 0, 1, 0, true);
        }

        /** The same with rows refused before the intake (broken rows of the file) added. */
        Summary plusRejected(int more) {
            return new Summary(read, accepted, rejected + more, closed, fileRefused);
        }
    }

    /** Orders from a file or a regular read: every new order is judged by the same-day rule. */
    public Summary acceptOrders(String college, List<StaffOrderRecord> records, long runId) {
        return acceptOrders(college, records, runId, false);
    }

    /**
     * @param initialLoad the first read of a source brings its whole history: orders that took effect before
     *                    today are loaded, not judged by the same-day rule (the hub did not exist for them)
     */
    public Summary acceptOrders(String college, List<StaffOrderRecord> records, long runId, boolean initialLoad) {
        Map<String, Position> positions = codeTables.positions(college);
        Map<String, List<StaffOrderRecord>> byId = new LinkedHashMap<>();
        int anonymous = 0;
        for (StaffOrderRecord record : records) {
            String id = record.orderId() == null || record.orderId().isBlank() ? "\u0000" + anonymous++ : record.orderId().strip();
            byId.computeIfAbsent(id, key -> new ArrayList<>()).add(record);
        }
        Map<String, StaffOrder> history = orders(college);
        Set<String> knownOrders = new HashSet<>(history.keySet());
        List<StaffOrderMapping.MappedOrder> valid = new ArrayList<>();
        int refused = 0;
        for (List<StaffOrderRecord> occurrences : byId.values()) {
            StaffOrderRecord record = occurrences.get(0);
            Mapped<StaffOrderMapping.MappedOrder> mapped = StaffOrderMapping.toOrder(college, record, positions);
            List<RecordError> errors = new ArrayList<>(mapped.errors());
            if (occurrences.stream().distinct().count() > 1) {
                errors.add(new RecordError(record.orderId(), "orderId", "DUPLICATE_ORDER", "Приказ с этим идентификатором передан несколько раз с разным содержимым"));
            }
            if (mapped.isValid()) {
                StaffOrder order = mapped.value().order();
                history.values().stream()
                        .filter(other -> !other.key().equals(order.key()) && other.staffId().equals(order.staffId()) && other.kind() == order.kind()
                                && other.orderNo().equals(order.orderNo()) && other.effectiveDate().equals(order.effectiveDate()))
                        .findFirst()
                        .ifPresent(other -> errors.add(new RecordError(record.orderId(), "orderNo", "DUPLICATE_ORDER",
                                "Такой приказ уже получен под другим идентификатором")));
            }
            if (errors.isEmpty()) {
                valid.add(mapped.value());
                history.put(mapped.value().order().key().sourceId(), mapped.value().order());
            } else {
                refused++;
                reject(college, ORDER, errors, runId);
            }
        }
        List<StaffOrderMapping.MappedOrder> accepted = new ArrayList<>();
        for (StaffOrderMapping.MappedOrder mapped : valid) {
            StaffOrder order = mapped.order();
            List<StaffOrder> personOrders = history.values().stream().filter(other -> other.staffId().equals(order.staffId())).toList();
            if (order.kind() == StaffOrderKind.DISMISSAL && !Employment.dismissalFollowsHire(order, personOrders)) {
                refused++;
                history.remove(order.key().sourceId());
                reject(college, ORDER, List.of(new RecordError(order.key().sourceId(), "person", "DISMISSAL_WITHOUT_HIRE",
                        "Увольнение сотрудника, о приёме которого нет приказа")), runId);
            } else {
                accepted.add(mapped);
            }
        }
        int closed = store(college, ORDER, accepted.stream().map(mapped -> new Keyed(mapped.order().key().sourceId(),
                mapped.order().staffId() + "|" + mapped.order().effectiveDate() + "|" + mapped.order().key().sourceId(), mapped.order())).toList());
        closed += store(college, MEMBER, accepted.stream().filter(mapped -> mapped.member() != null)
                .map(mapped -> new Keyed(mapped.member().key().sourceId(), mapped.member().key().sourceId(), mapped.member(),
                        mapped.member().name().masked()))
                .collect(Collectors.toMap(Keyed::key, keyed -> keyed, (first, later) -> later, LinkedHashMap::new)).values().stream().toList());
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), colleges.settings(college).zone());
        accepted.stream().map(StaffOrderMapping.MappedOrder::order).filter(order -> !knownOrders.contains(order.key().sourceId()))
                .filter(order -> !initialLoad || !order.effectiveDate().isBefore(today))
                .forEach(sla::received);
        return new Summary(records.size(), accepted.size(), refused, closed);
    }

    public Summary acceptWorkload(String college, List<WorkloadRecord> records, long runId) {
        Set<String> staff = canonical.hashes(college, MEMBER).keySet();
        Set<String> groups = canonical.hashes(college, ContingentIntake.GROUP).keySet();
        List<Keyed> valid = new ArrayList<>();
        int refused = 0;
        for (WorkloadRecord record : records) {
            Mapped<Workload> mapped = StaffAssignmentMapping.toWorkload(college, record);
            List<RecordError> errors = new ArrayList<>(mapped.errors());
            if (mapped.isValid()) {
                Workload workload = mapped.value();
                if (!staff.contains(workload.teacherId())) {
                    errors.add(new RecordError(workload.key().sourceId(), "teacher", "UNKNOWN_STAFF", "Преподаватель не найден среди принятых сотрудников"));
                }
                if (!groups.contains(workload.groupCode())) {
                    errors.add(new RecordError(workload.key().sourceId(), "group", "UNKNOWN_GROUP", "Группа не найдена среди групп колледжа"));
                }
            }
            if (errors.isEmpty()) {
                valid.add(new Keyed(mapped.value().key().sourceId(), mapped.value().teacherId() + "|" + mapped.value().key().sourceId(), mapped.value()));
            } else {
                refused++;
                reject(college, WORKLOAD, errors, runId);
            }
        }
        return new Summary(records.size(), valid.size(), refused, store(college, WORKLOAD, valid));
    }

    public Summary acceptSubstitutions(String college, List<SubstitutionRecord> records, long runId) {
        Set<String> staff = canonical.hashes(college, MEMBER).keySet();
        List<Keyed> valid = new ArrayList<>();
        int refused = 0;
        for (SubstitutionRecord record : records) {
            Mapped<Substitution> mapped = StaffAssignmentMapping.toSubstitution(college, record);
            List<RecordError> errors = new ArrayList<>(mapped.errors());
            if (mapped.isValid()) {
                for (String[] teacher : new String[][] {{mapped.value().absentTeacherId(), "absentTeacher"}, {mapped.value().substituteId(), "substitute"}}) {
                    if (!staff.contains(teacher[0])) {
                        errors.add(new RecordError(mapped.value().key().sourceId(), teacher[1], "UNKNOWN_STAFF", "Преподаватель не найден среди принятых сотрудников"));
                    }
                }
            }
            if (errors.isEmpty()) {
                valid.add(new Keyed(mapped.value().key().sourceId(), mapped.value().key().sourceId(), mapped.value()));
            } else {
                refused++;
                reject(college, SUBSTITUTION, errors, runId);
            }
        }
        return new Summary(records.size(), valid.size(), refused, store(college, SUBSTITUTION, valid));
    }

    /** File-level problems (a broken row, a truncated file) are kept like record errors, against the file. */
    public void rejectFileErrors(String college, List<RecordError> errors, long runId) {
        for (RecordError error : errors) {
            reject(college, "file", List.of(error), runId);
        }
    }

    Map<String, StaffOrder> orders(String college) {
        Map<String, StaffOrder> orders = new LinkedHashMap<>();
        canonical.payloads(college, ORDER).forEach((key, payload) -> orders.put(key, json.read(payload, StaffOrder.class)));
        return orders;
    }

    private void reject(String college, String entityType, List<RecordError> errors, long runId) {
        String key = errors.get(0).recordKey();
        rejected.reject(college, FLOW, entityType, key, RejectedRecords.INTAKE, errors, null, runId);
        log.debug("Кадры {}: запись {} {} отклонена: {}", college, entityType, key,
                errors.stream().map(error -> error.field() + "/" + error.code()).collect(Collectors.joining(", ")));
    }

    /** Saves what changed; returns how many open refusals of these records it closed (read again without their defect). */
    private int store(String college, String entityType, List<Keyed> valid) {
        canonical.saveChanged(college, entityType, StaffOrderMapping.SOURCE, valid.stream()
                .map(record -> new CanonicalRecords.Candidate(record.key(), record.sortKey(), record.value(), record.label())).toList(), json);
        return rejected.closeFixed(college, entityType, valid.stream().map(Keyed::key).toList());
    }

    private record Keyed(String key, String sortKey, Object value, String label) {
        Keyed(String key, String sortKey, Object value) {
            this(key, sortKey, value, null);
        }
    }
}
