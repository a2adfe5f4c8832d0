package ru.spobridge.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.contingent.ContingentSimulator;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;
import ru.spobridge.simulators.contingent.wsdl.Student;
import ru.spobridge.simulators.faults.FaultInjector;

/**
 * The Контингент simulator's own cost at a college's size (2,000 students) and at a region's (100,000): seeding,
 * a page of a full (ALL) read, a page of a full UPDATED read and of the delta after 1 % changed, with the
 * 100k / 2k ratio of each (near 1 for pages when paging is O(page size), near 50 for seeding when it is O(n)),
 * and the old store's UPDATED page (a filter and a parse of every student per page) as the baseline.
 * Run: {@code java -cp bench/target/spo-bridge-bench.jar -Dloader.main=ru.spobridge.bench.ContingentSimulatorBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
public final class ContingentSimulatorBenchmark {

    private static final String OGRN = "1025900000015";
    private static final int PAGE_SIZE = 500;

    private ContingentSimulatorBenchmark() {
    }

    /** Nanoseconds of each measured step. */
    private record Figures(int students, long seed, double allPage, double updatedPage, double deltaPage,
                           int deltaCount, double oldUpdatedPage) {
    }

    public static void main(String[] args) {
        measure(2_000);  // warm-up
        measure(100_000);
        Figures small = measure(2_000);
        Figures large = measure(100_000);
        print(small);
        print(large);
        System.out.printf("ratio 100k / 2k: seed %.1f, ALL page %.2f, UPDATED page %.2f, delta page %.2f,"
                        + " old store's UPDATED page %.1f%n",
                (double) large.seed() / small.seed(), large.allPage() / small.allPage(),
                large.updatedPage() / small.updatedPage(), large.deltaPage() / small.deltaPage(),
                large.oldUpdatedPage() / small.oldUpdatedPage());
    }

    private static void print(Figures f) {
        System.out.printf("%,d students: seed %.1f ms (%.2f µs/student); per page of %d: ALL %.3f ms, UPDATED %.3f ms,"
                        + " delta after 1 %% (%d students) %.3f ms; old store's UPDATED page %.3f ms%n", f.students(),
                f.seed() / 1e6, f.seed() / 1e3 / f.students(), PAGE_SIZE, f.allPage() / 1e6, f.updatedPage() / 1e6,
                f.deltaCount(), f.deltaPage() / 1e6, f.oldUpdatedPage() / 1e6);
    }

    private static Figures measure(int students) {
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)).withZone(ZoneOffset.UTC);
        ContingentSimulator simulator =
                new ContingentSimulator(clock, new FaultInjector(), new TokenRegistry(Map.of(), Duration.ofHours(1), clock));
        // generating the college is the demo's cost, not the store's: outside the measure
        DemoCollege college = DemoContingent.generate(OGRN, students, Math.max(2, students / 25), 7L, students / 100);
        System.gc();  // the generator's garbage is not the store's: collect it before the clock starts
        long start = System.nanoTime();
        college.groups().forEach(g -> simulator.putGroup(OGRN, g));
        college.students().forEach(s -> simulator.putStudent(OGRN, s));
        college.movements().forEach(m -> simulator.addMovement(OGRN, m));
        long seed = System.nanoTime() - start;

        System.gc();
        double allPage = readAll(simulator, null);
        Instant before = Instant.EPOCH;
        double updatedPage = readAll(simulator, before);
        Instant since = clock.instant();
        sleep();
        simulator.change(OGRN, 1, 42L);
        int deltaCount = simulator.page(OGRN, since, 1, PAGE_SIZE).totalCount();
        simulator.change(OGRN, 1, 43L);  // a fresh change: the delta read below selects anew, nothing cached
        double deltaPage = readAll(simulator, since);
        double oldPage = oldUpdatedPage(simulator.students(OGRN), before);
        return new Figures(students, seed, allPage, updatedPage, deltaPage, deltaCount, oldPage);
    }

    /** The store before issue 16, for comparison: every page filtered the whole list, parsing each stamp. */
    private static double oldUpdatedPage(List<Student> students, Instant since) {
        long start = System.nanoTime();
        int sink = 0;
        for (int page = 1; page <= 5; page++) {
            List<Student> selected = students.stream()
                    .filter(s -> s.getChangedAt() == null || Instant.parse(s.getChangedAt()).isAfter(since))
                    .toList();
            int from = Math.min((page - 1) * PAGE_SIZE, selected.size());
            sink += List.copyOf(selected.subList(from, Math.min(from + PAGE_SIZE, selected.size()))).size();
        }
        return sink < 0 ? 0 : (System.nanoTime() - start) / 5.0;
    }

    /** Reads every page, as the hub does; nanoseconds per page. */
    private static double readAll(ContingentSimulator simulator, Instant since) {
        long start = System.nanoTime();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            pages = simulator.page(OGRN, since, page, PAGE_SIZE).totalPages();
        }
        return (double) (System.nanoTime() - start) / pages;
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
