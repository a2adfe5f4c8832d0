package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.schedule.ScheduleImport;
import ru.spobridge.routes.schedule.ScheduleRoutes;
import ru.spobridge.routes.staff.StaffRoutes;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Malformed and hostile inputs across the file sources (src/test/resources/corpus): broken CSV and XML, wrong
 * encodings, missing fields, duplicate keys, entity expansion and external entities, injection strings, a 10 MB
 * field. Each file's outcome is written in corpus/expectations.csv — refused as a file, refused by record with field
 * and code, held, or accepted as data — and the run must end in exactly that: an exception in a route, a failed run
 * or another code is a failure, never "handled".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest extends HubIntegrationTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final String EXPECTATIONS = "expectations.csv";
    private static final String DEVIATIONS = "known-deviations.csv";
    private static final Map<String, String> ENTRY = Map.of("staff", StaffRoutes.FILE, "asc", ScheduleRoutes.ASC, "ref", ScheduleRoutes.REFERENCE,
            "chg", ScheduleRoutes.CHANGES, "att", ScheduleRoutes.ATTESTATION, "st", MarksRoutes.STATEMENT);
    private final Map<String, String> outcomes = new TreeMap<>();

    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private HeldRuns heldRuns;

    /** One observed or expected refusal: outcome (refused-file, per-record, held), field and code. */
    record Refusal(String outcome, String field, String code) implements Comparable<Refusal> {
        @Override
        public int compareTo(Refusal other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return outcome + ";" + field + ";" + code;
        }
    }

    @BeforeEach
    void aCollegeToSendInto() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-1", s -> s.getGuardian().clear()));
        syncAndWait(false);
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> !Set.of(EXPECTATIONS, DEVIATIONS).contains(name))
                    .sorted().toList().stream();
        }
    }

    /** file → its lines of the table; "accepted" is kept as an empty list. */
    private static Map<String, List<Refusal>> table(String name) throws IOException {
        Map<String, List<Refusal>> table = new TreeMap<>();
        Path path = CORPUS.resolve(name);
        if (!Files.exists(path)) {
            return table;
        }
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file;")) {
                continue;
            }
            String[] cells = line.split(";", -1);
            assertThat(cells).as("%s: %s has four cells: file;outcome;field;code", name, line).hasSizeGreaterThanOrEqualTo(4);
            assertThat(cells[1]).as("%s: outcome of %s", name, cells[0]).isIn("refused-file", "per-record", "held", "accepted");
            List<Refusal> refusals = table.computeIfAbsent(cells[0], file -> new ArrayList<>());
            if (!cells[1].equals("accepted")) {
                refusals.add(new Refusal(cells[1], cells[2], cells[3]));
            }
        }
        return table;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_bad_input_ends_exactly_as_its_line_in_the_expectations_table(String name) throws IOException {
        Map<String, List<Refusal>> expectations = table(EXPECTATIONS);
        Map<String, List<Refusal>> deviations = table(DEVIATIONS);
        assertThat(expectations).as("%s has a line in corpus/%s", name, EXPECTATIONS).containsKey(name);
        // a known deviation is checked as it is today, so that a fix (or a new break) shows up here and the line moves
        List<Refusal> expected = deviations.getOrDefault(name, expectations.get(name));

        List<Refusal> observed = send(name, Files.readAllBytes(CORPUS.resolve(name)));

        assertThat(observed).as("%s ends as in corpus/%s", name, deviations.containsKey(name) ? DEVIATIONS : EXPECTATIONS)
                .containsExactlyInAnyOrderElementsOf(expected);
        if (deviations.containsKey(name)) {
            System.out.printf("corpus deviation: %s should end %s, ends %s%n", name, expectations.get(name), observed);
        }
    }

    @Test
    void every_line_of_the_expectations_table_names_a_corpus_file() throws IOException {
        List<String> files = corpus().toList();
        assertThat(files).containsAll(table(EXPECTATIONS).keySet()).containsAll(table(DEVIATIONS).keySet());
    }

    @Test
    void a_ten_megabyte_field_is_refused_by_record_and_hostile_strings_are_kept_as_data() {
        String header = "order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code\n";
        String huge = header + "o1;hire;К-1;2026-01-10;2026-01-12;p1;" + "Я".repeat(10 * 1024 * 1024) + ";Анна;;a@example.org;+79120000001;ПРП\n";
        assertThat(send("staff-huge-field.csv", huge.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(new Refusal("per-record", "lastName", "TOO_LONG"));
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

    /**
     * Sends the file through its route and returns how its run ended, after checking that no route caught an
     * exception and the run did not fail: a bad file is refused with a code, never by an exception.
     */
    private List<Refusal> send(String name, byte[] content) {
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
        Throwable thrown = exchange.getException() != null ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        assertThat(thrown).as("%s: no route step may throw (a refusal is a code, not an exception)", name).isNull();
        Long runId = exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class);
        assertThat(runId).as("a run was recorded for " + name).isNotNull();
        SyncRuns.Run run = awaitRun(runId);
        assertThat(run.status()).as("%s: the run ended (error: %s)", name, run.error())
                .isIn(SyncRuns.COMPLETED, SyncRuns.COMPLETED_WITH_ERRORS, SyncRuns.HELD, SyncRuns.FILE_REFUSED);

        List<Refusal> observed = new ArrayList<>(jdbc.query("SELECT entity_key, field, code FROM rejected_record WHERE run_id = ? AND resolved_at IS NULL",
                (row, i) -> refusal(name, row.getString(1), row.getString(2), row.getString(3)), runId));
        if (SyncRuns.HELD.equals(run.status())) {
            // a held run records nothing yet: its refusals wait in the held snapshot, beside the reason it is held
            // the snapshot is sealed at rest: read back through its store
            for (HeldRuns.Held held : heldRuns.get(runId).stream().toList()) {
                observed.add(new Refusal("held", "-", held.reasonCode()));
                JsonNode errors = readTree(heldRuns.snapshot(runId).orElseThrow()).path("errors");
                errors.forEach(error -> observed.add(refusal(name, error.path("recordKey").asText(), error.path("field").asText(),
                        error.path("code").asText())));
            }
        }
        if (!SyncRuns.HELD.equals(run.status())) {
            // a file refused as a whole ends its run «файл отклонён» with the reason, never «завершён» with zeros
            boolean refusedFile = observed.stream().anyMatch(refusal -> refusal.outcome().equals("refused-file"));
            assertThat(SyncRuns.FILE_REFUSED.equals(run.status())).as("%s: the run (%s) ends FILE_REFUSED exactly when its file is refused as a whole",
                    name, run.status()).isEqualTo(refusedFile);
            if (refusedFile) {
                assertThat(run.refusedFiles()).isEqualTo(1);
                assertThat(run.error()).as("%s: the reason is in the run", name).isNotBlank();
            }
        }
        if (name.endsWith(".csv")) {
            // what a CSV intake read, in the file's terms; a file refused as a whole has no row read
            assertThat(run.sourceCounts()).as("%s: rows read", name).containsOnlyKeys("строк");
            if (SyncRuns.FILE_REFUSED.equals(run.status())) {
                assertThat(run.sourceCounts()).containsEntry("строк", 0);
            }
        }
        outcomes.put(name, run.status() + " (refused in the run's count: " + run.rejected() + "), " + observed.stream().sorted().map(Refusal::toString).collect(Collectors.joining(" | "))
                + ", " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " мс");
        return observed;
    }

    /** Filed against the file name itself, the whole file is refused; anything else (record, element, file:line) is one part of it. */
    private static Refusal refusal(String fileName, String key, String field, String code) {
        return new Refusal(key.equals(fileName) ? "refused-file" : "per-record", field, code);
    }

    private static JsonNode readTree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    void printCounts() {
        System.out.println("corpus figures: " + outcomes.size() + " inputs");
        outcomes.forEach((name, outcome) -> System.out.println("  " + name + " → " + outcome));
    }
}
