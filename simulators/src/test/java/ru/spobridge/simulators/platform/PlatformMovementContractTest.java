package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.spobridge.simulators.platform.Item.group;
import static ru.spobridge.simulators.platform.Item.guardian;
import static ru.spobridge.simulators.platform.Item.movement;
import static ru.spobridge.simulators.platform.Item.student;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The movement state machine, guardians and forced rejections, the same on every REST platform. */
public abstract class PlatformMovementContractTest extends PlatformWriteContractTest {

    private void twoGroupsAndTwoStudents() {
        write(ResourceKind.GROUPS, group("ТМ-21"), group("ТМ-22"));
        write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21"), student("stu-000102", "ТМ-21"));
    }

    @Test
    void transfer_then_expulsion_in_one_batch_are_applied_in_order_and_move_the_group() {
        twoGroupsAndTwoStudents();
        HttpResponse<String> response = write(ResourceKind.MOVEMENTS,
                movement("mov-1", "stu-000101", "transfer", "2025-10-01").with("toGroupExternalId", "ТМ-22"),
                movement("mov-2", "stu-000101", "expulsion", "2025-10-01"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator().studentStatus(CLIENT, "stu-000101")).isEqualTo("expelled");
        assertThat(simulator().students(CLIENT).get("stu-000101")).containsEntry(wire("groupExternalId"), "ТМ-22");
        assertThat(simulator().movements(CLIENT, "stu-000101")).extracting(m -> m.get(wire("externalId")))
                .containsExactly("mov-1", "mov-2");
        assertThat(simulator().deliveries(CLIENT, "mov-1")).isEqualTo(1);
    }

    @Test
    void transfer_of_an_expelled_student_is_movement_out_of_order() {
        twoGroupsAndTwoStudents();
        write(ResourceKind.MOVEMENTS, movement("mov-1", "stu-000101", "expulsion", "2025-10-01"));

        HttpResponse<String> response = write(ResourceKind.MOVEMENTS,
                movement("mov-2", "stu-000101", "transfer", "2025-11-01").with("toGroupExternalId", "ТМ-22"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertError(json(response), 0, "kind", "MOVEMENT_OUT_OF_ORDER");
        assertThat(simulator().students(CLIENT).get("stu-000101")).containsEntry(wire("groupExternalId"), "ТМ-21");
        assertThat(simulator().movements(CLIENT, "stu-000101")).hasSize(1);
    }

    @Test
    void academic_leave_then_return_and_expulsion_then_reinstatement_make_the_student_active_again() {
        twoGroupsAndTwoStudents();
        HttpResponse<String> response = write(ResourceKind.MOVEMENTS,
                movement("mov-1", "stu-000101", "academicLeave", "2025-10-01"),
                movement("mov-2", "stu-000101", "returnFromLeave", "2026-02-01"),
                movement("mov-3", "stu-000102", "expulsion", "2025-11-15"),
                movement("mov-4", "stu-000102", "reinstatement", "2026-01-12").with("toGroupExternalId", "ТМ-22"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator().studentStatus(CLIENT, "stu-000101")).isEqualTo("active");
        assertThat(simulator().studentStatus(CLIENT, "stu-000102")).isEqualTo("active");
        assertThat(simulator().students(CLIENT).get("stu-000102")).containsEntry(wire("groupExternalId"), "ТМ-22");
    }

    @Test
    void moves_that_do_not_fit_the_current_state_are_out_of_order() {
        twoGroupsAndTwoStudents();
        write(ResourceKind.MOVEMENTS, movement("mov-1", "stu-000101", "academicLeave", "2025-10-01"));

        HttpResponse<String> response = write(ResourceKind.MOVEMENTS,
                movement("mov-2", "stu-000101", "academicLeave", "2025-10-02"),
                movement("mov-3", "stu-000101", "enrolment", "2025-10-03"),
                movement("mov-4", "stu-000102", "returnFromLeave", "2025-10-04"),
                movement("mov-5", "stu-000102", "reinstatement", "2025-10-05"),
                movement("mov-6", "stu-000101", "expulsion", "2025-10-06"),
                movement("mov-7", "stu-000101", "enrolment", "2025-10-07"));

        assertThat(response.statusCode()).isEqualTo(207);
        for (int i = 0; i < 4; i++) {
            assertError(json(response), i, "kind", "MOVEMENT_OUT_OF_ORDER");
        }
        assertThat(json(response).findValuesAsText("status")).containsExactly(
                "rejected", "rejected", "rejected", "rejected", "created", "created");
        assertThat(simulator().studentStatus(CLIENT, "stu-000101")).isEqualTo("active");
    }

    @Test
    void a_movement_effective_before_the_last_applied_one_is_out_of_order() {
        twoGroupsAndTwoStudents();
        write(ResourceKind.MOVEMENTS, movement("mov-1", "stu-000101", "academicLeave", "2026-01-10"));

        HttpResponse<String> response = write(ResourceKind.MOVEMENTS,
                movement("mov-2", "stu-000101", "returnFromLeave", "2025-12-01"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertError(json(response), 0, "effectiveDate", "MOVEMENT_OUT_OF_ORDER");
        assertThat(simulator().studentStatus(CLIENT, "stu-000101")).isEqualTo("academic_leave");
    }

    @Test
    void transfer_needs_the_group_it_moves_to() {
        twoGroupsAndTwoStudents();
        HttpResponse<String> response = write(ResourceKind.MOVEMENTS,
                movement("mov-1", "stu-000101", "transfer", "2025-10-01"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertError(json(response), 0, "toGroupExternalId", "REQUIRED");
    }

    @Test
    void a_reposted_movement_is_unchanged_and_the_same_id_with_other_content_is_invalid_value() {
        twoGroupsAndTwoStudents();
        Item expulsion = movement("mov-1", "stu-000101", "expulsion", "2025-10-01");
        write(ResourceKind.MOVEMENTS, expulsion);

        HttpResponse<String> same = write(ResourceKind.MOVEMENTS, expulsion);
        HttpResponse<String> other = write(ResourceKind.MOVEMENTS,
                movement("mov-1", "stu-000101", "expulsion", "2025-10-02"));

        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(json(same).at("/results/0/status").asText()).isEqualTo("unchanged");
        assertThat(simulator().movements(CLIENT, "stu-000101")).hasSize(1);
        assertThat(other.statusCode()).isEqualTo(422);
        assertError(json(other), 0, "externalId", "INVALID_VALUE");
    }

    @Test
    void a_guardian_linked_to_two_students_is_stored_with_both() {
        twoGroupsAndTwoStudents();
        HttpResponse<String> response = write(ResourceKind.GUARDIANS,
                guardian("gdn-000101", "stu-000101", "stu-000102").without("relation"));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> stored = simulator().guardians(CLIENT).get("gdn-000101");
        assertThat(stored.get(wire("studentExternalIds"))).asList().containsExactly("stu-000101", "stu-000102");
        assertThat(json(list(ResourceKind.GUARDIANS, "")).at("/0/id").asText()).isNotBlank();
    }

    @Test
    void forced_rejections_give_207_with_the_chosen_field_and_code_until_cleared() {
        twoGroupsAndTwoStudents();
        simulator().rejectRecords(wire("email"), "DUPLICATE_PERSON", "stu-000103");

        HttpResponse<String> forced = write(ResourceKind.STUDENTS,
                student("stu-000103", "ТМ-21"), student("stu-000104", "ТМ-21"));
        simulator().clearRejections();
        HttpResponse<String> cleared = write(ResourceKind.STUDENTS, student("stu-000103", "ТМ-21"));

        assertThat(forced.statusCode()).isEqualTo(207);
        assertError(json(forced), 0, "email", "DUPLICATE_PERSON");
        assertThat(cleared.statusCode()).isEqualTo(200);
    }

    @Test
    void forced_rejections_end_with_reset() {
        twoGroupsAndTwoStudents();
        simulator().rejectRecords(wire("email"), "DUPLICATE_PERSON", "stu-000101");
        simulator().reset();
        write(ResourceKind.GROUPS, group("ТМ-21"));

        assertThat(write(ResourceKind.STUDENTS, student("stu-000101", "ТМ-21")).statusCode()).isEqualTo(200);
    }
}
