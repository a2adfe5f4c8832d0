package ru.spobridge.routes.contingent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import ru.spobridge.connectors.contingent.ContingentRead;
import ru.spobridge.connectors.contingent.ContingentSoapClient;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.mappings.contingent.ContingentGuardianRecord;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.flow.Holds;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SourceCursors;
import ru.spobridge.routes.store.SyncRuns;

/** A run stores each page of students as it comes, before the next page is asked for; what spans pages is kept. */
class ContingentPagesTest {

    private static final String COLLEGE = "test-college";
    private static final String OGRN = "1025900000015";
    private static final CanonicalJson JSON = new CanonicalJson();

    private final CanonicalRecords canonical = mock(CanonicalRecords.class);
    private final RejectedRecords rejected = mock(RejectedRecords.class);
    private final ContingentSoapClient client = mock(ContingentSoapClient.class);
    /** The store: type → key → canonical JSON. */
    private final Map<String, Map<String, String>> store = new HashMap<>();
    private final Map<String, List<RecordError>> refused = new TreeMap<>();
    private final List<String> events = new ArrayList<>();

    @Test
    void each_page_is_stored_before_the_next_is_read_and_the_run_keeps_no_students() {
        List<List<ContingentStudentRecord>> pages = List.of(page(1, 100), page(101, 100), page(201, 50));
        ContingentMovementRecord expulsion = new ContingentMovementRecord("mov-1", "stu-5", "expulsion", "12-к", "2026-11-01",
                "2026-11-02", "ТМ-21", null, null);
        source(pages, List.of(expulsion));

        ContingentSnapshot snapshot = sync().read(COLLEGE, true, 7);

        assertThat(events).containsExactly("read page 1", "stored 100 students", "read page 2", "stored 100 students",
                "read page 3", "stored 50 students");
        assertThat(store.get(ContingentIntake.STUDENT)).hasSize(250);
        assertThat(store.get(ContingentIntake.MOVEMENT)).as("orders wait for the hold").isNull();
        assertThat(snapshot.students().students()).isEmpty();
        assertThat(snapshot.students().studentCount()).isEqualTo(250);
        assertThat(snapshot.students().present()).hasSize(250).contains("stu-0001", "stu-0250");
        assertThat(snapshot.students().movements()).containsExactly(expulsion);
        assertThat(snapshot.stored().changed()).as("1 group, 250 students, 250 guardians").isEqualTo(501);
    }

    @Test
    void a_guardian_of_students_on_two_pages_is_linked_to_both() {
        ContingentGuardianRecord mother = new ContingentGuardianRecord("gdn-shared", "мать", "Тестова", "Ольга", null,
                "+79120000001", "o@example.org");
        source(List.of(List.of(student("stu-0001", "Анна", List.of(mother))), List.of(student("stu-0002", "Мария", List.of(mother)))), List.of());

        IntakeSummary stored = sync().read(COLLEGE, true, 7).stored();

        GuardianLinks links = JSON.read(store.get(ContingentIntake.GUARDIAN).get("gdn-shared"), GuardianLinks.class);
        assertThat(links.studentIds()).containsExactly("stu-0001", "stu-0002");
        assertThat(stored.read()).as("1 group, 2 students, 1 guardian").isEqualTo(4);
    }

    @Test
    void an_id_sent_on_two_pages_with_different_content_is_refused_with_every_occurrence_and_not_kept() {
        source(List.of(List.of(student("stu-0001", "Анна", List.of()), student("stu-0002", "Вера", List.of())),
                List.of(student("stu-0001", "Другая", List.of()), student("stu-0002", "Вера", List.of()))), List.of());

        IntakeSummary stored = sync().read(COLLEGE, true, 7).stored();

        assertThat(refused).containsOnlyKeys("stu-0001");
        assertThat(refused.get("stu-0001")).extracting(RecordError::code).containsExactly("DUPLICATE_ID", "DUPLICATE_ID");
        assertThat(store.get(ContingentIntake.STUDENT)).as("the same record twice is one student").containsOnlyKeys("stu-0002");
        assertThat(stored.rejected()).isEqualTo(2);
    }

    private ContingentSync sync() {
        Colleges colleges = mock(Colleges.class);
        when(colleges.settings(anyString())).thenReturn(new HubProperties.CollegeSettings("Колледж", null, OGRN,
                ZoneId.of("Asia/Yekaterinburg"), null, null, new HubProperties.HoldSettings(0.1), null, null, null));
        ContingentSources sources = mock(ContingentSources.class);
        when(sources.client(COLLEGE)).thenReturn(client);
        fakeStore();
        return new ContingentSync(colleges, sources, new ContingentIntake(canonical, rejected, JSON), mock(HoldPolicy.class),
                mock(SyncRuns.class), mock(Holds.class), mock(SourceCursors.class));
    }

    private void source(List<List<ContingentStudentRecord>> pages, List<ContingentMovementRecord> movements) {
        when(client.fetchGroups(OGRN)).thenReturn(List.of(new ContingentGroupRecord("ТМ-21", "ТМ-21", "15.02.16", "2", "очная",
                List.of(new ContingentGroupRecord.Subgroup("1", "1")))));
        when(client.readStudents(eq(OGRN), isNull(), any())).thenAnswer(call -> {
            Consumer<List<ContingentStudentRecord>> consumer = call.getArgument(2);
            int count = 0;
            List<String> present = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                events.add("read page " + (i + 1));
                consumer.accept(pages.get(i));
                count += pages.get(i).size();
                pages.get(i).forEach(student -> present.add(student.externalId()));
            }
            return new ContingentRead(List.of(), movements, Instant.EPOCH, pages.size(), count, true, true, count, present);
        });
    }

    private void fakeStore() {
        when(canonical.hashes(anyString(), anyString())).thenAnswer(call -> new HashMap<>());
        when(canonical.saveChanged(anyString(), anyString(), anyString(), anyCollection(), any(), any())).thenAnswer(call -> {
            String type = call.getArgument(1);
            Map<String, String> records = store.computeIfAbsent(type, key -> new HashMap<>());
            int changed = 0;
            for (CanonicalRecords.Candidate candidate : call.<Collection<CanonicalRecords.Candidate>>getArgument(3)) {
                String payload = JSON.write(candidate.value());
                changed += payload.equals(records.put(candidate.key(), payload)) ? 0 : 1;
            }
            if (ContingentIntake.STUDENT.equals(type)) {
                events.add("stored " + call.<Collection<?>>getArgument(3).size() + " students");
            }
            return changed;
        });
        when(canonical.keys(anyString(), anyString())).thenAnswer(call ->
                Set.copyOf(store.getOrDefault(call.<String>getArgument(1), Map.of()).keySet()));
        when(canonical.payload(anyString(), anyString(), anyString())).thenAnswer(call ->
                Optional.ofNullable(store.getOrDefault(call.<String>getArgument(1), Map.of()).get(call.<String>getArgument(2))));
        doAnswer(call -> {
            call.<Collection<String>>getArgument(2).forEach(store.get(call.<String>getArgument(1))::remove);
            return null;
        }).when(canonical).delete(anyString(), anyString(), anyCollection());
        doAnswer(call -> {
            refused.put(call.getArgument(3), call.getArgument(5));
            return null;
        }).when(rejected).reject(anyString(), anyString(), eq(ContingentIntake.STUDENT), anyString(), isNull(), any(), any(), anyLong());
    }

    private static List<ContingentStudentRecord> page(int first, int count) {
        List<ContingentStudentRecord> page = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            page.add(student("stu-%04d".formatted(i), "Анна", List.of(new ContingentGuardianRecord("gdn-%04d".formatted(i), "мать",
                    "Тестова", "Ольга", null, "+79120000001", "o@example.org"))));
        }
        return page;
    }

    private static ContingentStudentRecord student(String id, String firstName, List<ContingentGuardianRecord> guardians) {
        return new ContingentStudentRecord(id, "5900000101", "Тестова", firstName, "Сергеевна", "F", "2008-03-14", "112-233-445 95",
                "a.testova@example.org", "8 (912) 345-67-89", "15.02.16", "очная", "2", "ТМ-21", "1", "false", guardians);
    }
}
