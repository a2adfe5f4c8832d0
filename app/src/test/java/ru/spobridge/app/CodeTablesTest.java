package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.schedule.ScheduleImport;
import ru.spobridge.routes.schedule.ScheduleRoutes;
import ru.spobridge.routes.staff.StaffRoutes;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.journal.JournalSimulator;

/** Code tables as data: edited over the admin API, checked, versioned, and read by the next run without a restart. */
class CodeTablesTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    private static final String TUESDAY_SUBGROUP = "les-2026-09-08-2-ИСП-21/1-МДК.01.01";
    private static final String LESSON = "dbg:2026-09-07:1:ИСП-21:ОП.01";
    private static final Instant GIVEN = Instant.parse("2026-09-07T05:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private JournalSimulator journal;

    @BeforeEach
    @AfterEach
    void noCodeTableRows() {
        // the shared cleanup does not know these tables: each test removes what it made
        for (String table : new String[] {"code_table_entry", "code_table_change", "asc_unmatched"}) {
            jdbc.update("DELETE FROM " + table + " WHERE college_id = ?", COLLEGE);
        }
    }

    @Test
    void a_mapping_created_from_an_unmatched_asc_item_makes_the_next_import_match_it() throws Exception {
        collegeWithGroupStaffAndReferenceData();
        importWeek(WEEK);
        // keyed by the masked short name, not the id aSc renumbers: the next import can close it
        assertThat(openRefusals()).containsEntry("teacher Н**И", "UNMATCHED_TEACHER");
        JsonNode listed = JSON.readTree(get("/api/colleges/" + COLLEGE + "/schedule/unmatched").body());
        assertThat(listed).hasSize(1);
        JsonNode item = listed.get(0);
        assertThat(item.get("kind").asText()).isEqualTo("TEACHER");
        assertThat(item.get("name").asText()).as("a teacher's name is masked").doesNotContain("Новикова").startsWith("Н");
        assertThat(jdbc.queryForObject("SELECT short_name FROM asc_unmatched WHERE college_id = ?", String.class, COLLEGE))
                .as("the store keeps the short name the mapping is keyed by").isEqualTo("НовИ");

        HttpResponse<String> created = send("POST", "/api/colleges/" + COLLEGE + "/schedule/unmatched/" + item.get("id").asLong() + "/mapping",
                "{\"code\": \"per-t2\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        // aSc ids change with every export: the row is keyed by the short name, so a renumbered export still matches
        SyncRuns.Run next = importWeek(WEEK.replace("\"T2\"", "\"T7\"").replace("teacherids=\"T2\"", "teacherids=\"T7\""));

        assertThat(next.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.lessons(COLLEGE).get(TUESDAY_SUBGROUP).get("teacher_external_ids")).isEqualTo(List.of("per-t2"));
        assertThat(openRefusals()).doesNotContainKeys("teacher Н**И", "teacher id=T2", "teacher id=T7");
        assertThat(runs.get(next.id()).orElseThrow().closedRejections()).as("the teacher's rejection and her two cards'").isEqualTo(3);
        assertThat(JSON.readTree(get("/api/colleges/" + COLLEGE + "/schedule/unmatched").body())).isEmpty();
        JsonNode table = JSON.readTree(get("/api/admin/colleges/" + COLLEGE + "/code-tables/asc.teachers").body());
        assertThat(table.get("entries").get(0).get("origin").asText()).isEqualTo("store");
        assertThat(table.get("entries").get(0).get("value").asText()).isEqualTo("per-t2");
    }

    @Test
    void a_mapping_to_a_code_the_college_does_not_have_is_refused() throws Exception {
        collegeWithGroupStaffAndReferenceData();
        importWeek(WEEK);
        long id = JSON.readTree(get("/api/colleges/" + COLLEGE + "/schedule/unmatched").body()).get(0).get("id").asLong();

        HttpResponse<String> refused = send("POST", "/api/colleges/" + COLLEGE + "/schedule/unmatched/" + id + "/mapping", "{\"code\": \"per-t9\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(refused.body()).get("errors").get(0).get("field").asText()).isEqualTo("code");
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("MAPPING_REFUSED");
        assertThat(JSON.readTree(refused.body()).get("message").asText()).isEqualTo("Сопоставление не создано");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM code_table_entry WHERE college_id = ?", Integer.class, COLLEGE)).isZero();
    }

    @Test
    void a_changed_scale_takes_effect_at_the_next_pull_without_restart() throws Exception {
        studentsOfTheCollege();
        journal.putMark(COLLEGE, "m-1", "stu-9001", LESSON, "удовл", "current", "per-t1", GIVEN);
        pull();
        assertThat(epos.marks(COLLEGE)).doesNotContainKey("m-1");

        assertThat(put("marks.scale", "Удовл", "3", "журнал пишет «удовл»").statusCode()).isEqualTo(200);
        journal.putMark(COLLEGE, "m-2", "stu-9002", LESSON, "удовл", "current", "per-t1", GIVEN);
        pull();

        assertThat(epos.marks(COLLEGE).get("m-2")).containsEntry("value", "3");
    }

    @Test
    void a_college_absence_code_is_read_as_the_canonical_reason_once_stored() throws Exception {
        studentsOfTheCollege();
        assertThat(put("attendance.reasons", "Б", "УП", "болезнь").statusCode()).isEqualTo(200);
        journal.putAttendance(COLLEGE, "a-1", "stu-9001", LESSON, "Б", false, "per-t1", GIVEN);

        assertThat(pull().rejected()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE resolved_at IS NULL AND entity_key = 'a-1'", Integer.class))
                .isZero();
    }

    @Test
    void a_position_code_added_for_one_college_is_accepted_there_and_still_refused_elsewhere() throws Exception {
        assertThat(put("staff.positions", "ТЬЮ", "{\"title\": \"Тьютор\", \"role\": \"TEACHER\"}", "новая должность").statusCode())
                .isEqualTo(200);
        String orders = """
                order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code
                o-t;hire;К-9;2025-08-20;2025-09-01;per-tu;Тьюторова;Вера;;tu@test.spo-college.example;+79120007009;ТЬЮ
                """;

        staffFile(COLLEGE, orders);
        staffFile("test-aisepo", orders);

        assertThat(jdbc.queryForList("SELECT college_id FROM rejected_record WHERE resolved_at IS NULL AND entity_key = 'o-t' "
                + "AND code = 'UNKNOWN_POSITION'", String.class)).containsExactly("test-aisepo");
        assertThat(epos.staff(COLLEGE)).containsKey("per-tu");
    }

    @Test
    void every_change_keeps_who_when_before_and_after() throws Exception {
        put("marks.scale", "удовл", "3", "первое значение");
        put("marks.scale", "удовл", "4", "ошибка в первом");
        HttpResponse<String> removed = send("DELETE", "/api/admin/colleges/" + COLLEGE + "/code-tables/marks.scale?sourceCode="
                + java.net.URLEncoder.encode("удовл", StandardCharsets.UTF_8) + "&reason=" + java.net.URLEncoder.encode("не нужно", StandardCharsets.UTF_8), null);
        assertThat(removed.statusCode()).isEqualTo(200);

        JsonNode history = JSON.readTree(get("/api/admin/colleges/" + COLLEGE + "/code-tables/marks.scale/history").body());

        assertThat(history).hasSize(3);
        assertThat(history).allSatisfy(change -> {
            assertThat(change.get("changedBy").asText()).isEqualTo("tester");
            assertThat(Instant.parse(change.get("changedAt").asText())).isNotNull();
            assertThat(change.get("sourceCode").asText()).isEqualTo("удовл");
        });
        assertThat(history.get(2).get("before").isNull()).isTrue();
        assertThat(history.get(2).get("after").asText()).isEqualTo("3");
        assertThat(history.get(1).get("before").asText()).isEqualTo("3");
        assertThat(history.get(1).get("after").asText()).isEqualTo("4");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("ошибка в первом");
        assertThat(history.get(0).get("before").asText()).isEqualTo("4");
        assertThat(history.get(0).get("after").isNull()).isTrue();
        JsonNode table = JSON.readTree(get("/api/admin/colleges/" + COLLEGE + "/code-tables/marks.scale").body());
        assertThat(table.get("entries")).extracting(entry -> entry.get("origin").asText()).containsOnly("settings");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'CODE_TABLE_%' AND college_id = ?", Integer.class,
                COLLEGE)).isEqualTo(3);
    }

    @Test
    void an_invalid_value_is_refused_naming_the_field_and_changes_nothing() throws Exception {
        HttpResponse<String> six = put("marks.scale", "отлично", "6", "попытка");
        HttpResponse<String> guard = put("staff.positions", "ВХТ", "{\"title\": \"Вахтёр\", \"role\": \"GUARD\"}", "попытка");

        assertThat(six.statusCode()).isEqualTo(422);
        JsonNode body = JSON.readTree(six.body());
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("value");
        assertThat(body.get("errors").get(0).get("message").asText()).contains("от 2 до 5");
        assertThat(guard.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(guard.body()).get("errors").get(0).get("field").asText()).isEqualTo("value.role");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM code_table_entry WHERE college_id = ?", Integer.class, COLLEGE)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM code_table_change WHERE college_id = ?", Integer.class, COLLEGE)).isZero();
        JsonNode scale = JSON.readTree(get("/api/admin/colleges/" + COLLEGE + "/code-tables/marks.scale").body());
        assertThat(scale.get("entries")).anySatisfy(entry -> {
            assertThat(entry.get("sourceCode").asText()).isEqualTo("отлично");
            assertThat(entry.get("value").asText()).isEqualTo("5");
        });
    }

    private void collegeWithGroupStaffAndReferenceData() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        syncAndWait(false);
        route(StaffRoutes.FILE, "staff.csv", """
                order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code
                o-1;hire;К-1;2025-08-20;2025-09-01;per-t1;Примерова;Анна;Борисовна;t1@test.spo-college.example;+79120007001;ПРП
                o-2;hire;К-2;2025-08-20;2025-09-01;per-t2;Сидоров;Олег;Ильич;t2@test.spo-college.example;+79120007002;ПРП
                """, Map.of());
        route(ScheduleRoutes.REFERENCE, "reference.csv", """
                kind;code;name;attributes
                building;1;Главный корпус;
                room;214;214;building=1
                room;301;301;building=1
                discipline;ОП.01;Основы программирования;disciplineKind=УД
                discipline;МДК.01.01;Технология разработки;disciplineKind=МДК
                bell;1;1 пара;start=8:30|end=10:00
                bell;2;2 пара;start=10:10|end=11:40
                """, Map.of());
    }

    private void studentsOfTheCollege() {
        journal.reset();
        clock.set(Instant.parse("2026-09-08T06:00:00Z"));
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-9001", s -> s.getGuardian().clear()));
        contingent.putStudent(OGRN, SourceData.student("stu-9002", s -> s.getGuardian().clear()));
        syncAndWait(false);
    }

    private void staffFile(String college, String csv) {
        Exchange exchange = camel.request(StaffRoutes.FILE, ex -> {
            ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, college, FlowHeaders.TRIGGER, "test", Exchange.FILE_NAME, "orders.csv"));
            ex.getIn().setBody(csv.getBytes(StandardCharsets.UTF_8));
        });
        Long runId = exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class);
        if (runId != null) {
            awaitRun(runId);
        }
    }

    private Map<String, String> openRefusals() {
        Map<String, String> codes = new HashMap<>();
        jdbc.queryForList("SELECT entity_key, code FROM rejected_record WHERE resolved_at IS NULL AND college_id = ?", COLLEGE)
                .forEach(row -> codes.put((String) row.get("entity_key"), (String) row.get("code")));
        return codes;
    }

    private SyncRuns.Run pull() {
        Exchange exchange = camel.request(MarksRoutes.PULL, ex -> ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, COLLEGE,
                FlowHeaders.TRIGGER, "test")));
        return awaitRun(exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class));
    }

    private SyncRuns.Run importWeek(String xml) {
        Exchange exchange = route(ScheduleRoutes.ASC, "week.xml", xml, Map.of(ScheduleImport.FROM, MONDAY,
                ScheduleImport.TO, MONDAY.plusDays(6), ScheduleImport.TERM_START, LocalDate.of(2026, 9, 1)));
        return awaitRun(exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class));
    }

    private Exchange route(String entry, String name, String content, Map<String, Object> extra) {
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

    private HttpResponse<String> put(String table, String sourceCode, String value, String reason) throws IOException, InterruptedException {
        var body = JSON.createObjectNode().put("sourceCode", sourceCode).put("value", value).put("reason", reason);
        return send("PUT", "/api/admin/colleges/" + COLLEGE + "/code-tables/" + table, body.toString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        // admin reads need an operator as well
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-With", "test").build(), HttpResponse.BodyHandlers.ofString());
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
              <teacher id="T2" name="Новикова И.П." short="НовИ" gender="F" color="#4A90D9" email="" mobile="" partner_id="" firstname="И.П." lastname="Новикова"/>
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
