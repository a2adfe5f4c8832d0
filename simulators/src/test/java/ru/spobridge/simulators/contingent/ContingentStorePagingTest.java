package ru.spobridge.simulators.contingent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;
import ru.spobridge.simulators.faults.FaultInjector;

/**
 * The indexed store against the list-scanning store it replaced (kept here as {@link Reference}): the same
 * operations give the same pages, in the same order, with the same totals, for every changedSince and page size.
 */
class ContingentStorePagingTest {

    private static final String OGRN = "1025900000015";
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private final StepClock clock = new StepClock();
    private final ContingentSimulator store =
            new ContingentSimulator(clock, new FaultInjector(), new TokenRegistry(Map.of(), Duration.ofHours(1), clock));
    private final Reference reference = new Reference();

    @Test
    void pages_match_the_old_store_with_ties_duplicates_bad_stamps_replacements_and_removals() {
        // three students per millisecond: ties on changedAt everywhere
        for (int i = 0; i < 1_037; i++) {
            if (i % 3 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
            put(student("stu-" + i));
            if (i % 97 == 0) {
                addMovement("mov-" + i, "stu-" + i);
            }
        }
        Instant afterSeed = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        append(student("stu-5"));                       // duplicate id after the original
        append(student("stu-dup"));
        append(student("stu-dup"));
        Student unreadable = student("stu-bad");
        unreadable.setChangedAt("вчера");
        append(unreadable);                             // never parses: always in UPDATED
        Student old = student("stu-old");
        old.setChangedAt("2020-01-01T00:00:00Z");
        append(old);                                    // a preset stamp older than everyone
        clock.advance(Duration.ofMillis(5));
        put(student("stu-10"));                         // replaced in place, restamped
        put(student("stu-dup"));                        // replaces the first of the duplicates
        remove("stu-20");
        remove("stu-5");                                // removes both copies
        remove("stu-nobody");
        clock.advance(Duration.ofMillis(5));
        put(student("stu-20"));                         // comes back at the end
        addMovement("mov-late", "stu-20");

        List<Instant> sinces = new ArrayList<>();
        sinces.add(null);
        sinces.add(T0.minusSeconds(1));
        sinces.add(T0.plusMillis(1));                   // equal to the first tie: those three excluded
        sinces.add(T0.plusMillis(100));
        sinces.add(T0.plusMillis(346));                 // the last seeded millisecond
        sinces.add(afterSeed);
        sinces.add(afterSeed.plusSeconds(1));
        sinces.add(clock.instant());
        sinces.add(clock.instant().plusSeconds(3600));
        for (Instant since : sinces) {
            for (int pageSize : new int[] {1, 3, 7, 100, 500}) {
                // page by page over a thousand students costs the old store a million parses: small pages on deltas
                if (pageSize >= 7 || reference.page(since, 1, 1).totalCount() < 100) {
                    assertSamePages(since, pageSize);
                }
            }
        }
    }

    @Test
    void a_change_between_two_pages_of_a_read_is_seen_by_the_next_page() {
        for (int i = 0; i < 50; i++) {
            clock.advance(Duration.ofMillis(1));
            put(student("stu-" + i));
        }
        Instant since = T0.plusMillis(10);
        assertThat(ids(store.page(OGRN, since, 1, 10))).isEqualTo(ids(reference.page(since, 1, 10)));

        clock.advance(Duration.ofMillis(1));
        put(student("stu-3"));
        remove("stu-15");

        for (int page = 1; page <= 6; page++) {
            assertThat(ids(store.page(OGRN, since, page, 10))).isEqualTo(ids(reference.page(since, page, 10)));
        }
    }

    @Test
    void a_seeded_demo_college_pages_as_before() {
        DemoCollege college = DemoContingent.generate(OGRN, 2_000, 40, 7L, 30);
        college.students().forEach(s -> {
            clock.advance(Duration.ofMillis(s.getExternalId().hashCode() & 1));
            put(s);
        });
        college.movements().forEach(m -> addMovement(m));
        for (Instant since : new Instant[] {null, T0.plusMillis(200), clock.instant()}) {
            assertSamePages(since, 500);
            assertSamePages(since, 333);
        }
    }

    private void assertSamePages(Instant since, int pageSize) {
        ContingentSimulator.StudentPage first = reference.page(since, 1, pageSize);
        for (int page = 1; page <= first.totalPages() + 1; page++) {
            ContingentSimulator.StudentPage expected = reference.page(since, page, pageSize);
            ContingentSimulator.StudentPage actual = store.page(OGRN, since, page, pageSize);
            String where = "since=" + since + " pageSize=" + pageSize + " page=" + page;
            assertThat(ids(actual)).as(where).isEqualTo(ids(expected));
            assertThat(actual.movements()).as(where).containsExactlyElementsOf(expected.movements());
            assertThat(actual.totalCount()).as(where).isEqualTo(expected.totalCount());
            assertThat(actual.totalPages()).as(where).isEqualTo(expected.totalPages());
        }
    }

    private static List<String> ids(ContingentSimulator.StudentPage page) {
        return page.students().stream().map(s -> s.getExternalId() + "@" + s.getChangedAt() + "#" + s.getLastName())
                .toList();
    }

    private int serial;

    /** A fresh object each time, like a new read from a source; the last name tells versions apart. */
    private Student student(String id) {
        Student student = new Student();
        student.setExternalId(id);
        student.setLastName("Иванов-" + serial++);
        return student;
    }

    private void put(Student student) {
        store.putStudent(OGRN, student);
        reference.put(student);
    }

    private void append(Student student) {
        store.appendStudent(OGRN, student);
        reference.append(student);
    }

    private void remove(String id) {
        store.removeStudent(OGRN, id);
        reference.remove(id);
    }

    private void addMovement(String id, String studentId) {
        Movement movement = new Movement();
        movement.setExternalId(id);
        movement.setStudentExternalId(studentId);
        addMovement(movement);
    }

    private void addMovement(Movement movement) {
        store.addMovement(OGRN, movement);
        reference.movements.add(new ContingentSimulator.StampedMovement(movement, clock.instant()));
    }

    /** The store before indexing, verbatim in behaviour: linear scans, a parse per student per page. */
    private final class Reference {
        final List<Student> students = new ArrayList<>();
        final List<ContingentSimulator.StampedMovement> movements = new ArrayList<>();

        void put(Student student) {
            // the store already stamped this object
            for (int i = 0; i < students.size(); i++) {
                if (Objects.equals(students.get(i).getExternalId(), student.getExternalId())) {
                    students.set(i, student);
                    return;
                }
            }
            students.add(student);
        }

        void append(Student student) {
            students.add(student);
        }

        void remove(String id) {
            students.removeIf(s -> Objects.equals(s.getExternalId(), id));
        }

        ContingentSimulator.StudentPage page(Instant changedSince, int page, int pageSize) {
            List<Student> selected = students.stream()
                    .filter(s -> changedSince == null || changedAfter(s, changedSince))
                    .toList();
            int totalPages = Math.max(1, (selected.size() + pageSize - 1) / pageSize);
            int from = (int) Math.min((long) (page - 1) * pageSize, selected.size());
            int to = Math.min(from + pageSize, selected.size());
            List<Movement> moves = page != 1 ? List.of() : movements.stream()
                    .filter(m -> changedSince == null || m.addedAt().isAfter(changedSince))
                    .map(ContingentSimulator.StampedMovement::movement)
                    .toList();
            return new ContingentSimulator.StudentPage(List.copyOf(selected.subList(from, to)), moves,
                    selected.size(), totalPages);
        }

        private static boolean changedAfter(Student student, Instant since) {
            try {
                return student.getChangedAt() == null || Instant.parse(student.getChangedAt()).isAfter(since);
            } catch (RuntimeException e) {
                return true;
            }
        }
    }

    /** A clock that only moves when told. */
    private static final class StepClock extends Clock {
        private Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
