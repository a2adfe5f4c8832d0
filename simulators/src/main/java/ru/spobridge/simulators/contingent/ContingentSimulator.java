package ru.spobridge.simulators.contingent;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;
import ru.spobridge.simulators.faults.FaultInjector;

/**
 * In-memory ИС «Контингент»: groups, students and movements per organisation (ОГРН), served over SOAP.
 * Students keep insertion order so pages are stable. Thread-safe.
 */
public class ContingentSimulator {

    /** A movement and the moment it was added, for UPDATED reads. */
    record StampedMovement(Movement movement, Instant addedAt) {
    }

    /** One page of an ALL or UPDATED read. */
    record StudentPage(List<Student> students, List<Movement> movements, int totalCount, int totalPages) {
    }

    private static final class Org {
        final List<Group> groups = new ArrayList<>();
        final List<Student> students = new ArrayList<>();
        final List<StampedMovement> movements = new ArrayList<>();
    }

    private final Map<String, Org> orgs = new ConcurrentHashMap<>();
    private final Clock clock;
    private final FaultInjector faults;
    private final TokenRegistry tokens;
    private final AtomicInteger getStudentsCalls = new AtomicInteger();

    public ContingentSimulator(Clock clock, FaultInjector faults, TokenRegistry tokens) {
        this.clock = clock;
        this.faults = faults;
        this.tokens = tokens;
    }

    /** Forgets every organisation, clears faults and counters; issued tokens stay valid. */
    public synchronized void reset() {
        orgs.clear();
        faults.clear();
        faults.resetCounters();
        getStudentsCalls.set(0);
    }

    /** Adds the group or replaces the one with the same code. */
    public synchronized void putGroup(String ogrn, Group group) {
        List<Group> groups = org(ogrn).groups;
        for (int i = 0; i < groups.size(); i++) {
            if (Objects.equals(groups.get(i).getCode(), group.getCode())) {
                groups.set(i, group);
                return;
            }
        }
        groups.add(group);
    }

    /** Adds the student or replaces the first with the same externalId in place; stamps changedAt with now. */
    public synchronized void putStudent(String ogrn, Student student) {
        student.setChangedAt(clock.instant().toString());
        List<Student> students = org(ogrn).students;
        for (int i = 0; i < students.size(); i++) {
            if (Objects.equals(students.get(i).getExternalId(), student.getExternalId())) {
                students.set(i, student);
                return;
            }
        }
        students.add(student);
    }

    /** Appends even when the externalId is already there: simulates duplicate ids in a page. */
    public synchronized void appendStudent(String ogrn, Student student) {
        if (student.getChangedAt() == null) {
            student.setChangedAt(clock.instant().toString());
        }
        org(ogrn).students.add(student);
    }

    /** Removes every student with this externalId. */
    public synchronized void removeStudent(String ogrn, String externalId) {
        org(ogrn).students.removeIf(s -> Objects.equals(s.getExternalId(), externalId));
    }

    public synchronized void addMovement(String ogrn, Movement movement) {
        org(ogrn).movements.add(new StampedMovement(movement, clock.instant()));
    }

    public synchronized List<Student> students(String ogrn) {
        Org org = orgs.get(ogrn);
        return org == null ? List.of() : List.copyOf(org.students);
    }

    public synchronized List<Group> groups(String ogrn) {
        Org org = orgs.get(ogrn);
        return org == null ? List.of() : List.copyOf(org.groups);
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Every issued AuthorizationKey is rejected from now on. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** GetStudents requests that reached the service (after fault injection). */
    public int getStudentsCalls() {
        return getStudentsCalls.get();
    }

    TokenRegistry tokens() {
        return tokens;
    }

    Clock clock() {
        return clock;
    }

    void countGetStudents() {
        getStudentsCalls.incrementAndGet();
    }

    synchronized boolean knows(String ogrn) {
        return ogrn != null && orgs.containsKey(ogrn);
    }

    /** Students changed after {@code changedSince} (all when null), page {@code page} (1-based); movements on page 1. */
    synchronized StudentPage page(String ogrn, Instant changedSince, int page, int pageSize) {
        Org org = orgs.get(ogrn);
        List<Student> selected = org.students.stream()
                .filter(s -> changedSince == null || changedAfter(s, changedSince))
                .toList();
        int totalPages = Math.max(1, (selected.size() + pageSize - 1) / pageSize);
        int from = (int) Math.min((long) (page - 1) * pageSize, selected.size());
        int to = Math.min(from + pageSize, selected.size());
        List<Movement> movements = page != 1 ? List.of() : org.movements.stream()
                .filter(m -> changedSince == null || m.addedAt().isAfter(changedSince))
                .map(StampedMovement::movement)
                .toList();
        return new StudentPage(List.copyOf(selected.subList(from, to)), movements, selected.size(), totalPages);
    }

    private static boolean changedAfter(Student student, Instant since) {
        // a student without a readable stamp is always reported: better a repeat than a miss
        try {
            return student.getChangedAt() == null || Instant.parse(student.getChangedAt()).isAfter(since);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private Org org(String ogrn) {
        Objects.requireNonNull(ogrn, "ogrn");
        return orgs.computeIfAbsent(ogrn, k -> new Org());
    }
}
