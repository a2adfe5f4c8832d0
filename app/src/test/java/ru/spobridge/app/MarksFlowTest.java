package ru.spobridge.app;

import ru.spobridge.routes.flow.FlowHeaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.journal.JournalSimulator;
import ru.spobridge.simulators.platform.PlatformSimulator;

/** Marks and attendance from the college journal to the three platforms, each in its own encoding. */
class MarksFlowTest extends HubIntegrationTest {

    private static final Map<String, String> OGRNS = Map.of("test-college", "1025900000015", "test-sgo", "1027400000022",
            "test-aisepo", "1024200000032");
    private static final String LESSON = "dbg:2026-09-07:1:ИСП-21:ОП.01";
    private static final Instant GIVEN = Instant.parse("2026-09-07T05:00:00Z");

    @Autowired
    private JournalSimulator journal;
    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private MarksReports reports;

    @BeforeEach
    void studentsAtEveryPlatform() {
        journal.reset();
        clock.set(Instant.parse("2026-09-08T06:00:00Z"));
        OGRNS.forEach((college, ogrn) -> {
            contingent.putGroup(ogrn, SourceData.group("ИСП-21"));
            contingent.putStudent(ogrn, SourceData.student("stu-9001", s -> s.getGuardian().clear()));
            contingent.putStudent(ogrn, SourceData.student("stu-9002", s -> s.getGuardian().clear()));
            syncAndWait(college, false);
        });
    }

    @Test
    void every_mark_value_and_absence_reason_reaches_each_platform_in_its_own_encoding() {
        String[][] marks = {{"m-5", "5", "current"}, {"m-4", "4", "current"}, {"m-3", "3", "written"}, {"m-2", "2", "test"},
                {"m-54", "5/4", "current"}, {"m-z", "зач", "attestation"}, {"m-az", "а/з", "attestation"}, {"m-na", "н/а", "attestation"},
                {"m-npa", "НПА", "attestation"}, {"m-exc", "отлично", "current"}};
        String[][] absences = {{"a-n", "Н"}, {"a-up", "УП"}, {"a-nu", "НУ"}};
        for (String college : OGRNS.keySet()) {
            for (String[] mark : marks) {
                journal.putMark(college, mark[0], "stu-9001", LESSON, mark[1], mark[2], "per-t1", GIVEN);
            }
            for (String[] absence : absences) {
                journal.putAttendance(college, absence[0], "stu-9002", LESSON.replace(":1:", ":" + (absence[0].length()) + ":"), absence[1], false, "per-t1", GIVEN);
            }
            SyncRuns.Run run = pull(college);
            assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
            assertThat(runs.get(run.id()).orElseThrow().sourceCounts()).as("what the pull read, in the journal's terms")
                    .isEqualTo(Map.of("отметок", 10, "пропусков", 3, "страниц", 1));
        }

        Map<String, Object> epos5 = epos.marks("test-college").get("m-54");
        assertThat(epos5).containsEntry("value", "5/4").containsEntry("control_form", "текущая");
        assertThat(epos.marks("test-college").get("m-az")).containsEntry("value", "а/з").containsEntry("control_form", "промежуточная");
        assertThat(epos.marks("test-college").get("m-exc")).as("another scale converted to five points").containsEntry("value", "5");
        assertThat(sgo.marks("test-sgo").get("m-5").get("value")).isEqualTo(5);
        assertThat(sgo.marks("test-sgo").get("m-54").get("value")).isEqualTo(List.of(5, 4));
        assertThat(sgo.marks("test-sgo").get("m-npa").get("value")).isEqualTo("НПА");
        assertThat(aisepo.marks("test-aisepo").get("m-54").get("marks")).isEqualTo(List.of("5", "4"));
        assertThat(aisepo.marks("test-aisepo").get("m-z").get("attestation")).isEqualTo("зачтено");
        assertThat(aisepo.marks("test-aisepo").get("m-na").get("attestation")).isEqualTo("не аттестован");
        for (String[] absence : absences) {
            assertThat(epos.attendance("test-college").get(absence[0])).containsEntry("reason_code", absence[1]);
            assertThat(sgo.attendance("test-sgo").get(absence[0])).containsEntry("code", absence[1]);
            assertThat(aisepo.attendance("test-aisepo").get(absence[0])).containsEntry("code", absence[1]);
        }
        assertThat(epos.marks("test-college")).hasSize(marks.length);
    }

    @Test
    void a_pull_longer_than_a_chunk_is_taken_in_chunk_by_chunk_and_a_later_version_in_a_later_chunk_wins() {
        int marks = 5_200;
        for (int i = 0; i < marks; i++) {
            journal.putMark("test-college", String.format("m-%05d", i), i % 2 == 0 ? "stu-9001" : "stu-9002", LESSON, "4", "current", "per-t1", GIVEN);
        }
        // the same mark corrected: its second version comes after the first chunk has been stored
        journal.putMark("test-college", "m-00000", "stu-9001", LESSON, "5", "current", "per-t1", GIVEN);

        SyncRuns.Run run = pull("test-college");

        assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(runs.get(run.id()).orElseThrow().sourceCounts()).isEqualTo(Map.of("отметок", marks + 1, "пропусков", 0, "страниц", 11));
        assertThat(runs.get(run.id()).orElseThrow().read()).isEqualTo(marks + 1);
        assertThat(epos.marks("test-college")).hasSize(marks);
        assertThat(epos.marks("test-college").get("m-00000")).as("the correction from the second chunk").containsEntry("value", "5");
        assertThat(epos.marks("test-college").get("m-05199")).containsEntry("value", "4");
    }

    @Test
    void an_absence_then_its_withdrawal_or_a_late_arrival_leaves_nothing_at_every_platform() {
        for (String college : OGRNS.keySet()) {
            journal.putAttendance(college, "a-1", "stu-9001", LESSON, "Н", false, "per-t1", GIVEN);
            journal.putAttendance(college, "a-2", "stu-9002", LESSON, "УП", false, "per-t1", GIVEN);
            pull(college);
        }
        assertThat(epos.attendance("test-college")).containsKeys("a-1", "a-2");

        for (String college : OGRNS.keySet()) {
            journal.delete(college, "attendance", "a-1");
            journal.putAttendance(college, "a-2", "stu-9002", LESSON, "УП", true, "per-t1", GIVEN);
            SyncRuns.Run withdrawn = pull(college);
            assertThat(runs.get(withdrawn.id()).orElseThrow().sourceCounts()).as("a withdrawal is an attendance change read")
                    .isEqualTo(Map.of("отметок", 0, "пропусков", 2, "страниц", 1));
        }

        assertThat(epos.attendance("test-college")).isEmpty();
        assertThat(sgo.attendance("test-sgo")).isEmpty();
        assertThat(aisepo.attendance("test-aisepo")).isEmpty();
        for (PlatformSimulator platform : List.of(epos, sgo, aisepo)) {
            String college = platform == epos ? "test-college" : platform == sgo ? "test-sgo" : "test-aisepo";
            assertThat(platform.deletions(college, "a-1")).isEqualTo(1);
        }
    }

    @Test
    void a_late_mark_is_delivered_and_listed_in_the_late_report_by_group_and_teacher() {
        clock.set(LocalDateTime.parse("2026-09-16T10:00").atZone(ZoneId.of("Asia/Yekaterinburg")).toInstant());
        journal.putMark("test-college", "m-late", "stu-9001", LESSON, "4", "current", "per-t1", GIVEN);
        journal.putMark("test-college", "m-work", "stu-9002", LESSON, "3", "written", "per-t1", GIVEN);
        journal.putMark("test-college", "m-fresh", "stu-9002", "dbg:2026-09-14:2:ИСП-21:ОП.01", "5", "current", "per-t1", GIVEN);
        // an attestation mark is on time until a day before its attestation period ends (seed 001 §3.2)
        journal.putMark("test-college", "m-exam", "stu-9001", "dbg:2026-09-07:3:ИСП-21:ОП.01", "зач", "attestation", "per-t1", GIVEN);
        Exchange reference = camel.request(ru.spobridge.routes.schedule.ScheduleRoutes.REFERENCE, ex -> {
            ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.TRIGGER, "test", Exchange.FILE_NAME, "periods.csv"));
            ex.getIn().setBody("kind;code;name;attributes\nattestationPeriod;2026-1;Осенний семестр;from=2026-09-01|to=2026-12-28\n"
                    .getBytes(StandardCharsets.UTF_8));
        });
        awaitRun(reference.getMessage().getHeader(FlowHeaders.RUN, Long.class));

        pull("test-college");

        assertThat(epos.marks("test-college")).containsKeys("m-late", "m-work", "m-fresh", "m-exam");
        List<MarksReports.GroupTeacher> late = reports.late("test-college");
        assertThat(late).singleElement().satisfies(row -> {
            assertThat(row.group()).isEqualTo("ИСП-21");
            assertThat(row.teacherId()).isEqualTo("per-t1");
            assertThat(row.lateMarks()).extracting(MarksReports.LateMark::markId).containsExactlyInAnyOrder("m-late", "m-work");
        });
        assertThat(reports.reconciliation("test-college")).anySatisfy(day -> {
            assertThat(day.date()).hasToString("2026-09-07");
            assertThat(day.accepted()).as("two late marks and the exam, all accepted").isEqualTo(3);
            assertThat(day.pending()).isZero();
        });
    }

    @Test
    void a_pull_repeated_after_a_crash_sends_nothing_twice() {
        journal.putMark("test-college", "m-1", "stu-9001", LESSON, "5", "current", "per-t1", GIVEN);
        journal.putAttendance("test-college", "a-1", "stu-9002", LESSON, "НУ", false, "per-t1", GIVEN);
        pull("test-college");
        // the cursor never got stored: the hub died after delivering and before committing it
        jdbc.update("DELETE FROM source_cursor WHERE source = 'journal'");

        SyncRuns.Run again = pull("test-college");

        assertThat(again.published()).isZero();
        assertThat(runs.get(again.id()).orElseThrow().sourceCounts()).as("the same changes read again")
                .isEqualTo(Map.of("отметок", 1, "пропусков", 1, "страниц", 1));
        assertThat(epos.markPosts("test-college", "m-1")).isEqualTo(1);
        assertThat(epos.attendancePosts("test-college", "a-1")).isEqualTo(1);
    }

    @Test
    void bad_marks_are_refused_by_record_and_field_and_the_rest_goes_through() {
        // the registry's delta read goes by time: let the clock move before the order is added
        clock.set(Instant.parse("2026-09-08T06:05:00Z"));
        contingent.addMovement("1025900000015", SourceData.movement("mov-9", "stu-9002", "expulsion", "2026-09-01", null));
        syncApproving();
        journal.putMark("test-college", "m-ok", "stu-9001", LESSON, "5", "current", "per-t1", GIVEN);
        journal.putMark("test-college", "m-six", "stu-9001", LESSON, "6", "current", "per-t1", GIVEN);
        journal.putMark("test-college", "m-slash", "stu-9001", LESSON, "5/", "current", "per-t1", GIVEN);
        journal.putMark("test-college", "m-ghost", "stu-0000", LESSON, "4", "current", "per-t1", GIVEN);
        journal.putMark("test-college", "m-nolesson", "stu-9001", "les-2026-09-07-9-НЕТ-ОП.01", "4", "current", "per-t1", GIVEN);
        journal.putMark("test-college", "m-expelled", "stu-9002", LESSON, "4", "current", "per-t1", GIVEN);
        pull("test-college");
        statement("ведомость.csv", "student_id;date;bell;group;discipline;value;work_type;teacher_id;given_at\n"
                + "stu-9001;2026-09-07;2;ИСП-21;ОП.01;4;current;per-t1;2026-09-07T06:00:00Z\n"
                + "stu-9001;2026-09-07;\"3;ИСП-21\n");

        assertThat(epos.marks("test-college")).containsOnlyKeys("m-ok", "stmt:stu-9001:2026-09-07:2:ОП.01:current");
        Map<String, String> codes = new HashMap<>();
        jdbc.queryForList("SELECT entity_key, field, code FROM rejected_record WHERE resolved_at IS NULL AND flow = 'marks'")
                .forEach(row -> codes.put((String) row.get("entity_key"), row.get("field") + "/" + row.get("code")));
        assertThat(codes).containsEntry("m-six", "value/INVALID_VALUE").containsEntry("m-slash", "value/INVALID_FORMAT")
                .containsEntry("m-ghost", "studentId/UNKNOWN_STUDENT").containsEntry("m-nolesson", "lessonKey/UNKNOWN_LESSON")
                .containsEntry("m-expelled", "studentId/STUDENT_EXPELLED");
        assertThat(codes.keySet()).anyMatch(key -> key.startsWith("ведомость.csv:"));
    }

    @Test
    void a_statement_without_required_columns_is_a_refused_file_naming_them_not_a_completed_run_with_zeros() {
        SyncRuns.Run run = statement("ведомость-без-столбцов.csv", "student_id;value\nstu-9001;5\n");

        assertThat(run.status()).isEqualTo(SyncRuns.FILE_REFUSED);
        assertThat(run.refusedFiles()).isEqualTo(1);
        assertThat(run.published()).isZero();
        assertThat(run.error()).contains("без обязательных столбцов: date, bell, group, discipline, work_type, teacher_id, given_at");
        assertThat(jdbc.queryForList("SELECT entity_key || ' ' || code FROM rejected_record WHERE run_id = ?", String.class, run.id()))
                .containsExactly("ведомость-без-столбцов.csv MISSING_COLUMN");
    }

    @Test
    void a_statement_run_counts_its_rows_and_a_corrected_mark_closes_the_earlier_refusal() {
        String header = "student_id;date;bell;group;discipline;value;work_type;teacher_id;given_at\n";
        SyncRuns.Run first = statement("ведомость.csv", header + "stu-9001;2026-09-07;1;ИСП-21;ОП.01;6;current;per-t1;2026-09-07T06:00:00Z\n"
                + "stu-9001;2026-09-07;\"2;ИСП-21\n");
        assertThat(first.sourceCounts()).containsExactly(Map.entry("строк", 2));
        assertThat(first.rejected()).isEqualTo(2);

        SyncRuns.Run fixed = statement("ведомость.csv", header + "stu-9001;2026-09-07;1;ИСП-21;ОП.01;5;current;per-t1;2026-09-07T06:00:00Z\n");

        assertThat(fixed.closedRejections()).isEqualTo(1);
        assertThat(epos.marks("test-college")).containsKey("stmt:stu-9001:2026-09-07:1:ОП.01:current");
    }

    @Test
    void the_pull_schedule_is_read_in_the_college_time_zone() throws Exception {
        var settings = applicationContext.getBean(ru.spobridge.routes.Colleges.class).settings("test-aisepo");
        org.quartz.CronExpression cron = new org.quartz.CronExpression(settings.marks().schedule());
        cron.setTimeZone(java.util.TimeZone.getTimeZone(settings.zone()));
        Instant sundayEvening = Instant.parse("2026-09-06T15:00:00Z");

        Instant next = cron.getNextValidTimeAfter(java.util.Date.from(sundayEvening)).toInstant();

        assertThat(next.atZone(settings.zone()).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-09-07T08:00"));
        assertThat(next).as("08:00 in Novokuznetsk is 01:00 UTC").isEqualTo(Instant.parse("2026-09-07T01:00:00Z"));
        assertThat(MarksRoutes.class.getDeclaredField("PULL")).isNotNull();
    }

    private SyncRuns.Run pull(String college) {
        Exchange exchange = camel.request(MarksRoutes.PULL, ex -> ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, college,
                FlowHeaders.TRIGGER, "test")));
        return awaitRun(exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class));
    }

    private SyncRuns.Run statement(String name, String csv) {
        Exchange exchange = camel.request(MarksRoutes.STATEMENT, ex -> {
            ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.TRIGGER, "test", Exchange.FILE_NAME, name));
            ex.getIn().setBody(csv.getBytes(StandardCharsets.UTF_8));
        });
        return awaitRun(exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class));
    }

    private void syncApproving() {
        SyncRuns.Run run = syncAndWait(false);
        if (SyncRuns.HELD.equals(run.status())) {
            applicationContext.getBean(ru.spobridge.routes.flow.HeldRunDecisions.class).approve(run.id(), "tester");
            awaitRun(run.id());
        }
    }

    @Autowired
    private org.springframework.context.ApplicationContext applicationContext;
}
