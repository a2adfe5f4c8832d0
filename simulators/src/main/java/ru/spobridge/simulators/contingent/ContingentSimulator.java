package ru.spobridge.simulators.contingent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;
import ru.spobridge.simulators.faults.FaultInjector;

/**
 * In-memory ИС «Контингент»: groups, students and movements per organisation (ОГРН), served over SOAP.
 * Students keep insertion order so pages are stable; indexed by externalId so seeding is O(n). Thread-safe.
 */
public class ContingentSimulator {

    /** A movement and the moment it was added, for UPDATED reads. */
    record StampedMovement(Movement movement, Instant addedAt) {
    }

    /** One page of an ALL or UPDATED read. */
    public record StudentPage(List<Student> students, List<Movement> movements, int totalCount, int totalPages) {
    }

    /**
     * A student, its changedAt parsed once at insert ({@code null} = no readable stamp, always reported) and its
     * place in insertion order ({@code seq}: a replacement in place keeps it).
     */
    private record Entry(Student student, Instant changedAt, long seq) {
    }

    private static final Comparator<Entry> BY_STAMP =
            Comparator.comparing(Entry::changedAt).thenComparingLong(Entry::seq);

    /** A filtered selection kept for the pages that follow the first one of the same read. */
    private record Selection(Instant since, long version, List<Entry> entries) {
    }

    private static final class Org {
        final List<Group> groups = new ArrayList<>();
        // insertion order is the page order; the index points at the first entry of each externalId
        final List<Entry> students = new ArrayList<>();
        final Map<String, Integer> firstIndex = new HashMap<>();
        // UPDATED reads find their students here in O(log n + k), then restore insertion order by seq
        final TreeSet<Entry> byStamp = new TreeSet<>(BY_STAMP);
        final List<Entry> unstamped = new ArrayList<>();
        final List<StampedMovement> movements = new ArrayList<>();
        long nextSeq;
        long version;
        Selection lastSelection;

        void append(Student student, Instant changedAt) {
            firstIndex.putIfAbsent(student.getExternalId(), students.size());
            Entry entry = new Entry(student, changedAt, nextSeq++);
            students.add(entry);
            track(entry);
            version++;
        }

        void replace(int index, Student student, Instant changedAt) {
            Entry old = students.get(index);
            untrack(old);
            Entry entry = new Entry(student, changedAt, old.seq());
            students.set(index, entry);
            track(entry);
            version++;
        }

        private void track(Entry entry) {
            if (entry.changedAt() == null) {
                unstamped.add(entry);
            } else {
                byStamp.add(entry);
            }
        }

        private void untrack(Entry entry) {
            if (entry.changedAt() == null) {
                unstamped.remove(entry);
            } else {
                byStamp.remove(entry);
            }
        }

        void reindex() {
            firstIndex.clear();
            for (int i = 0; i < students.size(); i++) {
                firstIndex.putIfAbsent(students.get(i).student().getExternalId(), i);
            }
        }
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
        Instant now = clock.instant();
        student.setChangedAt(now.toString());
        Org org = org(ogrn);
        Integer index = org.firstIndex.get(student.getExternalId());
        if (index != null) {
            org.replace(index, student, now);
        } else {
            org.append(student, now);
        }
    }

    /** Appends even when the externalId is already there: simulates duplicate ids in a page. */
    public synchronized void appendStudent(String ogrn, Student student) {
        if (student.getChangedAt() == null) {
            student.setChangedAt(clock.instant().toString());
        }
        org(ogrn).append(student, parse(student.getChangedAt()));
    }

    /** Removes every student with this externalId. */
    public synchronized void removeStudent(String ogrn, String externalId) {
        Org org = org(ogrn);
        if (org.students.removeIf(e -> Objects.equals(e.student().getExternalId(), externalId))) {
            org.byStamp.removeIf(e -> Objects.equals(e.student().getExternalId(), externalId));
            org.unstamped.removeIf(e -> Objects.equals(e.student().getExternalId(), externalId));
            org.reindex();
            org.version++;
        }
    }

    public synchronized void addMovement(String ogrn, Movement movement) {
        Org org = org(ogrn);
        org.movements.add(new StampedMovement(movement, clock.instant()));
        org.version++;
    }

    /**
     * What {@link #change} did: how many students it changed, how many movement orders it added, which students, and
     * the instant they were stamped with (a benchmark measures from it until a platform accepted the record).
     */
    public record Change(int changed, int movements, List<String> externalIds, Instant at) {
    }

    /**
     * Changes {@code percent} % of the organisation's students (rounded, at least none), chosen by {@code seed}:
     * each gets a new phone; every fifth of them is also transferred to another group of its course with a movement
     * order. All are stamped now, so the next UPDATED read returns them. Same state and seed, same change.
     */
    public synchronized Change change(String ogrn, double percent, long seed) {
        if (percent < 0 || percent > 100 || Double.isNaN(percent)) {
            throw new IllegalArgumentException("percent must be between 0 and 100");
        }
        Org org = orgs.get(ogrn);
        if (org == null) {
            throw new IllegalArgumentException("unknown ogrn");
        }
        int n = org.students.size();
        int count = (int) Math.round(n * percent / 100.0);
        Random random = new Random(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> ids = new ArrayList<>(count);
        int movements = 0;
        for (int i = 0; i < count; i++) {
            // partial Fisher-Yates: O(count) picks without repeats
            int j = i + random.nextInt(n - i);
            int index = order[j];
            order[j] = order[i];
            order[i] = index;
            Student student = org.students.get(index).student();
            student.setPhone(String.format("+7 (9%02d) %03d-%02d-%02d", random.nextInt(100), random.nextInt(1000),
                    random.nextInt(100), random.nextInt(100)));
            if (i % 5 == 0 && transfer(ogrn, org, student, today, random)) {
                movements++;
            }
            student.setChangedAt(now.toString());
            org.replace(index, student, now);
            ids.add(student.getExternalId());
        }
        org.version++;
        return new Change(count, movements, List.copyOf(ids), now);
    }

    private boolean transfer(String ogrn, Org org, Student student, LocalDate today, Random random) {
        if (student.getStudy() == null || student.getStudy().getGroup() == null) {
            return false;
        }
        String from = student.getStudy().getGroup();
        String course = student.getStudy().getCourse();
        List<Group> others = org.groups.stream()
                .filter(g -> !Objects.equals(g.getCode(), from) && Objects.equals(g.getCourse(), course))
                .toList();
        if (others.isEmpty()) {
            return false;
        }
        String to = others.get(random.nextInt(others.size())).getCode();
        student.getStudy().setGroup(to);
        student.getStudy().setSubgroup(null);
        Movement movement = new Movement();
        movement.setExternalId("mov-" + ogrn + "-chg-" + (org.movements.size() + 1));
        movement.setStudentExternalId(student.getExternalId());
        movement.setKind("transfer");
        movement.setOrderNo((org.movements.size() + 1) + "-к");
        movement.setOrderDate(today.toString());
        movement.setEffectiveDate(today.toString());
        movement.setFromGroup(from);
        movement.setToGroup(to);
        org.movements.add(new StampedMovement(movement, clock.instant()));
        return true;
    }

    public synchronized List<Student> students(String ogrn) {
        Org org = orgs.get(ogrn);
        return org == null ? List.of() : org.students.stream().map(Entry::student).toList();
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

    /**
     * Students changed after {@code changedSince} (all when null), page {@code page} (1-based); movements on page 1.
     * An ALL page is a slice of the insertion-ordered list; an UPDATED read takes the k students stamped after
     * {@code changedSince} from the stamp index (O(log n + k log k)) once, and its later pages reuse that selection
     * while nothing changed.
     */
    public synchronized StudentPage page(String ogrn, Instant changedSince, int page, int pageSize) {
        Org org = orgs.get(ogrn);
        List<Entry> selected = changedSince == null ? org.students : selection(org, changedSince);
        int totalPages = Math.max(1, (selected.size() + pageSize - 1) / pageSize);
        int from = (int) Math.min((long) (page - 1) * pageSize, selected.size());
        int to = Math.min(from + pageSize, selected.size());
        List<Student> students = new ArrayList<>(to - from);
        for (Entry entry : selected.subList(from, to)) {
            students.add(entry.student());
        }
        List<Movement> movements = page != 1 ? List.of() : org.movements.stream()
                .filter(m -> changedSince == null || m.addedAt().isAfter(changedSince))
                .map(StampedMovement::movement)
                .toList();
        return new StudentPage(List.copyOf(students), movements, selected.size(), totalPages);
    }

    private static List<Entry> selection(Org org, Instant since) {
        Selection last = org.lastSelection;
        if (last != null && last.version() == org.version && last.since().equals(since)) {
            return last.entries();
        }
        // strictly after since: a probe with the largest seq sorts after every entry stamped exactly at since
        List<Entry> entries = new ArrayList<>(org.byStamp.tailSet(new Entry(null, since, Long.MAX_VALUE), false));
        // a student without a readable stamp is always reported: better a repeat than a miss
        entries.addAll(org.unstamped);
        entries.sort(Comparator.comparingLong(Entry::seq));
        org.lastSelection = new Selection(since, org.version, entries);
        return entries;
    }

    private static Instant parse(String changedAt) {
        try {
            return changedAt == null ? null : Instant.parse(changedAt);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Org org(String ogrn) {
        Objects.requireNonNull(ogrn, "ogrn");
        return orgs.computeIfAbsent(ogrn, k -> new Org());
    }
}
