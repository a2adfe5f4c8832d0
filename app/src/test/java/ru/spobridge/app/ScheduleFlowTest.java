package ru.spobridge.app;

import ru.spobridge.routes.flow.FlowHeaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.flow.HeldRunDecisions;
import ru.spobridge.routes.schedule.ScheduleImport;
import ru.spobridge.routes.schedule.ScheduleRoutes;
import ru.spobridge.routes.staff.StaffRoutes;
import ru.spobridge.routes.store.SyncRuns;

/** Reference data and the schedule from an aSc export to ЭПОС.СПО, with замены, отмены and the holds that protect it. */
class ScheduleFlowTest extends HubIntegrationTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private HeldRunDecisions decisions;

    @BeforeEach
    void collegeWithGroupsStaffAndReferenceData() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        syncAndWait(false);
        send(StaffRoutes.FILE, "staff.csv", """
                order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code
                o-1;hire;К-1;2025-08-20;2025-09-01;per-t1;Примерова;Анна;Борисовна;t1@test.spo-college.example;+79120007001;ПРП
                o-2;hire;К-2;2025-08-20;2025-09-01;per-t2;Сидоров;Олег;Ильич;t2@test.spo-college.example;+79120007002;ПРП
                """, Map.of());
        send(ScheduleRoutes.REFERENCE, "reference.csv", """
                kind;code;name;attributes
                building;1;Главный корпус;
                room;214;214;building=1
                room;301;301;building=1
                room;999;Склад;building=7
                discipline;ОП.01;Основы программирования;disciplineKind=УД
                discipline;МДК.01.01;Технология разработки;disciplineKind=МДК
                bell;1;1 пара;start=8:30|end=10:00
                bell;2;2 пара;start=10:10|end=11:40
                controlForm;экзамен;Экзамен;
                """, Map.of());
    }

    @Test
    void reference_data_reaches_the_platform_and_a_room_in_an_unknown_building_is_refused() {
        assertThat(epos.reference(COLLEGE)).containsKeys("building:1", "room:214", "discipline:ОП.01", "bell:2", "controlForm:экзамен")
                .doesNotContainKey("room:999");
        assertThat(refusal("room:999")).isEqualTo("building/UNKNOWN_REFERENCE");
    }

    @Test
    void an_asc_week_becomes_dated_lessons_and_a_second_import_of_the_same_file_sends_nothing() {
        SyncRuns.Run first = importWeek(WEEK);

        assertThat(first.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.lessons(COLLEGE).keySet()).containsExactlyInAnyOrder(
                "les-2026-09-07-1-ИСП-21-ОП.01", "les-2026-09-09-1-ИСП-21-ОП.01",
                "les-2026-09-08-2-ИСП-21/1-МДК.01.01", "les-2026-09-08-2-ИСП-21/2-МДК.01.01");
        Map<String, Object> monday = epos.lessons(COLLEGE).get("les-2026-09-07-1-ИСП-21-ОП.01");
        assertThat(monday).containsEntry("start", "08:30").containsEntry("end", "10:00").containsEntry("room", "214")
                .containsEntry("status", "planned");
        assertThat(monday.get("teacher_external_ids")).isEqualTo(java.util.List.of("per-t1"));

        SyncRuns.Run again = importWeek(WEEK);

        assertThat(again.published()).isZero();
        assertThat(epos.lessonPosts(COLLEGE, "les-2026-09-07-1-ИСП-21-ОП.01")).isEqualTo(1);
    }

    @Test
    void an_export_dropped_in_the_inbox_is_imported_for_the_period_its_name_gives() throws Exception {
        java.nio.file.Path inbox = java.nio.file.Path.of("target/inbox/test-college/schedule");
        java.nio.file.Files.createDirectories(inbox);
        java.nio.file.Files.writeString(inbox.resolve("расписание_2026-09-07_2026-09-13.xml"), WEEK);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> epos.lessons(COLLEGE).size() == 4);
        assertThat(epos.lessons(COLLEGE)).containsKey("les-2026-09-07-1-ИСП-21-ОП.01");
    }

    @Test
    void a_replacement_reaches_the_platform_and_a_cancelled_lesson_with_marks_is_flagged_not_dropped() {
        importWeek(WEEK);
        epos.recordMark(COLLEGE, "les-2026-09-09-1-ИСП-21-ОП.01");

        send(ScheduleRoutes.CHANGES, "changes.csv", """
                change_id;kind;date;bell;group;subgroup;discipline;substitute_teacher;room;new_date;new_bell
                ch-1;замена;2026-09-07;1;ИСП-21;;ОП.01;per-t2;;;
                ch-2;отмена;2026-09-09;1;ИСП-21;;ОП.01;;;;
                ch-3;отмена;2026-09-08;2;ИСП-21;1;МДК.01.01;;;;
                """, Map.of());

        assertThat(epos.lessons(COLLEGE).get("les-2026-09-07-1-ИСП-21-ОП.01"))
                .containsEntry("status", "replaced").containsEntry("substitute_teacher_external_id", "per-t2");
        assertThat(epos.lessons(COLLEGE).get("les-2026-09-08-2-ИСП-21/1-МДК.01.01")).containsEntry("status", "cancelled");
        assertThat(epos.lessons(COLLEGE).get("les-2026-09-09-1-ИСП-21-ОП.01")).as("the platform kept the marked lesson")
                .containsEntry("status", "planned");
        assertThat(refusal("les-2026-09-09-1-ИСП-21-ОП.01")).isEqualTo("status/LESSON_HAS_MARKS");
    }

    @Test
    void an_empty_export_is_held_and_never_wipes_the_schedule() {
        importWeek(WEEK);
        String empty = WEEK.substring(0, WEEK.indexOf("<cards")) + "<cards columns=\"lessonid,period,days,weeks,terms,classroomids\"/></timetable>";

        SyncRuns.Run held = importWeek(empty);

        assertThat(held.status()).isEqualTo(SyncRuns.HELD);
        assertThat(held.error()).contains("не содержит ни одного занятия");
        assertThat(epos.lessons(COLLEGE).values()).allSatisfy(lesson -> assertThat(lesson).containsEntry("status", "planned"));
        assertThat(decisions.reject(held.id(), "tester", "файл выгружен не полностью")).isEqualTo(HeldRunDecisions.Outcome.DONE);
        assertThat(epos.lessons(COLLEGE)).hasSize(4);
    }

    @Test
    void a_truncated_upload_is_answered_422_as_corrupt_at_once_and_never_held() throws Exception {
        importWeek(WEEK);
        String cut = WEEK.substring(0, WEEK.indexOf("<lesson id=\"L2\"") + 30);

        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/api/colleges/" + COLLEGE + "/schedule/asc?name=week.xml&from=" + MONDAY + "&to="
                                + MONDAY.plusDays(6)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("tester:test-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("FILE_REFUSED").contains("оборван").containsPattern("строка \\d+, столбец \\d+");
        long runId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).get("runId").asLong();
        SyncRuns.Run run = runs.get(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(SyncRuns.FILE_REFUSED);
        assertThat(run.refusedFiles()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM held_run WHERE run_id = ?", Integer.class, runId)).isZero();
        assertThat(jdbc.queryForList("SELECT code FROM rejected_record WHERE run_id = ? AND entity_key = 'week.xml'", String.class, runId))
                .containsExactly("MALFORMED_XML");
        assertThat(epos.lessons(COLLEGE)).as("the schedule is untouched").hasSize(4);
    }

    @Test
    void an_import_records_what_it_read_in_cards_lessons_and_dated_lessons_not_in_errors() {
        SyncRuns.Run run = importWeek(WEEK.replace("</cards>", """
                <card lessonid="L1" period="9" days="00001" weeks="1" terms="1" classroomids="R9"/>
                <card lessonid="L2" period="1" days="00001" weeks="1" terms="01" classroomids="R2"/>
                </cards>""").replace("teacherids=\"T2\" classroomids=\"\"", "teacherids=\"T2,T9\" classroomids=\"\""));

        assertThat(run.read()).as("cards read").isEqualTo(6);
        assertThat(run.rejected()).as("cards refused, one with two defects").isEqualTo(2);
        assertThat(run.sourceCounts()).containsExactly(java.util.Map.entry("карточек", 6), java.util.Map.entry("уроков", 3),
                java.util.Map.entry("карточек отклонено", 2), java.util.Map.entry("карточек не на эти недели или семестр", 1),
                java.util.Map.entry("занятий по датам", 3));
    }

    @Test
    void bad_cards_are_reported_by_element_and_the_rest_of_the_export_goes_through() {
        String faulty = WEEK.replace("</cards>", """
                <card lessonid="L1" period="2" days="00010" weeks="1" terms="1" classroomids="R1"/>
                <card lessonid="L4" period="1" days="00001" weeks="1" terms="1" classroomids=""/>
                <card lessonid="L1" period="9" days="00001" weeks="1" terms="1" classroomids=""/>
                </cards>""").replace("</lessons>", """
                <lesson id="L4" subjectid="S1" classids="C1" groupids="G0" teacherids="T9" classroomids="" periodspercard="1" periodsperweek="1.0" daysdefid="D1" weeksdefid="W1" termsdefid="Y1" seminargroup="" capacity="*" partner_id=""/>
                </lessons>""");

        SyncRuns.Run run = importWeek(faulty);

        assertThat(epos.lessons(COLLEGE)).containsKey("les-2026-09-10-2-ИСП-21-ОП.01").hasSize(5);
        assertThat(run.rejected()).isGreaterThanOrEqualTo(2);
        Map<String, String> codes = new HashMap<>();
        jdbc.queryForList("SELECT entity_key, code FROM rejected_record WHERE resolved_at IS NULL AND entity_type = 'card'")
                .forEach(row -> codes.put((String) row.get("entity_key"), (String) row.get("code")));
        assertThat(codes.values()).contains("UNKNOWN_TEACHER", "PERIOD_NOT_IN_BELLS");
        assertThat(codes.keySet()).allSatisfy(key -> assertThat(key).startsWith("card lessonid="));
    }

    @Test
    void attestation_schedules_reach_the_platform() {
        send(ScheduleRoutes.ATTESTATION, "exams.csv", """
                event_id;kind;date;start;group;discipline;control_form;room;examiners
                ex-1;промежуточная;2026-12-24;9:00;ИСП-21;ОП.01;экзамен;214;per-t1
                ex-2;ГИА;2027-06-20;10:00;ИСП-21;МДК.01.01;экзамен;301;per-t1,per-t2
                ex-3;контрольная;2027-06-20;10:00;ИСП-21;МДК.01.01;экзамен;301;per-t1
                """, Map.of());

        assertThat(epos.attestationEvents(COLLEGE)).containsOnlyKeys("ex-1", "ex-2");
        assertThat(epos.attestationEvents(COLLEGE).get("ex-2")).containsEntry("kind", "stateFinal");
        assertThat(refusal("ex-3")).isEqualTo("kind/INVALID_VALUE");
    }

    @Test
    void a_month_of_a_large_college_is_expanded_and_delivered_and_the_rate_is_printed() {
        StringBuilder classes = new StringBuilder();
        StringBuilder lessons = new StringBuilder();
        StringBuilder cards = new StringBuilder();
        for (int c = 1; c <= 25; c++) {
            String group = "ГР-%02d".formatted(c);
            contingent.putGroup(OGRN, SourceData.group(group));
            classes.append("<class id=\"C%d\" name=\"%s\" short=\"%s\" classroomids=\"\" teacherid=\"\" grade=\"\" partner_id=\"\"/>".formatted(c, group, group));
            lessons.append(("<lesson id=\"L%d\" subjectid=\"S1\" classids=\"C%d\" groupids=\"\" teacherids=\"T1\" classroomids=\"R1\" "
                    + "periodspercard=\"1\" periodsperweek=\"10\" daysdefid=\"D1\" weeksdefid=\"W1\" termsdefid=\"Y1\" seminargroup=\"\" "
                    + "capacity=\"*\" partner_id=\"\"/>").formatted(c, c));
            for (String days : new String[] {"10000", "01000", "00100", "00010", "00001"}) {
                for (int period = 1; period <= 2; period++) {
                    cards.append("<card lessonid=\"L%d\" period=\"%d\" days=\"%s\" weeks=\"1\" terms=\"1\" classroomids=\"R1\"/>"
                            .formatted(c, period, days));
                }
            }
        }
        syncAndWait(false);
        String xml = WEEK.substring(0, WEEK.indexOf("<classes")) + "<classes columns=\"id,name,short,classroomids,teacherid,grade,partner_id\">"
                + classes + "</classes><groups columns=\"id,classid,name,entireclass,divisiontag,studentcount,studentids\"/>"
                + "<lessons columns=\"id,subjectid,classids,groupids,teacherids,classroomids,periodspercard,periodsperweek,daysdefid,weeksdefid,termsdefid,seminargroup,capacity,partner_id\">"
                + lessons + "</lessons><cards columns=\"lessonid,period,days,weeks,terms,classroomids\">" + cards + "</cards></timetable>";

        long started = System.nanoTime();
        Exchange exchange = send(ScheduleRoutes.ASC, "month.xml", xml, Map.of(ScheduleImport.FROM, MONDAY,
                ScheduleImport.TO, MONDAY.plusDays(27), ScheduleImport.TERM_START, LocalDate.of(2026, 9, 1)));
        SyncRuns.Run run = awaitRun(exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class));
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(run.delivered()).isEqualTo(25 * 10 * 4);
        assertThat(epos.lessons(COLLEGE)).hasSize(1000);
        System.out.printf("schedule figures: %d cards, %d lessons expanded and delivered to ЭПОС.СПО in %.2f s (%.0f lessons/s)%n",
                250, run.delivered(), seconds, run.delivered() / seconds);
    }

    private SyncRuns.Run importWeek(String xml) {
        Exchange exchange = send(ScheduleRoutes.ASC, "week.xml", xml, Map.of(ScheduleImport.FROM, MONDAY,
                ScheduleImport.TO, MONDAY.plusDays(6), ScheduleImport.TERM_START, LocalDate.of(2026, 9, 1)));
        return awaitRun(exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class));
    }

    private Exchange send(String entry, String name, String content, Map<String, Object> extra) {
        Map<String, Object> headers = new HashMap<>(extra);
        headers.put(FlowHeaders.COLLEGE, COLLEGE);
        headers.put(FlowHeaders.TRIGGER, "test");
        headers.put(Exchange.FILE_NAME, name);
        Exchange exchange = camel.request(entry, ex -> {
            ex.getIn().setHeaders(headers);
            ex.getIn().setBody(content.getBytes(StandardCharsets.UTF_8));
        });
        Long runId = exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class);
        if (runId != null) {
            awaitRun(runId);
        }
        return exchange;
    }

    private String refusal(String key) {
        return jdbc.queryForList("SELECT field, code FROM rejected_record WHERE resolved_at IS NULL AND entity_key = ?", key).stream()
                .map(row -> row.get("field") + "/" + row.get("code")).findFirst().orElse("none");
    }

    private static final String WEEK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <timetable ascttversion="2021.6.2" importtype="database" displayname="aSc Timetables 2012 XML">
             <periods columns="period,name,short,starttime,endtime">
              <period period="1" name="1" short="1" starttime="8:30" endtime="10:00"/>
              <period period="2" name="2" short="2" starttime="10:10" endtime="11:40"/>
             </periods>
             <daysdefs columns="id,days,name,short"><daysdef id="D1" days="10000,01000,00100,00010,00001" name="Любой день" short="X"/></daysdefs>
             <weeksdefs columns="id,weeks,name,short"><weeksdef id="W1" weeks="1" name="Все недели" short="Все"/></weeksdefs>
             <termsdefs columns="id,terms,name,short"><termsdef id="Y1" terms="1" name="Весь год" short="Год"/></termsdefs>
             <subjects columns="id,name,short,partner_id">
              <subject id="S1" name="ОП.01 Основы программирования" short="ОП01" partner_id=""/>
              <subject id="S2" name="МДК.01.01 Технология разработки" short="МДК0101" partner_id=""/>
             </subjects>
             <teachers columns="id,name,short,gender,color,email,mobile,partner_id,firstname,lastname">
              <teacher id="T1" name="Примерова А.Б." short="ПримА" gender="F" color="#4A90D9" email="" mobile="" partner_id="" firstname="А.Б." lastname="Примерова"/>
              <teacher id="T2" name="Сидоров О.И." short="СидО" gender="M" color="#4A90D9" email="" mobile="" partner_id="" firstname="О.И." lastname="Сидоров"/>
             </teachers>
             <buildings columns="id,name,partner_id"/>
             <classrooms columns="id,name,short,capacity,buildingid,partner_id">
              <classroom id="R1" name="214" short="214" capacity="*" buildingid="*" partner_id=""/>
              <classroom id="R2" name="301" short="301" capacity="30" buildingid="*" partner_id=""/>
             </classrooms>
             <classes columns="id,name,short,classroomids,teacherid,grade,partner_id"><class id="C1" name="ИСП-21" short="ИСП-21" classroomids="" teacherid="T1" grade="" partner_id=""/></classes>
             <groups columns="id,classid,name,entireclass,divisiontag,studentcount,studentids">
              <group id="G0" classid="C1" name="Вся группа" entireclass="1" divisiontag="0" studentcount="" studentids=""/>
              <group id="G1" classid="C1" name="1 подгруппа" entireclass="0" divisiontag="1" studentcount="" studentids=""/>
              <group id="G2" classid="C1" name="2 подгруппа" entireclass="0" divisiontag="1" studentcount="" studentids=""/>
             </groups>
             <lessons columns="id,subjectid,classids,groupids,teacherids,classroomids,periodspercard,periodsperweek,daysdefid,weeksdefid,termsdefid,seminargroup,capacity,partner_id">
              <lesson id="L1" subjectid="S1" classids="C1" groupids="G0" teacherids="T1" classroomids="R1" periodspercard="1" periodsperweek="2.0" daysdefid="D1" weeksdefid="W1" termsdefid="Y1" seminargroup="" capacity="*" partner_id=""/>
              <lesson id="L2" subjectid="S2" classids="C1" groupids="G1" teacherids="T2" classroomids="R2" periodspercard="1" periodsperweek="1.0" daysdefid="D1" weeksdefid="W1" termsdefid="Y1" seminargroup="" capacity="*" partner_id=""/>
              <lesson id="L3" subjectid="S2" classids="C1" groupids="G2" teacherids="T2" classroomids="" periodspercard="1" periodsperweek="1.0" daysdefid="D1" weeksdefid="W1" termsdefid="Y1" seminargroup="" capacity="*" partner_id=""/>
             </lessons>
             <cards columns="lessonid,period,days,weeks,terms,classroomids">
              <card lessonid="L1" period="1" days="10000" weeks="1" terms="1" classroomids="R1"/>
              <card lessonid="L1" period="1" days="00100" weeks="1" terms="1" classroomids="R1"/>
              <card lessonid="L2" period="2" days="01000" weeks="1" terms="1" classroomids="R2"/>
              <card lessonid="L3" period="2" days="01000" weeks="1" terms="1" classroomids=""/>
             </cards>
            </timetable>
            """;
}
