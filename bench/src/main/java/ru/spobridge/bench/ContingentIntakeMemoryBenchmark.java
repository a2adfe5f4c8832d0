package ru.spobridge.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ru.spobridge.connectors.contingent.ContingentRead;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.mappings.contingent.ContingentGuardianRecord;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.contingent.ContingentSnapshot;
import ru.spobridge.routes.contingent.IntakeSummary;
import ru.spobridge.routes.contingent.StudentPages;
import ru.spobridge.routes.protection.DataKeyRing;
import ru.spobridge.routes.protection.DataProtectionSettings;
import ru.spobridge.routes.protection.PayloadCipher;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;
import ru.spobridge.simulators.contingent.wsdl.Guardian;
import ru.spobridge.simulators.contingent.wsdl.Student;
import ru.spobridge.simulators.contingent.wsdl.Study;

/**
 * Where the memory of a contingent intake goes: the live heap of N students as the registry hands them over (with
 * their guardians, as the demo generates them) against the live heap while the hub's intake maps, checks and stores
 * them into an H2 file store, in the same run. Live heap is sampled after a forced collection every 500 ms; the source's objects (the simulator's) are
 * counted apart. Modes: a whole read applied at once (a held read approved), and pages taken as the client hands them over.
 * Run: {@code java -Xmx512m -cp bench/target/spo-bridge-bench.jar -Dloader.main=ru.spobridge.bench.ContingentIntakeMemoryBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [students] [pageSize] [pages]}; {@code pages} measures
 * only the pages (the whole read needs the most memory and goes first otherwise).
 */
public final class ContingentIntakeMemoryBenchmark {

    private static final String COLLEGE = "bench-college";
    private static final String OGRN = "1025900000015";

    private ContingentIntakeMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        boolean wholeToo = args.length <= 2 || !"pages".equals(args[2]);
        Path dir = Files.createTempDirectory("spo-bridge-intake-bench");
        try {
            run(students, pageSize, wholeToo, dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(int count, int pageSize, boolean wholeToo, Path dir) throws Exception {
        long empty = live();
        // the source: the simulator's own objects, as a registry would hold them (not the hub's memory)
        DemoCollege demo = DemoContingent.generate(OGRN, count, Math.max(1, count / 25), 42);
        List<ContingentGroupRecord> groups = demo.groups().stream().map(ContingentIntakeMemoryBenchmark::group).toList();
        long source = live();
        List<ContingentStudentRecord> whole = new ArrayList<>(count);
        demo.students().forEach(student -> whole.add(record(student)));
        long withRecords = live();
        System.out.printf("students: %d, guardians: %d, pages of %d: %d; the source's objects: %.1f MB%n", whole.size(),
                whole.stream().mapToInt(r -> r.guardians().size()).sum(), pageSize, (whole.size() + pageSize - 1) / pageSize,
                mb(source - empty));
        System.out.printf("a whole read held by the hub: %d ContingentStudentRecord retained: %.1f MB (%.0f bytes each)%n", whole.size(),
                mb(withRecords - source), (double) (withRecords - source) / whole.size());

        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath(), "sa", "", true);
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        schema(jdbc);
        Clock clock = Clock.systemUTC();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        PayloadCipher cipher = new PayloadCipher(DataKeyRing.load(new DataProtectionSettings(Base64.getEncoder().encodeToString(key),
                null, dir.resolve("key"), null, null, null)));
        ContingentIntake intake = new ContingentIntake(new CanonicalRecords(jdbc, clock, cipher), new RejectedRecords(jdbc, clock),
                new CanonicalJson());
        ContingentSnapshot snapshot = new ContingentSnapshot(COLLEGE, groups,
                new ContingentRead(whole, List.of(), Instant.now(), (whole.size() + pageSize - 1) / pageSize, whole.size(), true, true));
        if (wholeToo) {
            measure("whole read, first (all new)", source, () -> intake.accept(snapshot, 1));
            measure("whole read, again (nothing changed)", source, () -> intake.accept(snapshot, 2));
        }
        whole.clear();
        DemoCollege college = demo;
        //PAGES-START
        for (String round : wholeToo ? List.of("pages, again (nothing changed)", "pages, a fresh store (all new)")
                : List.of("pages, a fresh store (all new)", "pages, again (nothing changed)")) {
            if (round.contains("fresh")) {
                jdbc.getJdbcTemplate().execute("DELETE FROM canonical_record");
            }
            measure(round, live(), () -> {
                StudentPages pages = intake.begin(COLLEGE, 3, groups, intake.studentKeys(COLLEGE), false);
                for (int from = 0; from < count; from += pageSize) {
                    // one page as the SOAP client hands it over: built, taken in, dropped
                    pages.accept(college.students().subList(from, Math.min(count, from + pageSize)).stream()
                            .map(ContingentIntakeMemoryBenchmark::record).toList());
                }
                return pages.finish().plus(intake.acceptMovements(COLLEGE, List.of(), 3));
            });
        }
        //PAGES-END
    }

    private static void measure(String round, long before, java.util.function.Supplier<IntakeSummary> intake) throws InterruptedException {
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = sampler(peak);
        long started = System.nanoTime();
        IntakeSummary summary = intake.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.out.printf("intake, %s: read %d, changed %d, unchanged %d, rejected %d in %.1f s; live heap peak %.1f MB above "
                        + "the source (%.1f MB in all)%n", round, summary.read(), summary.changed(), summary.unchanged(),
                summary.rejected(), seconds, mb(peak.get() - before), mb(peak.get()));
    }

    private static ContingentGroupRecord group(ru.spobridge.simulators.contingent.wsdl.Group g) {
        return new ContingentGroupRecord(g.getCode(), g.getName(), g.getSpecialty(), g.getCourse(), g.getForm(),
                g.getSubgroup().stream().map(sub -> new ContingentGroupRecord.Subgroup(sub.getCode(), sub.getName())).toList());
    }

    private static Thread sampler(AtomicLong peak) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(live(), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-heap-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long live() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static ContingentStudentRecord record(Student s) {
        Study study = s.getStudy() == null ? new Study() : s.getStudy();
        List<ContingentGuardianRecord> guardians = s.getGuardian().stream().map(ContingentIntakeMemoryBenchmark::guardian).toList();
        return new ContingentStudentRecord(s.getExternalId(), s.getRegionalId(), s.getLastName(), s.getFirstName(),
                s.getMiddleName(), s.getGender(), s.getBirthDate(), s.getSnils(), s.getEmail(), s.getPhone(),
                study.getSpecialty(), study.getForm(), study.getCourse(), study.getGroup(), study.getSubgroup(),
                study.getIndividualPlan(), guardians);
    }

    private static ContingentGuardianRecord guardian(Guardian g) {
        return new ContingentGuardianRecord(g.getExternalId(), g.getRelation(), g.getLastName(), g.getFirstName(),
                g.getMiddleName(), g.getPhone(), g.getEmail());
    }

    /** The two tables intake writes, as the hub's migrations leave them. */
    private static void schema(NamedParameterJdbcTemplate jdbc) {
        jdbc.getJdbcTemplate().execute("""
                CREATE TABLE canonical_record (college_id VARCHAR(64) NOT NULL, entity_type VARCHAR(32) NOT NULL,
                    entity_key VARCHAR(128) NOT NULL, source_system VARCHAR(32) NOT NULL, content_hash VARCHAR(64) NOT NULL,
                    payload TEXT NOT NULL, masked_label VARCHAR(200), updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
                    sort_key VARCHAR(300), PRIMARY KEY (college_id, entity_type, entity_key))""");
        jdbc.getJdbcTemplate().execute("""
                CREATE TABLE rejected_record (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, college_id VARCHAR(64) NOT NULL,
                    flow VARCHAR(32) NOT NULL, entity_type VARCHAR(32) NOT NULL, entity_key VARCHAR(128) NOT NULL, target VARCHAR(32),
                    field VARCHAR(64) NOT NULL, code VARCHAR(64) NOT NULL, message VARCHAR(1000) NOT NULL, masked_label VARCHAR(200),
                    run_id BIGINT, first_seen TIMESTAMP WITH TIME ZONE NOT NULL, last_seen TIMESTAMP WITH TIME ZONE NOT NULL,
                    resolved_at TIMESTAMP WITH TIME ZONE)""");
        jdbc.getJdbcTemplate().execute("CREATE INDEX rejected_record_open ON rejected_record (college_id, entity_type, entity_key, resolved_at)");
    }
}
