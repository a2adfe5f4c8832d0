package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.model.InstitutionKind;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.config.HubProperties.JournalSource;
import ru.spobridge.routes.config.HubProperties.MarksSettings;
import ru.spobridge.routes.config.HubProperties.TargetSettings;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.marks.MarksReports;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.schedule.ScheduleImport;
import ru.spobridge.routes.schedule.ScheduleRoutes;
import ru.spobridge.routes.staff.StaffRoutes;
import ru.spobridge.simulators.eposschool.EposSchoolSimulator;
import ru.spobridge.simulators.journal.JournalSimulator;

/**
 * A school (seed 004) synced to ИАС «ЭПОС»: its class «7Б», pupils, teacher, lessons, lesson topics and marks reach
 * the school platform in its terms, and a mark entered two hours after the class's lessons end is reported late (seed 004 §3.5).
 */
class SchoolToEposTest extends HubIntegrationTest {

    private static final String SCHOOL = "test-school";
    private static final String SCHOOL_OGRN = "1025900000059";
    private static final ZoneId PERM = ZoneId.of("Asia/Yekaterinburg");
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    private static final String LESSON = "les-2026-09-07-2-7Б-АЛГ.07";
    private static final String JOURNAL_LESSON = "dbg:2026-09-07:2:7Б:АЛГ.07";

    @Autowired
    private EposSchoolSimulator school;
    @Autowired
    private JournalSimulator journal;
    @Autowired
    private Colleges colleges;
    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private MarksReports reports;

    @BeforeEach
    void aSchoolWithOneClass() {
        school.reset();
        journal.reset();
        CollegeSettings base = colleges.settings(COLLEGE);
        String sims = baseUrl();
        colleges.publish(Map.of(SCHOOL, new Colleges.Entry(new CollegeSettings("МАОУ «СОШ № 1» (тест)", base.region(), SCHOOL_OGRN, PERM,
                base.contingent(), Map.of("epos-school", new TargetSettings(true, URI.create(sims + EposSchoolSimulator.BASE), SCHOOL,
                "test-secret", 200)), base.hold(), base.staff(), base.schedule(),
                new MarksSettings(new JournalSource(URI.create(sims + "/journal-sim/api/v1/"), SCHOOL, SCHOOL, "test-secret"), null, null,
                        null, null), null, List.of(), null, InstitutionKind.SCHOOL), Colleges.Status.ACTIVE)));
        ru.spobridge.simulators.contingent.wsdl.Group seventhB = SourceData.group("7Б");
        seventhB.setName("7Б");
        seventhB.setCourse("7");
        seventhB.setSpecialty(null);
        seventhB.getSubgroup().clear();
        contingent.putGroup(SCHOOL_OGRN, seventhB);
        for (String id : List.of("stu-7001", "stu-7002", "stu-7003")) {
            contingent.putStudent(SCHOOL_OGRN, SourceData.student(id, s -> {
                s.getGuardian().clear();
                s.setBirthDate("2013-04-12");
                s.getStudy().setOrg(SCHOOL_OGRN);
                s.getStudy().setGroup("7Б");
                s.getStudy().setSubgroup(null);
                s.getStudy().setCourse("7");
                s.getStudy().setSpecialty(null);
            }));
        }
        clock.set(Instant.parse("2026-09-01T03:00:00Z"));
    }

    @AfterEach
    void forgetTheSchool() {
        colleges.publish(Map.of());
    }

    @Test
    void classes_pupils_staff_lessons_and_marks_reach_the_school_platform_and_a_mark_two_hours_late_is_reported() {
        syncAndWait(SCHOOL, false);
        send(StaffRoutes.FILE, "staff.csv", """
                order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code
                o-1;hire;К-1;2025-08-20;2025-09-01;per-s1;Примерова;Анна;Борисовна;s1@test.school.example;+79120007101;ПРП
                """, Map.of());
        send(ScheduleRoutes.REFERENCE, "reference.csv", """
                kind;code;name;attributes
                discipline;АЛГ.07;Алгебра;disciplineKind=УД
                """, Map.of());
        send(ScheduleRoutes.ASC, "week.xml", WEEK, Map.of(ScheduleImport.FROM, MONDAY, ScheduleImport.TO, MONDAY.plusDays(6),
                ScheduleImport.TERM_START, LocalDate.of(2026, 9, 1)));

        // the class's lessons end at 10:10 on Monday: one mark half an hour later, one two hours later
        clock.set(LocalDateTime.parse("2026-09-07T10:40").atZone(PERM).toInstant());
        journal.putMark(SCHOOL, "m-ontime", "stu-7001", JOURNAL_LESSON, "5", "current", "per-s1", clock.instant());
        pull();
        clock.set(LocalDateTime.parse("2026-09-07T12:10").atZone(PERM).toInstant());
        journal.putMark(SCHOOL, "m-late", "stu-7002", JOURNAL_LESSON, "4/3", "current", "per-s1", clock.instant());
        pull();
        // a written work is due within a week: six days later is on time
        clock.set(LocalDateTime.parse("2026-09-13T12:00").atZone(PERM).toInstant());
        journal.putMark(SCHOOL, "m-work", "stu-7003", JOURNAL_LESSON, "3", "written", "per-s1", clock.instant());
        pull();

        assertThat(school.classUnits(SCHOOL)).containsOnlyKeys("7Б");
        assertThat(school.classUnits(SCHOOL).get("7Б")).containsEntry("name", "7Б").containsEntry("parallel", 7)
                .containsEntry("letter", "Б");
        assertThat(school.students(SCHOOL)).containsOnlyKeys("stu-7001", "stu-7002", "stu-7003")
                .allSatisfy((id, pupil) -> assertThat(pupil).containsEntry("class_unit_external_id", "7Б"));
        assertThat(school.staff(SCHOOL)).containsKey("per-s1");
        assertThat(school.lessons(SCHOOL)).containsKey(LESSON);
        assertThat(school.lessons(SCHOOL).get(LESSON)).containsEntry("class_unit_external_id", "7Б").containsEntry("end", "10:10");
        assertThat(school.marks(SCHOOL)).containsOnlyKeys("m-ontime", "m-late", "m-work");
        assertThat(school.marks(SCHOOL).get("m-late")).containsEntry("value", "4/3").containsEntry("control_form", "текущая");
        assertThat(reports.late(SCHOOL)).flatExtracting(MarksReports.GroupTeacher::lateMarks)
                .extracting(MarksReports.LateMark::markId).containsExactly("m-late");
    }

    /** Seed 004 §3.5: the topic and homework the teacher wrote in the journal reach ИАС «ЭПОС» with the lesson. */
    @Test
    void a_lesson_topic_and_homework_from_the_journal_reach_the_school_platform() {
        syncAndWait(SCHOOL, false);
        clock.set(LocalDateTime.parse("2026-09-07T10:20").atZone(PERM).toInstant());
        journal.putLessonEntry(SCHOOL, JOURNAL_LESSON, "per-s1",
                new JournalSimulator.LessonNote(3, "Степень с натуральным показателем", null, "§ 18, № 403, 405"), clock.instant());

        pull();

        assertThat(school.lessonRecords(SCHOOL)).containsOnlyKeys(JOURNAL_LESSON);
        assertThat(school.lessonRecords(SCHOOL).get(JOURNAL_LESSON)).containsEntry("topic", "Степень с натуральным показателем")
                .containsEntry("homework", "§ 18, № 403, 405").containsEntry("lesson_no", 3)
                .containsEntry("class_unit_external_id", "7Б").containsEntry("date", "2026-09-07");
    }

    private void pull() {
        Exchange exchange = camel.request(MarksRoutes.PULL, ex -> ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, SCHOOL,
                FlowHeaders.TRIGGER, "test")));
        awaitRun(exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class));
    }

    private void send(String entry, String name, String content, Map<String, Object> extra) {
        Map<String, Object> headers = new HashMap<>(extra);
        headers.put(FlowHeaders.COLLEGE, SCHOOL);
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
    }

    /** aSc export of the school's week: 7Б has algebra in the first two periods on Monday (8:30–9:15, 9:25–10:10). */
    private static final String WEEK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <timetable ascttversion="2021.6.2" importtype="database" displayname="aSc Timetables 2012 XML">
             <periods columns="period,name,short,starttime,endtime">
              <period period="1" name="1" short="1" starttime="8:30" endtime="9:15"/>
              <period period="2" name="2" short="2" starttime="9:25" endtime="10:10"/>
             </periods>
             <daysdefs columns="id,days,name,short"><daysdef id="D1" days="10000,01000,00100,00010,00001" name="Любой день" short="X"/></daysdefs>
             <weeksdefs columns="id,weeks,name,short"><weeksdef id="W1" weeks="1" name="Все недели" short="Все"/></weeksdefs>
             <termsdefs columns="id,terms,name,short"><termsdef id="Y1" terms="1" name="Весь год" short="Год"/></termsdefs>
             <subjects columns="id,name,short,partner_id"><subject id="S1" name="АЛГ.07 Алгебра" short="АЛГ" partner_id=""/></subjects>
             <teachers columns="id,name,short,gender,color,email,mobile,partner_id,firstname,lastname">
              <teacher id="T1" name="Примерова А.Б." short="ПримА" gender="F" color="#4A90D9" email="" mobile="" partner_id="" firstname="А.Б." lastname="Примерова"/>
             </teachers>
             <buildings columns="id,name,partner_id"/>
             <classrooms columns="id,name,short,capacity,buildingid,partner_id"/>
             <classes columns="id,name,short,classroomids,teacherid,grade,partner_id"><class id="C1" name="7Б" short="7Б" classroomids="" teacherid="T1" grade="7" partner_id=""/></classes>
             <groups columns="id,classid,name,entireclass,divisiontag,studentcount,studentids">
              <group id="G0" classid="C1" name="Весь класс" entireclass="1" divisiontag="0" studentcount="" studentids=""/>
             </groups>
             <lessons columns="id,subjectid,classids,groupids,teacherids,classroomids,periodspercard,periodsperweek,daysdefid,weeksdefid,termsdefid,seminargroup,capacity,partner_id">
              <lesson id="L1" subjectid="S1" classids="C1" groupids="G0" teacherids="T1" classroomids="" periodspercard="1" periodsperweek="2.0" daysdefid="D1" weeksdefid="W1" termsdefid="Y1" seminargroup="" capacity="*" partner_id=""/>
             </lessons>
             <cards columns="lessonid,period,days,weeks,terms,classroomids">
              <card lessonid="L1" period="1" days="10000" weeks="1" terms="1" classroomids=""/>
              <card lessonid="L1" period="2" days="10000" weeks="1" terms="1" classroomids=""/>
             </cards>
            </timetable>""";
}
