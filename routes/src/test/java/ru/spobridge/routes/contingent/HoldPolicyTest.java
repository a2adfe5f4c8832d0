package ru.spobridge.routes.contingent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.spobridge.connectors.contingent.ContingentRead;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.flow.Holds;
import ru.spobridge.routes.store.CanonicalRecords;

class HoldPolicyTest {

    private static final String COLLEGE = "test-college";

    private final CanonicalRecords canonical = mock(CanonicalRecords.class);
    private final Colleges colleges = mock(Colleges.class);
    private final HoldPolicy policy = new HoldPolicy(canonical, colleges);

    @ParameterizedTest(name = "{0} of 100 expelled: held {1}")
    @CsvSource({"10, false", "11, true", "9, false"})
    void expelling_exactly_ten_percent_is_applied_and_one_student_more_is_held(int expelled, boolean held) {
        knownStudents(100, 0.10);
        List<ContingentMovementRecord> movements = new ArrayList<>();
        for (int i = 0; i < expelled; i++) {
            movements.add(new ContingentMovementRecord("mov-" + i, "stu-" + i, "expulsion", "12-к", "2026-11-01", "2026-11-02", "ИСП-21", null, null));
        }
        Optional<Holds.Hold> hold = policy.evaluate(snapshot(students(100), movements, true));
        assertThat(hold.isPresent()).isEqualTo(held);
        hold.ifPresent(reason -> assertThat(reason.code()).isEqualTo(Holds.MASS_REMOVAL));
    }

    @ParameterizedTest(name = "{0} of 100 missing from a full read: held {1}")
    @CsvSource({"10, false", "11, true", "9, false"})
    void students_missing_from_a_full_read_count_as_removed(int missing, boolean held) {
        knownStudents(100, 0.10);
        assertThat(policy.evaluate(snapshot(students(100 - missing), List.of(), true)).isPresent()).isEqualTo(held);
    }

    @Test
    void a_delta_read_never_counts_absent_students_as_removed() {
        knownStudents(100, 0.10);
        assertThat(policy.evaluate(snapshot(students(3), List.of(), false))).isEmpty();
    }

    @Test
    void a_read_the_source_cut_short_is_held_whatever_it_holds() {
        knownStudents(100, 0.10);
        ContingentRead cut = new ContingentRead(students(40), List.of(), Instant.EPOCH, 1, 100, true, true);
        assertThat(policy.evaluate(new ContingentSnapshot(COLLEGE, List.of(), cut))).get()
                .extracting(Holds.Hold::code).isEqualTo(HoldPolicy.TRUNCATED_READ);
    }

    @Test
    void a_full_read_taken_page_by_page_is_held_on_the_ids_it_carried_and_the_students_known_before_it() {
        knownStudents(100, 0.10);
        // the pages stored 20 new students meanwhile: the store has 120, the share is still of the 100 known before
        Set<String> before = new HashSet<>(canonical.keys(COLLEGE, ContingentIntake.STUDENT));
        List<String> present = new ArrayList<>();
        for (int i = 11; i < 120; i++) {
            present.add("stu-" + i);
        }
        Set<String> after = new HashSet<>(before);
        for (int i = 100; i < 120; i++) {
            after.add("stu-" + i);
        }
        when(canonical.keys(eq(COLLEGE), eq(ContingentIntake.STUDENT))).thenReturn(after);
        ContingentRead streamed = new ContingentRead(List.of(), List.of(), Instant.EPOCH, 3, present.size(), true, true, present.size(), present);
        ContingentSnapshot snapshot = new ContingentSnapshot(COLLEGE, List.of(), streamed, new IntakeSummary(109, 0, 20, 89));

        assertThat(policy.evaluate(snapshot, before)).get().extracting(Holds.Hold::code).isEqualTo(Holds.MASS_REMOVAL);
        assertThat(policy.evaluate(snapshot)).as("counted against the store after the pages, 11 of 120 would pass").isEmpty();
        assertThat(policy.changes(snapshot)).extracting(HoldPolicy.Change::key)
                .containsExactly("stu-0", "stu-1", "stu-10", "stu-2", "stu-3", "stu-4", "stu-5", "stu-6", "stu-7", "stu-8", "stu-9");
    }

    private void knownStudents(int count, double share) {
        Map<String, String> known = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            known.put("stu-" + i, "hash");
        }
        when(canonical.hashes(eq(COLLEGE), eq(ContingentIntake.STUDENT))).thenReturn(known);
        when(canonical.keys(eq(COLLEGE), eq(ContingentIntake.STUDENT))).thenReturn(new HashSet<>(known.keySet()));
        when(canonical.hashes(eq(COLLEGE), eq(ContingentIntake.MOVEMENT))).thenReturn(Map.of());
        when(colleges.settings(anyString())).thenReturn(new HubProperties.CollegeSettings("Колледж", null, "1025900000015",
                ZoneId.of("Asia/Yekaterinburg"), null, null, new HubProperties.HoldSettings(share), null, null, null));
    }

    private static List<ContingentStudentRecord> students(int count) {
        List<ContingentStudentRecord> students = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            students.add(new ContingentStudentRecord("stu-" + i, null, "Иванов", "Иван", null, null, null, null, null, null, null, null,
                    null, "ИСП-21", null, null, List.of()));
        }
        return students;
    }

    private static ContingentSnapshot snapshot(List<ContingentStudentRecord> students, List<ContingentMovementRecord> movements, boolean full) {
        return new ContingentSnapshot(COLLEGE, List.of(), new ContingentRead(students, movements, Instant.EPOCH, 1, students.size(), full, true));
    }
}
