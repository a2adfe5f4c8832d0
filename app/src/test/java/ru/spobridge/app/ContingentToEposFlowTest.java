package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.flow.RunReports;
import ru.spobridge.routes.store.RejectedRecords;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.wsdl.Student;

/** Contingent from ИС «Контингент» (SOAP) to ЭПОС.СПО (REST), end to end over loopback, on PostgreSQL. */
class ContingentToEposFlowTest extends HubIntegrationTest {

    @Test
    void full_sync_puts_every_valid_student_on_the_platform_and_refuses_each_invalid_one_by_field() {
        DemoCollege demo = SourceData.seedDemo(contingent, OGRN);

        SyncRuns.Run run = syncAndWait(false);

        Map<String, Map<String, Object>> atPlatform = epos.students(COLLEGE);
        List<Student> valid = demo.students().stream()
                .filter(student -> !demo.invalidFieldByExternalId().containsKey(student.getExternalId())).toList();
        assertThat(valid).hasSizeGreaterThanOrEqualTo(600);
        assertThat(atPlatform.keySet()).containsExactlyInAnyOrderElementsOf(valid.stream().map(Student::getExternalId).toList());
        for (Student source : valid) {
            Map<String, Object> profile = atPlatform.get(source.getExternalId());
            assertThat(profile.get("last_name")).isEqualTo(source.getLastName());
            assertThat(profile.get("first_name")).isEqualTo(source.getFirstName());
            assertThat(profile.get("middle_name")).isEqualTo(source.getMiddleName());
            assertThat(profile.get("birth_date")).isEqualTo(source.getBirthDate());
            assertThat(profile.get("email")).isEqualTo(source.getEmail());
            assertThat(profile.get("phone")).isEqualTo(normalisedPhone(source.getPhone()));
            assertThat(profile.get("group_external_id")).isEqualTo(source.getStudy().getGroup());
            assertThat(profile.get("study_form")).isEqualTo(source.getStudy().getForm());
            assertThat(profile.get("individual_plan")).isEqualTo(Boolean.parseBoolean(source.getStudy().getIndividualPlan()));
        }
        assertThat(epos.groups(COLLEGE)).hasSize(demo.groups().size());

        Map<String, String> refusedFieldByKey = jdbc.queryForList(
                "SELECT entity_key, field FROM rejected_record WHERE resolved_at IS NULL AND entity_type = 'student' AND target IS NULL")
                .stream().collect(Collectors.toMap(row -> (String) row.get("entity_key"), row -> (String) row.get("field")));
        assertThat(refusedFieldByKey).isEqualTo(demo.invalidFieldByExternalId());

        assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
        long guardians = valid.stream().flatMap(student -> student.getGuardian().stream())
                .filter(g -> g.getEmail() != null && g.getPhone() != null).map(g -> g.getExternalId()).distinct().count();
        long guardiansWithoutContacts = valid.stream().flatMap(student -> student.getGuardian().stream())
                .filter(g -> g.getEmail() == null || g.getPhone() == null).map(g -> g.getExternalId()).distinct().count();
        assertThat(guardiansWithoutContacts).as("the demo has a few guardians a platform cannot take").isPositive();
        assertThat(epos.guardians(COLLEGE)).hasSize((int) guardians);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT entity_key) FROM rejected_record WHERE resolved_at IS NULL "
                + "AND entity_type = 'guardian'", Integer.class)).isEqualTo((int) guardiansWithoutContacts);
        assertThat(run.read()).isEqualTo(demo.students().size() + demo.groups().size() + guardians + guardiansWithoutContacts);
        assertThat(run.rejected()).isEqualTo(demo.invalidFieldByExternalId().size() + guardiansWithoutContacts);
        assertThat(run.delivered()).isEqualTo(valid.size() + demo.groups().size() + guardians);
        assertThat(run.deadLetters()).isZero();
    }

    @Test
    void a_second_run_over_an_unchanged_source_delivers_nothing_and_one_change_redelivers_exactly_that_student() {
        SourceData.seedDemo(contingent, OGRN);
        syncAndWait(false);
        long requestsAfterFirst = epos.faults().requests();

        SyncRuns.Run second = syncAndWait(true);

        assertThat(second.published()).isZero();
        assertThat(second.delivered()).isZero();
        assertThat(second.changed()).isZero();
        assertThat(epos.faults().requests()).isEqualTo(requestsAfterFirst);

        Student changed = contingent.students(OGRN).stream().filter(s -> "stu-000150".equals(s.getExternalId())).findFirst().orElseThrow();
        changed.setEmail("new-address@changed.spo-college.example");
        contingent.putStudent(OGRN, changed);

        SyncRuns.Run third = syncAndWait(false);

        assertThat(third.read()).as("a delta read returns only the changed student and the groups").isLessThan(100);
        assertThat(third.published()).isEqualTo(1);
        assertThat(third.delivered()).isEqualTo(1);
        assertThat(epos.students(COLLEGE).get("stu-000150").get("email")).isEqualTo("new-address@changed.spo-college.example");
        assertThat(epos.deliveries(COLLEGE, "stu-000150")).isEqualTo(2);
        assertThat(epos.deliveries(COLLEGE, "stu-000151")).isEqualTo(1);
    }

    @Test
    void platform_answering_503_twice_then_200_gets_each_record_once() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 30; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-9%03d".formatted(i), s -> { }));
        }
        epos.faults().failNext(2, 503);

        SyncRuns.Run run = syncAndWait(false);

        assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(run.delivered()).as("1 group, 30 students, 30 guardians").isEqualTo(61);
        assertThat(epos.faults().injected()).isEqualTo(2);
        for (int i = 1; i <= 30; i++) {
            assertThat(epos.deliveries(COLLEGE, "stu-9%03d".formatted(i))).as("deliveries of record %d", i).isEqualTo(1);
        }
    }

    @Test
    void platform_down_for_every_attempt_leaves_dead_letters_that_the_next_run_delivers() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 12; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-8%03d".formatted(i), s -> { }));
        }
        epos.faults().failAlways(503);

        SyncRuns.Run failedRun = syncAndWait(false);

        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = 'OPEN'", Integer.class);
        assertThat(failedRun.status()).isEqualTo(SyncRuns.COMPLETED_WITH_ERRORS);
        assertThat(failedRun.deadLetters()).as("1 group, 12 students, 12 guardians").isEqualTo(25);
        assertThat(open).isEqualTo(25).isEqualTo(failedRun.published() - failedRun.delivered());
        assertThat(epos.students(COLLEGE)).isEmpty();
        String cause = jdbc.queryForObject("SELECT MIN(error_code) FROM dead_letter", String.class);
        assertThat(cause).contains("503");

        epos.faults().clear();
        SyncRuns.Run recovery = syncAndWait(false);

        assertThat(recovery.delivered()).isEqualTo(25);
        assertThat(epos.students(COLLEGE)).hasSize(12);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter WHERE status = 'OPEN'", Integer.class)).isZero();
    }

    @Test
    void expired_platform_token_is_renewed_once_and_the_batch_goes_through() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-7001", s -> { }));
        syncAndWait(false);
        epos.expireTokens();
        contingent.putStudent(OGRN, SourceData.student("stu-7002", s -> { }));

        SyncRuns.Run run = syncAndWait(false);

        assertThat(run.delivered()).as("the new student and the guardian").isEqualTo(2);
        assertThat(run.deadLetters()).isZero();
        assertThat(epos.students(COLLEGE)).containsKeys("stu-7001", "stu-7002");
    }

    @Autowired
    private RunReports reports;

    @Test
    void the_run_report_groups_rejections_by_cause_keeps_every_defect_and_a_fixed_record_closes_its_rejection() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 4; i++) {
            contingent.putStudent(OGRN, SourceData.student("stu-610" + i, s -> s.setBirthDate("14.03.2008")));
        }
        contingent.putStudent(OGRN, SourceData.student("stu-6105", s -> {
            s.setBirthDate("14.03.2008");
            s.getStudy().setGroup("НЕТ-99");
        }));
        contingent.putStudent(OGRN, SourceData.student("stu-6106", s -> { }));

        SyncRuns.Run first = syncAndWait(false);
        RunReports.Report report = reports.report(first.id()).orElseThrow();

        assertThat(report.sourceCounts()).containsExactly(Map.entry("групп", 1), Map.entry("обучающихся", 6), Map.entry("приказов", 0));
        Map<String, Integer> students = report.causes().stream().filter(cause -> cause.entityType().equals("student"))
                .collect(Collectors.toMap(cause -> cause.field() + "/" + cause.code(), RejectedRecords.Cause::records));
        assertThat(students).as("both defects of stu-6105 are kept").containsExactlyInAnyOrderEntriesOf(Map.of(
                "birthDate/INVALID_DATE", 5, "group/UNKNOWN_GROUP", 1));
        RejectedRecords.Cause dates = report.causes().stream().filter(cause -> cause.code().equals("INVALID_DATE")).findFirst().orElseThrow();
        assertThat(report.causes().get(0)).as("the largest cause first").isEqualTo(dates);
        assertThat(dates.examples()).hasSize(3).allMatch(example -> example.entityKey().startsWith("stu-610"));

        contingent.putStudent(OGRN, SourceData.student("stu-6101", s -> { }));
        SyncRuns.Run second = syncAndWait(false);

        assertThat(reports.report(second.id()).orElseThrow().closedRejections()).as("the fixed record's rejection is closed").isEqualTo(1);
        assertThat(epos.students(COLLEGE).keySet()).containsExactlyInAnyOrder("stu-6101", "stu-6106");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT entity_key) FROM rejected_record WHERE resolved_at IS NULL "
                + "AND entity_type = 'student' AND code = 'INVALID_DATE'", Integer.class)).isEqualTo(4);
    }

    @Test
    void bad_input_gives_per_record_errors_and_the_run_goes_on() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-6001", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-6002", s -> s.getStudy().setGroup("НЕТ-99")));
        contingent.putStudent(OGRN, SourceData.student("stu-6003", s -> s.setBirthDate("14.03.2008")));
        contingent.appendStudent(OGRN, SourceData.student("stu-6004", s -> { }));
        contingent.appendStudent(OGRN, SourceData.student("stu-6004", s -> s.setFirstName("Другая")));
        contingent.faults().malformedNext(1);

        SyncRuns.Run run = syncAndWait(false);

        assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.students(COLLEGE).keySet()).containsExactly("stu-6001");
        Map<String, String> codeByKey = jdbc.queryForList(
                "SELECT entity_key, code, field FROM rejected_record WHERE resolved_at IS NULL").stream()
                .collect(Collectors.toMap(row -> (String) row.get("entity_key"), row -> row.get("field") + "/" + row.get("code"), (first, repeated) -> first));
        assertThat(codeByKey).containsExactlyInAnyOrderEntriesOf(Map.of(
                "stu-6002", "group/UNKNOWN_GROUP",
                "stu-6003", "birthDate/INVALID_DATE",
                "stu-6004", "externalId/DUPLICATE_ID"));
        assertThat(contingent.faults().injected()).as("the malformed answer was met and the read retried").isEqualTo(1);
    }

    @Test
    void a_platform_that_lost_its_data_gets_the_lost_group_again_then_the_student_and_the_drift_is_reported() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-7001", s -> { }));
        contingent.putStudent(OGRN, SourceData.student("stu-7002", s -> { }));
        syncAndWait(false);
        assertThat(epos.students(COLLEGE)).containsOnlyKeys("stu-7001", "stu-7002");

        // the platform was restored from an older backup: it no longer knows what the hub delivered
        epos.reset();
        Student changed = contingent.students(OGRN).stream().filter(s -> "stu-7001".equals(s.getExternalId())).findFirst().orElseThrow();
        changed.setEmail("after-restore@test.spo-college.example");
        contingent.putStudent(OGRN, changed);
        syncAndWait(false);

        await().atMost(Duration.ofSeconds(60)).until(() -> epos.students(COLLEGE).containsKey("stu-7001"));
        assertThat(epos.groups(COLLEGE)).containsOnlyKeys("ИСП-21");
        assertThat(epos.students(COLLEGE).get("stu-7001").get("email")).isEqualTo("after-restore@test.spo-college.example");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM dead_letter WHERE status = 'OPEN'", Integer.class) == 0);
        assertThat(jdbc.queryForList("SELECT subject FROM audit_log WHERE action = 'DRIFT_REPAIRED'", String.class))
                .containsExactly("epos group");
    }

    @Test
    void registry_down_for_every_attempt_fails_the_run_and_sends_nothing() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-5001", s -> { }));
        contingent.faults().failAlways(503);

        Long runId = commands.runContingent(COLLEGE, false, "test");
        SyncRuns.Run run = runs.get(runId).orElseThrow();

        assertThat(run.status()).isEqualTo(SyncRuns.FAILED);
        assertThat(run.error()).contains("503");
        assertThat(epos.faults().requests()).isZero();
        contingent.faults().clear();
        assertThat(syncAndWait(false).delivered()).as("group, student, guardian").isEqualTo(3);
        assertThat(Set.copyOf(epos.students(COLLEGE).keySet())).containsExactly("stu-5001");
    }

    private static String normalisedPhone(String raw) {
        String digits = raw.replaceAll("\\D", "");
        return "+7" + digits.substring(digits.length() - 10);
    }
}
