package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.flow.HeldRunDecisions;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.platform.PlatformSimulator;

/** The whole contingent domain to all three platforms: movements in order, guardians, the safety hold. */
class ContingentCompleteFlowTest extends HubIntegrationTest {

    @Autowired
    private HeldRunDecisions decisions;

    static Stream<Arguments> platforms() {
        return Stream.of(Arguments.of("test-college", "1025900000015", "epos"),
                Arguments.of("test-sgo", "1027400000022", "sgo"),
                Arguments.of("test-aisepo", "1024200000032", "aisepo"));
    }

    private PlatformSimulator platform(String name) {
        return switch (name) {
            case "epos" -> epos;
            case "sgo" -> sgo;
            default -> aisepo;
        };
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("platforms")
    void every_movement_kind_ends_correct_at_the_platform_and_a_transfer_keeps_the_identity(String college, String ogrn, String name) {
        PlatformSimulator platform = platform(name);
        contingent.putGroup(ogrn, SourceData.group("ИСП-21"));
        contingent.putGroup(ogrn, SourceData.group("ИСП-22"));
        for (int i = 1; i <= 5; i++) {
            contingent.putStudent(ogrn, SourceData.student("stu-300" + i, s -> { }));
        }
        syncAndWait(college, false);
        Object idBeforeTransfer = platform.students(college).get("stu-3001").get("id");

        contingent.putStudent(ogrn, SourceData.student("stu-3001", s -> s.getStudy().setGroup("ИСП-22")));
        contingent.putStudent(ogrn, SourceData.student("stu-3005", s -> s.getStudy().setGroup("ИСП-22")));
        contingent.addMovement(ogrn, SourceData.movement("mov-1", "stu-3001", "transfer", "2025-10-01", "ИСП-22"));
        contingent.addMovement(ogrn, SourceData.movement("mov-2", "stu-3002", "academicLeave", "2025-10-02", null));
        contingent.addMovement(ogrn, SourceData.movement("mov-3", "stu-3003", "academicLeave", "2025-10-03", null));
        contingent.addMovement(ogrn, SourceData.movement("mov-4", "stu-3003", "returnFromLeave", "2026-02-01", null));
        contingent.addMovement(ogrn, SourceData.movement("mov-5", "stu-3004", "expulsion", "2025-11-15", null));
        contingent.addMovement(ogrn, SourceData.movement("mov-6", "stu-3005", "expulsion", "2025-11-15", null));
        contingent.addMovement(ogrn, SourceData.movement("mov-7", "stu-3005", "reinstatement", "2026-01-12", "ИСП-22"));
        SyncRuns.Run run = syncApprovingHold(college);

        assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(platform.studentStatus(college, "stu-3001")).isEqualTo("active");
        assertThat(platform.studentStatus(college, "stu-3002")).isEqualTo("academic_leave");
        assertThat(platform.studentStatus(college, "stu-3003")).isEqualTo("active");
        assertThat(platform.studentStatus(college, "stu-3004")).isEqualTo("expelled");
        assertThat(platform.studentStatus(college, "stu-3005")).isEqualTo("active");
        Map<String, Object> transferred = platform.students(college).get("stu-3001");
        assertThat(transferred.get(name.equals("epos") ? "group_external_id" : "groupExternalId")).isEqualTo("ИСП-22");
        assertThat(transferred.get("id")).as("a transfer keeps the student's identity").isEqualTo(idBeforeTransfer);
        assertThat(platform.students(college)).hasSize(5);
        assertThat(platform.movements(college, "stu-3005")).hasSize(2);
    }

    @Test
    void shuffled_source_order_with_platform_faults_still_applies_each_students_movements_in_order() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putGroup(OGRN, SourceData.group("ИСП-22"));
        List<Movement> movements = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String student = "stu-40%02d".formatted(i);
            contingent.putStudent(OGRN, SourceData.student(student, s -> s.getStudy().setGroup("ИСП-22")));
            movements.add(SourceData.movement("mov-4%02d1".formatted(i), student, "academicLeave", "2025-10-01", null));
            movements.add(SourceData.movement("mov-4%02d2".formatted(i), student, "returnFromLeave", "2025-12-01", null));
            movements.add(SourceData.movement("mov-4%02d3".formatted(i), student, "transfer", "2026-01-15", "ИСП-22"));
            movements.add(SourceData.movement("mov-4%02d4".formatted(i), student, "expulsion", "2026-03-01", null));
            movements.add(SourceData.movement("mov-4%02d5".formatted(i), student, "reinstatement", "2026-04-01", "ИСП-22"));
        }
        Collections.shuffle(movements, new Random(7));
        movements.forEach(movement -> contingent.addMovement(OGRN, movement));
        epos.faults().errorRate(0.3, 503, 11);

        SyncRuns.Run run = syncApprovingHold(COLLEGE);
        for (int pass = 0; pass < 6 && openDeadLetters() > 0; pass++) {
            run = syncAndWait(false);
        }

        assertThat(epos.faults().injected()).as("faults were injected").isPositive();
        assertThat(openDeadLetters()).isZero();
        for (int i = 1; i <= 20; i++) {
            String student = "stu-40%02d".formatted(i);
            List<String> applied = epos.movements(COLLEGE, student).stream().map(m -> (String) m.get("effective_date")).toList();
            assertThat(applied).as("movements of %s in effective-date order", student)
                    .containsExactly("2025-10-01", "2025-12-01", "2026-01-15", "2026-03-01", "2026-04-01");
            assertThat(epos.studentStatus(COLLEGE, student)).isEqualTo("active");
        }
        assertThat(run.status()).isIn(SyncRuns.COMPLETED, SyncRuns.COMPLETED_WITH_ERRORS);
    }

    @Test
    void guardian_shared_by_siblings_is_one_person_linked_to_both() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-5101", s -> s.getGuardian().get(0).setExternalId("gdn-family")));
        contingent.putStudent(OGRN, SourceData.student("stu-5102", s -> s.getGuardian().get(0).setExternalId("gdn-family")));

        syncAndWait(false);

        assertThat(epos.guardians(COLLEGE)).containsOnlyKeys("gdn-family");
        assertThat(epos.guardians(COLLEGE).get("gdn-family").get("student_external_ids")).isEqualTo(List.of("stu-5101", "stu-5102"));
    }

    @Test
    void eleven_percent_expelled_holds_the_run_until_an_operator_approves_it() {
        seedStudents(100);
        syncAndWait(false);
        for (int i = 1; i <= 11; i++) {
            contingent.addMovement(OGRN, SourceData.movement("mov-6%03d".formatted(i), "stu-6%03d".formatted(i), "expulsion", "2026-01-20", null));
        }

        Long runId = commands.runContingent(COLLEGE, false, "test");
        SyncRuns.Run held = runs.get(runId).orElseThrow();

        assertThat(held.status()).isEqualTo(SyncRuns.HELD);
        assertThat(held.error()).contains("11,0 %").doesNotContain("Иван");
        assertThat(epos.studentStatus(COLLEGE, "stu-6001")).isEqualTo("active");
        assertThat(decisions.approve(runId, "tester")).isEqualTo(HeldRunDecisions.Outcome.DONE);
        SyncRuns.Run applied = awaitRun(runId);
        assertThat(applied.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.studentStatus(COLLEGE, "stu-6001")).isEqualTo("expelled");
        assertThat(jdbc.queryForList("SELECT actor, action FROM audit_log")).containsExactly(Map.of("actor", "tester", "action", "HELD_RUN_APPROVED"));
        assertThat(decisions.approve(runId, "tester")).as("a decision is taken once").isEqualTo(HeldRunDecisions.Outcome.NOT_HELD);
    }

    @Test
    void nine_percent_expelled_goes_through_unattended() {
        seedStudents(100);
        syncAndWait(false);
        for (int i = 1; i <= 9; i++) {
            contingent.addMovement(OGRN, SourceData.movement("mov-6%03d".formatted(i), "stu-6%03d".formatted(i), "expulsion", "2026-01-20", null));
        }

        SyncRuns.Run run = syncAndWait(false);

        assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.studentStatus(COLLEGE, "stu-6009")).isEqualTo("expelled");
    }

    @Test
    void a_read_that_fails_midway_is_held_sends_nothing_and_can_be_rejected() {
        seedStudents(250);
        contingent.faults().failAfter(3, 503);

        Long runId = commands.runContingent(COLLEGE, false, "test");
        SyncRuns.Run held = runs.get(runId).orElseThrow();

        assertThat(held.status()).isEqualTo(SyncRuns.HELD);
        assertThat(held.error()).contains("прервалось").contains("200 из 250");
        assertThat(storedStudents()).as("the two pages read were stored as they came, not sent").isEqualTo(200);
        assertThat(epos.faults().requests()).isZero();
        assertThat(epos.students(COLLEGE)).isEmpty();
        assertThat(decisions.reject(runId, "tester", "источник восстановят утром")).isEqualTo(HeldRunDecisions.Outcome.DONE);
        assertThat(runs.get(runId).orElseThrow().status()).isEqualTo(SyncRuns.REJECTED);
        contingent.faults().clear();
        assertThat(syncAndWait(false).status()).as("the next read starts from the same cursor").isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.students(COLLEGE)).hasSize(250);
    }

    @Test
    void a_full_read_of_three_pages_missing_twelve_percent_is_held_with_its_pages_stored_and_nothing_removed_or_sent() {
        seedStudents(250);
        syncAndWait(false);
        String hashBefore = studentHash("stu-6250");
        for (int i = 1; i <= 30; i++) {
            contingent.removeStudent(OGRN, "stu-6%03d".formatted(i));
        }
        contingent.putStudent(OGRN, SourceData.student("stu-6250", s -> {
            s.getGuardian().clear();
            s.setEmail("changed@test.spo-college.example");
        }));

        Long runId = commands.runContingent(COLLEGE, true, "test");
        SyncRuns.Run held = runs.get(runId).orElseThrow();

        assertThat(held.status()).isEqualTo(SyncRuns.HELD);
        assertThat(held.error()).contains("12,0 %").contains("исчезли из ИС «Контингент» — 30");
        assertThat(studentHash("stu-6250")).as("the changed student was stored with its page").isNotEqualTo(hashBefore);
        assertThat(storedStudents()).as("students are never removed by a read").isEqualTo(250);
        assertThat(epos.students(COLLEGE)).hasSize(250);
        assertThat(epos.students(COLLEGE).get("stu-6250").get("email")).as("stored while held, not sent").isNotEqualTo("changed@test.spo-college.example");
        assertThat(epos.studentStatus(COLLEGE, "stu-6001")).isEqualTo("active");

        assertThat(decisions.approve(runId, "tester")).isEqualTo(HeldRunDecisions.Outcome.DONE);
        assertThat(awaitRun(runId).status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.students(COLLEGE).get("stu-6250").get("email")).isEqualTo("changed@test.spo-college.example");
        assertThat(epos.studentStatus(COLLEGE, "stu-6001")).as("a student gone from the registry is not expelled by inference").isEqualTo("active");
    }

    @Test
    void records_a_platform_refuses_are_kept_with_the_reason_and_sent_again_only_after_they_change() {
        seedStudents(5);
        epos.rejectRecords("email", "REQUIRED", "stu-6003");

        SyncRuns.Run first = syncAndWait(false);

        assertThat(first.status()).isEqualTo(SyncRuns.COMPLETED_WITH_ERRORS);
        assertThat(first.targetRejected()).isEqualTo(1);
        assertThat(epos.students(COLLEGE)).containsOnlyKeys("stu-6001", "stu-6002", "stu-6004", "stu-6005");
        assertThat(jdbc.queryForMap("SELECT target, field, code FROM rejected_record WHERE entity_key = 'stu-6003' AND resolved_at IS NULL"))
                .containsEntry("TARGET", "epos").containsEntry("FIELD", "email").containsEntry("CODE", "REQUIRED");

        epos.clearRejections();
        assertThat(syncAndWait(false).published()).as("unchanged refused record is not re-sent").isZero();

        contingent.putStudent(OGRN, SourceData.student("stu-6003", s -> {
            s.getGuardian().clear();
            s.setEmail("fixed@test.spo-college.example");
        }));
        SyncRuns.Run third = syncAndWait(false);
        assertThat(third.delivered()).isEqualTo(1);
        assertThat(epos.students(COLLEGE)).containsKey("stu-6003");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE entity_key = 'stu-6003' AND resolved_at IS NULL", Integer.class)).isZero();
    }

    /** Small test colleges trip the 10 % hold with a few orders: these tests approve, as an operator would. */
    private SyncRuns.Run syncApprovingHold(String college) {
        SyncRuns.Run run = syncAndWait(college, false);
        if (SyncRuns.HELD.equals(run.status())) {
            assertThat(decisions.approve(run.id(), "tester")).isEqualTo(HeldRunDecisions.Outcome.DONE);
            run = awaitRun(run.id());
        }
        return run;
    }

    /** Students without guardians, so that counts speak of students only. */
    private void seedStudents(int count) {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= count; i++) {
            String id = "stu-6%03d".formatted(i);
            contingent.putStudent(OGRN, SourceData.student(id, s -> s.getGuardian().clear()));
        }
    }

    private String studentHash(String key) {
        return jdbc.queryForObject("SELECT content_hash FROM canonical_record WHERE entity_type = 'student' AND entity_key = ?", String.class, key);
    }

    private int storedStudents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM canonical_record WHERE entity_type = 'student'", Integer.class);
    }

    private int openDeadLetters() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = 'OPEN'", Integer.class);
    }
}
