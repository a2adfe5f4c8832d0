package ru.spobridge.simulators.contingent.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;

class DemoMovementsTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 9, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 6, 30);
    /** Which status each kind needs and which it leaves: the rules of the platforms, written again here. */
    private static final Map<String, Set<String>> NEEDS = Map.of(
            "transfer", Set.of("active"), "academicLeave", Set.of("active"),
            "returnFromLeave", Set.of("academic_leave"), "expulsion", Set.of("active", "academic_leave"),
            "reinstatement", Set.of("expelled"));
    private static final Map<String, String> LEAVES = Map.of(
            "transfer", "active", "academicLeave", "academic_leave", "returnFromLeave", "active",
            "expulsion", "expelled", "reinstatement", "active");

    @Test
    void the_default_college_has_forty_movements_of_every_kind() {
        DemoCollege college = DemoContingent.generate("1025900000015", 640, 27, 42, 40);

        assertThat(college.movements()).hasSize(40);
        assertThat(college.movements()).extracting(Movement::getKind).containsAll(NEEDS.keySet());
        assertThat(college.movements()).extracting(Movement::getExternalId).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("mov-1025900000015-"));
    }

    @Test
    void movements_replay_through_the_state_machine_and_end_in_the_generated_group() {
        for (DemoCollege college : List.of(DemoContingent.generate("1025900000015", 640, 27, 42, 40),
                DemoContingent.generate("1027400000011", 120, 6, 7, 60),
                DemoContingent.generate("1024200000013", 30, 2, 3, 25))) {
            replay(college);
        }
    }

    @Test
    void several_colleges_never_share_a_movement_id_and_the_students_do_not_depend_on_movements() {
        DemoCollege perm = DemoContingent.generate("1025900000015", 640, 27, 42, 40);
        DemoCollege kuzbass = DemoContingent.generate("1024200000013", 200, 8, 42, 40);
        DemoCollege plain = DemoContingent.generate("1025900000015", 640, 27, 42);

        assertThat(Stream.concat(perm.movements().stream(), kuzbass.movements().stream())
                .map(Movement::getExternalId)).doesNotHaveDuplicates();
        assertThat(plain.movements()).isEmpty();
        assertThat(plain.students()).extracting(Student::getExternalId, s -> s.getStudy().getGroup(), Student::getSnils)
                .isEqualTo(perm.students().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.getExternalId(), s.getStudy().getGroup(),
                                s.getSnils())).toList());
    }

    @Test
    void deliberately_invalid_students_get_no_movements_and_orders_look_real() {
        DemoCollege college = DemoContingent.generate("1025900000015", 640, 27, 42, 200);

        assertThat(college.movements()).hasSize(200).noneMatch(m ->
                college.invalidFieldByExternalId().containsKey(m.getStudentExternalId()));
        assertThat(college.movements()).allSatisfy(m -> {
            assertThat(m.getOrderNo()).matches("\\d{3,4}-к");
            LocalDate ordered = LocalDate.parse(m.getOrderDate());
            LocalDate effective = LocalDate.parse(m.getEffectiveDate());
            assertThat(ordered).isAfterOrEqualTo(FIRST).isBeforeOrEqualTo(effective);
            assertThat(effective).isBeforeOrEqualTo(LAST);
        });
        assertThat(college.movements()).extracting(Movement::getOrderNo).doesNotHaveDuplicates();
    }

    private static void replay(DemoCollege college) {
        Set<String> groups = college.groups().stream().map(Group::getCode).collect(Collectors.toSet());
        Map<String, Student> students = college.students().stream()
                .collect(Collectors.toMap(Student::getExternalId, s -> s));
        Map<String, String> status = new HashMap<>();
        Map<String, String> group = new HashMap<>();
        Map<String, LocalDate> last = new HashMap<>();
        for (Movement movement : college.movements()) {
            String id = movement.getStudentExternalId();
            assertThat(students).as("student of %s", movement.getExternalId()).containsKey(id);
            String now = status.getOrDefault(id, "active");
            assertThat(NEEDS.get(movement.getKind())).as("%s from %s", movement.getKind(), now).contains(now);
            LocalDate effective = LocalDate.parse(movement.getEffectiveDate());
            assertThat(effective).isAfter(last.getOrDefault(id, FIRST.minusDays(1)));
            if ("transfer".equals(movement.getKind())) {
                assertThat(groups).contains(movement.getFromGroup(), movement.getToGroup());
                assertThat(movement.getFromGroup()).isNotEqualTo(movement.getToGroup());
                assertThat(group.getOrDefault(id, movement.getFromGroup())).isEqualTo(movement.getFromGroup());
            }
            if (movement.getToGroup() != null) {
                group.put(id, movement.getToGroup());
            }
            status.put(id, LEAVES.get(movement.getKind()));
            last.put(id, effective);
        }
        group.forEach((id, finalGroup) ->
                assertThat(students.get(id).getStudy().getGroup()).as("group of %s", id).isEqualTo(finalGroup));
        assertThat(status).containsValue("expelled");
    }
}
