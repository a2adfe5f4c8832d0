package ru.spobridge.app;

import ru.spobridge.routes.flow.FlowHeaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.schedule.ScheduleImport;
import ru.spobridge.routes.schedule.ScheduleRoutes;
import ru.spobridge.routes.staff.StaffRoutes;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Malformed and hostile inputs across the file sources (src/test/resources/corpus): broken CSV and XML, wrong
 * encodings, missing fields, duplicate keys, entity expansion and external entities, injection strings, a 10 MB
 * field. Each must end in per-record errors or a clean refusal of the file — never a crash, a hang or a silent drop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest extends HubIntegrationTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final Map<String, String> ENTRY = Map.of("staff", StaffRoutes.FILE, "asc", ScheduleRoutes.ASC, "ref", ScheduleRoutes.REFERENCE,
            "chg", ScheduleRoutes.CHANGES, "att", ScheduleRoutes.ATTESTATION, "st", MarksRoutes.STATEMENT);
    private final Map<String, String> outcomes = new java.util.TreeMap<>();

    @Autowired
    private ProducerTemplate camel;

    @BeforeEach
    void aCollegeToSendInto() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-1", s -> s.getGuardian().clear()));
        syncAndWait(false);
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_bad_input_is_refused_by_record_or_as_a_file_and_the_hub_keeps_working(String name) throws IOException {
        byte[] content = Files.readAllBytes(CORPUS.resolve(name));
        if (KEPT_AS_DATA.contains(name)) {
            assertThat(accepted(name, content)).as(name).isTrue();
        } else {
            assertThat(handled(name, content)).as(name).isTrue();
        }
    }

    /** Not errors: markup or an old encoding in a value is data, stored and sent as it is; a header without rows is nothing to do. */
    private static final java.util.Set<String> KEPT_AS_DATA = java.util.Set.of("ref-06-script.csv", "staff-09-script-in-name.csv",
            "staff-23-cp1251.csv", "staff-02-header-only.csv");

    private boolean accepted(String name, byte[] content) {
        handledRun(name, content);
        SyncRuns.Run run = runs.recent(COLLEGE, 1).get(0);
        return SyncRuns.COMPLETED.equals(run.status()) && run.rejected() == 0;
    }

    @Test
    void a_ten_megabyte_field_is_refused_by_record_and_hostile_strings_are_kept_as_data() {
        String header = "order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code\n";
        String huge = header + "o1;hire;К-1;2026-01-10;2026-01-12;p1;" + "Я".repeat(10 * 1024 * 1024) + ";Анна;;a@example.org;+79120000001;ПРП\n";
        assertThat(handled("staff-huge-field.csv", huge.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(jdbc.queryForList("SELECT code FROM rejected_record WHERE entity_key = 'o1'", String.class)).contains("TOO_LONG");

        contingent.putStudent(OGRN, SourceData.student("stu-2", s -> {
            s.getGuardian().clear();
            s.setLastName("Robert'); DROP TABLE canonical_record;--");
            s.setFirstName("<img src=x onerror=alert(1)>");
        }));
        SyncRuns.Run run = syncAndWait(false);
        assertThat(run.status()).isIn(SyncRuns.COMPLETED, SyncRuns.COMPLETED_WITH_ERRORS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM canonical_record", Integer.class)).as("the table is still there").isPositive();
        assertThat(epos.students(COLLEGE)).containsKey("stu-2");
        assertThat(epos.students(COLLEGE).get("stu-2").get("last_name")).isEqualTo("Robert'); DROP TABLE canonical_record;--");
    }

    /** The file went through its route within the time limit and its run ended with rejections or a clean error. */
    private boolean handled(String name, byte[] content) {
        SyncRuns.Run run = handledRun(name, content);
        int rejected = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE run_id = ? AND resolved_at IS NULL", Integer.class, run.id());
        boolean refused = rejected > 0 || run.error() != null || run.rejected() > 0;
        return refused && List.of(SyncRuns.COMPLETED, SyncRuns.COMPLETED_WITH_ERRORS, SyncRuns.FAILED, SyncRuns.HELD).contains(run.status());
    }

    private SyncRuns.Run handledRun(String name, byte[] content) {
        String entry = ENTRY.get(name.substring(0, name.indexOf('-')));
        Map<String, Object> headers = new HashMap<>();
        headers.put(FlowHeaders.COLLEGE, COLLEGE);
        headers.put(FlowHeaders.TRIGGER, "corpus");
        headers.put(Exchange.FILE_NAME, name);
        headers.put(ScheduleImport.FROM, LocalDate.of(2026, 9, 7));
        headers.put(ScheduleImport.TO, LocalDate.of(2026, 9, 13));
        headers.put(ScheduleImport.TERM_START, LocalDate.of(2026, 9, 1));
        long started = System.nanoTime();
        Exchange exchange = camel.request(entry, ex -> {
            ex.getIn().setHeaders(headers);
            ex.getIn().setBody(content);
        });
        Long runId = exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class);
        assertThat(runId).as("a run was recorded for " + name).isNotNull();
        SyncRuns.Run run = awaitRun(runId);
        int rejected = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE run_id = ? AND resolved_at IS NULL", Integer.class, runId);
        outcomes.put(name, run.status() + ", отклонено " + rejected + (run.error() == null ? "" : ", ошибка: задан")
                + ", " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " мс");
        return run;
    }

    @AfterAll
    void printCounts() {
        System.out.println("corpus figures: " + outcomes.size() + " inputs");
        outcomes.forEach((name, outcome) -> System.out.println("  " + name + " → " + outcome));
    }
}
