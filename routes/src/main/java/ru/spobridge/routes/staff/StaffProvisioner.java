package ru.spobridge.routes.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import ru.spobridge.model.staff.Employment;
import ru.spobridge.model.staff.StaffAccount;
import ru.spobridge.model.staff.StaffMember;
import ru.spobridge.model.staff.StaffOrder;
import ru.spobridge.model.staff.Position;
import ru.spobridge.model.staff.StaffRole;
import ru.spobridge.model.staff.Substitution;
import ru.spobridge.model.staff.SubstitutionGrant;
import ru.spobridge.model.staff.Workload;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.CodeTables;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * Works out, for today in the college's zone, which journal accounts and substitute accesses must exist, and
 * stores them as canonical records: a change (a hire taking effect, the day after a dismissal day, a substitution
 * beginning or ending) is then delivered like any other change. Returns the moments when the answer will next change.
 */
@Component
public class StaffProvisioner {

    public static final String ACCOUNT = "staff";
    public static final String GRANT = "substitution_grant";

    private final CanonicalRecords canonical;
    private final CanonicalJson json;
    private final Colleges colleges;
    private final CodeTables codeTables;
    private final Clock clock;

    public StaffProvisioner(CanonicalRecords canonical, CanonicalJson json, Colleges colleges, CodeTables codeTables, Clock clock) {
        this.canonical = canonical;
        this.json = json;
        this.colleges = colleges;
        this.codeTables = codeTables;
        this.clock = clock;
    }

    /** Recomputes the desired state; returns the future instants (local midnights) when it changes next. */
    public List<Instant> refresh(String collegeId) {
        ZoneId zone = colleges.settings(collegeId).zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<String, List<StaffOrder>> ordersByStaff = new HashMap<>();
        canonical.payloads(collegeId, StaffIntake.ORDER).values().forEach(payload -> {
            StaffOrder order = json.read(payload, StaffOrder.class);
            ordersByStaff.computeIfAbsent(order.staffId(), id -> new ArrayList<>()).add(order);
        });
        Map<String, Position> positions = codeTables.positions(collegeId);
        Map<String, StaffMember> members = new HashMap<>();
        canonical.payloads(collegeId, StaffIntake.MEMBER).forEach((key, payload) -> members.put(key, json.read(payload, StaffMember.class)));
        Map<String, String> existingAccounts = canonical.hashes(collegeId, ACCOUNT);
        TreeSet<LocalDate> changeDays = new TreeSet<>();
        List<Keyed> accounts = new ArrayList<>();
        for (Map.Entry<String, List<StaffOrder>> entry : ordersByStaff.entrySet()) {
            StaffMember member = members.get(entry.getKey());
            if (member == null) {
                continue;
            }
            // a dismissal changes the account at 00:00 after the last working day, not on the day itself
            entry.getValue().stream().map(Employment::changesOn).filter(date -> date.isAfter(today)).forEach(changeDays::add);
            Optional<StaffOrder> job = Employment.on(today, entry.getValue());
            if (job.isEmpty() && !existingAccounts.containsKey(entry.getKey())) {
                continue; // never had an account here: nothing to remove
            }
            Position position = job.map(order -> positions.get(order.positionCode())).orElse(null);
            accounts.add(new Keyed(entry.getKey(), new StaffAccount(member, job.isPresent(), job.map(StaffOrder::positionCode).orElse(null),
                    position == null ? null : position.title(), position == null ? StaffRole.TEACHER : position.role(),
                    Employment.hiredOn(today, entry.getValue()).orElse(null))));
        }
        save(collegeId, ACCOUNT, accounts);

        Map<String, List<SubstitutionGrant.Scope>> scopeByTeacher = new HashMap<>();
        canonical.payloads(collegeId, StaffIntake.WORKLOAD).values().forEach(payload -> {
            Workload workload = json.read(payload, Workload.class);
            scopeByTeacher.computeIfAbsent(workload.teacherId(), id -> new ArrayList<>())
                    .add(new SubstitutionGrant.Scope(workload.groupCode(), workload.disciplineCode()));
        });
        Map<String, String> existingGrants = canonical.hashes(collegeId, GRANT);
        List<Keyed> grants = new ArrayList<>();
        for (String payload : canonical.payloads(collegeId, StaffIntake.SUBSTITUTION).values()) {
            Substitution substitution = json.read(payload, Substitution.class);
            for (LocalDate day : List.of(substitution.from(), substitution.to().plusDays(1))) {
                if (day.isAfter(today)) {
                    changeDays.add(day);
                }
            }
            boolean substituteEmployed = Employment.on(today, ordersByStaff.getOrDefault(substitution.substituteId(), List.of())).isPresent();
            boolean active = substitution.grantsAccessOn(today) && substituteEmployed;
            String key = substitution.key().sourceId();
            if (!active && !existingGrants.containsKey(key)) {
                continue;
            }
            grants.add(new Keyed(key, new SubstitutionGrant(substitution, active, scopeByTeacher.getOrDefault(substitution.absentTeacherId(), List.of()))));
        }
        save(collegeId, GRANT, grants);
        return changeDays.stream().map(day -> day.atStartOfDay(zone).toInstant()).toList();
    }

    private void save(String collegeId, String entityType, List<Keyed> records) {
        canonical.saveChanged(collegeId, entityType, "hub", records.stream()
                .map(record -> new CanonicalRecords.Candidate(record.key(), record.key(), record.value(), null)).toList(), json);
    }

    private record Keyed(String key, Object value) {
    }
}
