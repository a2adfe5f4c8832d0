package ru.spobridge.app;

import ru.spobridge.routes.flow.FlowHeaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.staff.StaffRoutes;
import ru.spobridge.routes.staff.StaffSchedule;
import ru.spobridge.routes.staff.StaffSla;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.platform.PlatformSimulator;

/** Staff accounts by HR orders, on a clock the test moves across local midnights. */
class StaffFlowTest extends HubIntegrationTest {

    private static final String HEADER = "order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code\n";

    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private StaffSla sla;

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({"test-college, Asia/Yekaterinburg, epos", "test-aisepo, Asia/Novokuznetsk, aisepo"})
    void account_exists_from_the_hiring_day_through_the_dismissal_day_and_is_removed_at_the_next_local_midnight(
            String college, String zoneId, String platformName) throws Exception {
        ZoneId zone = ZoneId.of(zoneId);
        PlatformSimulator platform = platformName.equals("epos") ? epos : aisepo;
        at(zone, "2027-01-05T10:00");
        file(college, "orders.csv", HEADER
                + "ord-1;hire;К-1;2027-01-05;2027-01-10;per-1;Кадрова;Анна;Петровна;a.kadrova@test.spo-college.example;+79120005501;ПРП\n"
                + "ord-2;dismissal;К-9;2027-03-01;2027-03-10;per-1;;;;;;\n");
        assertThat(platform.staff(college)).as("not before the hiring day").doesNotContainKey("per-1");
        assertThat(scheduler.checkExists(StaffSchedule.triggerKey(college, midnight(zone, "2027-03-11"))))
                .as("the removal is scheduled at 00:00 after the last working day").isTrue();
        assertThat(scheduler.checkExists(StaffSchedule.triggerKey(college, midnight(zone, "2027-03-10")))).isFalse();

        refreshAt(college, zone, "2027-01-09T23:59");
        assertThat(platform.staff(college)).doesNotContainKey("per-1");
        refreshAt(college, zone, "2027-01-10T00:01");
        assertThat(platform.staff(college)).containsKey("per-1");

        refreshAt(college, zone, "2027-03-09T23:59");
        assertThat(platform.staff(college)).containsKey("per-1");
        refreshAt(college, zone, "2027-03-10T00:01");
        assertThat(platform.staff(college)).as("the dismissal day is the last working day (Labour Code art. 84.1)").containsKey("per-1");
        refreshAt(college, zone, "2027-03-10T23:59");
        assertThat(platform.staff(college)).as("still employed on the evening of the dismissal day").containsKey("per-1");
        assertThat(platform.deletions(college, "per-1")).isZero();
        refreshAt(college, zone, "2027-03-11T00:01");
        assertThat(platform.staff(college)).doesNotContainKey("per-1");
        assertThat(platform.deletions(college, "per-1")).isEqualTo(1);
        refreshAt(college, zone, "2027-03-12T00:01");
        assertThat(platform.deletions(college, "per-1")).as("removed once").isEqualTo(1);

        List<StaffSla.OrderSla> report = sla.report(college);
        assertThat(report).extracting(StaffSla.OrderSla::orderKey).containsExactlyInAnyOrder("ord-1", "ord-2");
        assertThat(report).allSatisfy(order -> assertThat(order.violation()).as(order.orderKey()).isFalse());
        assertThat(report).allSatisfy(order -> assertThat(order.targets()).singleElement().satisfies(target -> assertThat(target.sameDay()).isTrue()));
    }

    @Test
    void a_hire_and_a_dismissal_on_the_same_day_create_the_account_for_that_day_and_remove_it_at_the_next_midnight() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        at(zone, "2027-08-02T09:00");
        file(COLLEGE, "orders.csv", HEADER
                + "ord-h;hire;К-60;2027-08-02;2027-08-02;per-day;Однодневная;Нина;;n@test.spo-college.example;+79120005560;ПРП\n"
                + "ord-d;dismissal;К-61;2027-08-02;2027-08-02;per-day;;;;;;\n");
        assertThat(epos.staff(COLLEGE)).as("the account exists on its only working day").containsKey("per-day");
        assertThat(scheduler.checkExists(StaffSchedule.triggerKey(COLLEGE, midnight(zone, "2027-08-03")))).isTrue();

        refreshAt(COLLEGE, zone, "2027-08-02T23:59");
        assertThat(epos.staff(COLLEGE)).containsKey("per-day");
        refreshAt(COLLEGE, zone, "2027-08-03T00:01");
        assertThat(epos.staff(COLLEGE)).doesNotContainKey("per-day");
        assertThat(epos.deliveries(COLLEGE, "per-day")).as("created once").isEqualTo(1);
        assertThat(epos.deletions(COLLEGE, "per-day")).as("removed once").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT SUM(removed_count) FROM sync_run WHERE college_id = ? AND flow = 'staff'", Integer.class, COLLEGE))
                .as("the run page counts the removal of each platform").isEqualTo(epos.deletions(COLLEGE, "per-day")
                        + sgo.deletions(COLLEGE, "per-day") + aisepo.deletions(COLLEGE, "per-day"));

        List<StaffSla.OrderSla> report = sla.report(COLLEGE);
        assertThat(report).extracting(StaffSla.OrderSla::orderKey).containsExactlyInAnyOrder("ord-h", "ord-d");
        assertThat(report).allSatisfy(order -> assertThat(order.violation()).as(order.orderKey()).isFalse());
    }

    @Test
    void a_dismissal_received_after_its_day_is_reported_late_even_though_the_removal_is_due_the_next_day() {
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        at(zone, "2027-09-01T10:00");
        file(COLLEGE, "hire.csv", HEADER
                + "ord-h;hire;К-70;2027-09-01;2027-09-01;per-l;Уходящий;Лев;;u@test.spo-college.example;+79120005570;ПРП\n");
        at(zone, "2027-09-11T00:30");
        file(COLLEGE, "dismissal.csv", HEADER + "ord-d;dismissal;К-71;2027-09-10;2027-09-10;per-l;;;;;;\n");

        assertThat(epos.staff(COLLEGE)).doesNotContainKey("per-l");
        StaffSla.OrderSla dismissal = sla.report(COLLEGE).stream().filter(order -> order.orderKey().equals("ord-d")).findFirst().orElseThrow();
        assertThat(dismissal.violation()).as("the seed's clock: the information is due on the day of the order").isTrue();
        assertThat(dismissal.reason()).startsWith("ORDER_RECEIVED_LATE");
    }

    @Test
    void substitute_gets_the_absent_teachers_groups_for_the_dates_only_and_loses_them_on_cancellation() {
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        syncAndWait(false);
        at(zone, "2027-02-01T09:00");
        file(COLLEGE, "orders.csv", HEADER
                + "ord-a;hire;К-2;2027-01-20;2027-02-01;per-a;Отсутствующая;Мария;;m@test.spo-college.example;+79120005502;ПРП\n"
                + "ord-b;hire;К-3;2027-01-20;2027-02-01;per-b;Замещающий;Олег;;o@test.spo-college.example;+79120005503;ПРП\n"
                + "ord-c;hire;К-4;2027-01-20;2027-02-01;per-c;Второй;Иван;;i@test.spo-college.example;+79120005504;МПО\n");
        file(COLLEGE, "workload.csv", "workload_id;teacher_id;discipline_code;discipline_kind;group;subgroup;hours\n"
                + "wl-1;per-a;ОП.01;УД;ИСП-21;;72\nwl-2;per-a;МДК.01.01;МДК;ИСП-21;1;36\n");
        file(COLLEGE, "substitutions.csv", "substitution_id;absent_teacher_id;substitute_id;date_from;date_to;cancelled\n"
                + "sub-1;per-a;per-b;2027-02-10;2027-02-12;\nsub-2;per-a;per-c;2027-02-11;2027-02-15;\n");

        refreshAt(COLLEGE, zone, "2027-02-09T23:59");
        assertThat(epos.hasAccess(COLLEGE, "per-b", "ИСП-21", "ОП.01")).isFalse();
        refreshAt(COLLEGE, zone, "2027-02-10T00:01");
        assertThat(epos.hasAccess(COLLEGE, "per-b", "ИСП-21", "ОП.01")).isTrue();
        assertThat(epos.hasAccess(COLLEGE, "per-b", "ИСП-21", "МДК.01.01")).isTrue();
        assertThat(epos.hasAccess(COLLEGE, "per-c", "ИСП-21", "ОП.01")).isFalse();
        refreshAt(COLLEGE, zone, "2027-02-11T00:01");
        assertThat(epos.hasAccess(COLLEGE, "per-b", "ИСП-21", "ОП.01")).as("overlapping substitutions both hold").isTrue();
        assertThat(epos.hasAccess(COLLEGE, "per-c", "ИСП-21", "ОП.01")).isTrue();
        refreshAt(COLLEGE, zone, "2027-02-12T23:59");
        assertThat(epos.hasAccess(COLLEGE, "per-b", "ИСП-21", "ОП.01")).isTrue();
        refreshAt(COLLEGE, zone, "2027-02-13T00:01");
        assertThat(epos.hasAccess(COLLEGE, "per-b", "ИСП-21", "ОП.01")).as("closed after the last day").isFalse();
        assertThat(epos.hasAccess(COLLEGE, "per-c", "ИСП-21", "ОП.01")).isTrue();

        file(COLLEGE, "cancel.csv", "substitution_id;absent_teacher_id;substitute_id;date_from;date_to;cancelled\n"
                + "sub-2;per-a;per-c;2027-02-11;2027-02-15;да\n");
        awaitAllRuns();
        assertThat(epos.hasAccess(COLLEGE, "per-c", "ИСП-21", "ОП.01")).as("cancelled early").isFalse();
    }

    @Test
    void a_platform_down_all_day_is_an_sla_violation_listed_first_with_its_reason() {
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        at(zone, "2027-04-01T08:00");
        file(COLLEGE, "orders.csv", HEADER
                + "ord-ok;hire;К-10;2027-03-25;2027-04-01;per-ok;Успешная;Вера;;v@test.spo-college.example;+79120005510;ПРП\n");
        epos.faults().failAlways(503);
        file(COLLEGE, "orders2.csv", HEADER
                + "ord-down;hire;К-11;2027-03-25;2027-04-01;per-down;Неудачный;Глеб;;g@test.spo-college.example;+79120005511;ПРП\n");
        refreshAt(COLLEGE, zone, "2027-04-01T20:00");

        epos.faults().clear();
        refreshAt(COLLEGE, zone, "2027-04-02T09:00");

        List<StaffSla.OrderSla> report = sla.report(COLLEGE);
        assertThat(report.get(0).orderKey()).isEqualTo("ord-down");
        assertThat(report.get(0).violation()).isTrue();
        assertThat(report.get(0).reason()).contains("PLATFORM_UNAVAILABLE").contains("503");
        StaffSla.OrderSla ok = report.stream().filter(order -> order.orderKey().equals("ord-ok")).findFirst().orElseThrow();
        assertThat(ok.violation()).isFalse();
        assertThat(epos.staff(COLLEGE)).containsKeys("per-ok", "per-down");
    }

    @Test
    void an_order_received_after_its_day_is_applied_and_reported_as_received_late() {
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        at(zone, "2027-05-05T10:00");
        file(COLLEGE, "late.csv", HEADER
                + "ord-late;hire;К-20;2027-04-28;2027-05-01;per-late;Поздний;Лев;;l@test.spo-college.example;+79120005520;ПРП\n");

        assertThat(epos.staff(COLLEGE)).containsKey("per-late");
        StaffSla.OrderSla order = sla.report(COLLEGE).get(0);
        assertThat(order.violation()).isTrue();
        assertThat(order.reason()).startsWith("ORDER_RECEIVED_LATE");
    }

    @Test
    void a_future_order_is_kept_by_the_persistent_scheduler_and_fires_once_after_a_restart() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        at(zone, "2027-06-01T12:00");
        file(COLLEGE, "orders.csv", HEADER
                + "ord-f;hire;К-30;2027-06-01;2027-06-10;per-f;Будущая;Ольга;;f@test.spo-college.example;+79120005530;ПРП\n");
        Instant due = LocalDate.of(2027, 6, 10).atStartOfDay(zone).toInstant();
        var key = StaffSchedule.triggerKey(COLLEGE, due);
        assertThat(jdbc.queryForObject("SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = ?", Long.class, key.getName()))
                .as("the trigger is in the database, not only in memory").isEqualTo(due.toEpochMilli());
        assertThat(epos.staff(COLLEGE)).doesNotContainKey("per-f");

        // restart: the hub's scheduler stops; a new one knows only what the database holds
        scheduler.standby();
        org.quartz.Scheduler restarted = restartedScheduler();
        assertThat(restarted.checkExists(key)).isTrue();
        assertThat(restarted.getTrigger(key).getNextFireTime().toInstant()).isEqualTo(due);

        at(zone, "2027-06-10T00:01");
        // the day has come: let the restored trigger fire now instead of at the real-world instant
        restarted.rescheduleJob(key, org.quartz.TriggerBuilder.newTrigger().withIdentity(key).forJob(restarted.getTrigger(key).getJobKey())
                .usingJobData(restarted.getTrigger(key).getJobDataMap()).startNow().build());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> epos.staff(COLLEGE).containsKey("per-f"));
        awaitAllRuns();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !restarted.checkExists(key));
        camel.sendBodyAndHeaders(StaffRoutes.REFRESH, null, Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.TRIGGER, "daily"));
        awaitAllRuns();
        assertThat(epos.deliveries(COLLEGE, "per-f")).as("created once").isEqualTo(1);
        restarted.shutdown(true);
    }

    @Test
    void bad_hr_input_gives_per_record_errors_and_the_rest_goes_through() {
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        at(zone, "2027-07-01T10:00");
        String csv = HEADER
                + "ord-1;hire;К-1;2027-07-01;2027-07-01;per-1;Годная;Яна;;y@test.spo-college.example;+79120005540;ПРП\n"
                + "ord-2;hire;К-2;2027-07-01;2027-07-01;per-2;Странная;Ия;;s@test.spo-college.example;+79120005541;КОСМОНАВТ\n"
                + "ord-3;dismissal;К-3;2027-07-01;2027-07-01;per-never;;;;;;\n"
                + "ord-4;hire;К-4;2027-07-01;2027-07-01;per-4;Дубль;Ян;;d@test.spo-college.example;+79120005542;ПРП\n"
                + "ord-4;hire;К-4;2027-07-01;2027-07-02;per-4;Дубль;Ян;;d@test.spo-college.example;+79120005542;ПРП\n"
                + "ord-5;hire;К-5;2027-07-01;2027-07-01;per-5;Безпочтовая;Ада;;;+79120005543;ПРП\n";
        fileBytes(COLLEGE, "cp1251.csv", csv.getBytes(Charset.forName("windows-1251")));
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <msg:Message xmlns:msg="http://www.1c.ru/SSL/Exchange/Message" xmlns="http://v8.1c.ru/edi/edi_stnd/EnterpriseData/1.11">
                  <msg:Header><msg:Format>http://v8.1c.ru/edi/edi_stnd/EnterpriseData/1.11</msg:Format></msg:Header>
                  <Body>
                    <Документ.ПриемНаРаботу>
                      <КлючевыеСвойства><Ссылка>ord-x1</Ссылка><Номер>К-50</Номер><Дата>2027-07-01T09:00:00</Дата></КлючевыеСвойства>
                      <ФизическоеЛицо><Ссылка>per-x1</Ссылка><Фамилия>Иксова</Фамилия><Имя>Ирина</Имя><АдресЭП>x1@test.spo-college.example</АдресЭП><Телефон>+79120005550</Телефон></ФизическоеЛицо>
                      <Должность><Код>МПО</Код></Должность>
                      <ДатаПриема>2027-07-01</ДатаПриема>
                    </Документ.ПриемНаРаботу>
                    <Документ.ПриемНаРаботу>
                      <КлючевыеСвойства><Ссылка>ord-x2</Ссылка><Номер>К-51</Номер>""";
        fileBytes(COLLEGE, "truncated.xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(epos.staff(COLLEGE)).containsOnlyKeys("per-1", "per-x1");
        Map<String, String> codes = new HashMap<>();
        jdbc.queryForList("SELECT entity_key, field, code FROM rejected_record WHERE resolved_at IS NULL")
                .forEach(row -> codes.put((String) row.get("entity_key"), row.get("field") + "/" + row.get("code")));
        assertThat(codes).containsEntry("ord-2", "position/UNKNOWN_POSITION")
                .containsEntry("ord-3", "person/DISMISSAL_WITHOUT_HIRE")
                .containsEntry("ord-4", "orderId/DUPLICATE_ORDER")
                .containsEntry("ord-5", "email/REQUIRED");
        assertThat(codes.entrySet()).anySatisfy(entry -> {
            assertThat(entry.getKey()).startsWith("truncated.xml");
            assertThat(entry.getValue()).isEqualTo("-/MALFORMED_XML");
        });
    }

    @Test
    void a_broken_quote_in_row_two_of_seven_refuses_that_row_alone_by_its_line_and_the_five_after_it_are_accepted() {
        at(ZoneId.of("Asia/Yekaterinburg"), "2027-07-01T10:00");
        StringBuilder csv = new StringBuilder(HEADER)
                .append("ord-1;hire;\"К-1;2027-07-01;2027-07-01;per-1;Первая;Яна;;p1@test.spo-college.example;+79120005560;ПРП\n");
        for (int i = 2; i <= 6; i++) {
            csv.append("ord-").append(i).append(";hire;К-").append(i).append(";2027-07-01;2027-07-01;per-").append(i)
                    .append(";\"Кавычкина\";Ия;;p").append(i).append("@test.spo-college.example;+7912000556").append(i).append(";ПРП\n");
        }

        SyncRuns.Run run = runs.get(fileRun(COLLEGE, "seven.csv", csv.toString().getBytes(StandardCharsets.UTF_8))).orElseThrow();

        assertThat(run.status()).isIn(SyncRuns.COMPLETED, SyncRuns.COMPLETED_WITH_ERRORS);
        assertThat(run.sourceCounts()).containsExactly(Map.entry("строк", 6));
        assertThat(run.changed()).isEqualTo(5);
        assertThat(run.rejected()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT entity_key || ' ' || code FROM rejected_record WHERE run_id = ?", String.class, run.id()))
                .containsExactly("seven.csv:2 MALFORMED_ROW");
        assertThat(epos.staff(COLLEGE)).containsOnlyKeys("per-2", "per-3", "per-4", "per-5", "per-6");
    }

    @Test
    void a_file_in_a_layout_the_staff_inbox_does_not_take_is_refused_naming_the_columns_and_the_closest_layout() {
        long runId = fileRun(COLLEGE, "marks.csv", "student_id;date;bell;value\nstu-1;2027-07-01;1;5\n".getBytes(StandardCharsets.UTF_8));

        SyncRuns.Run run = runs.get(runId).orElseThrow();
        assertThat(run.status()).isEqualTo(SyncRuns.FILE_REFUSED);
        assertThat(run.refusedFiles()).isEqualTo(1);
        assertThat(run.sourceCounts()).containsExactly(Map.entry("строк", 0));
        assertThat(run.error()).contains("найдены столбцы student_id; date; bell; value", "«приказы по кадрам» (order_id;",
                "Ближе всего — «ведомость отметок»", "раздел «Отметки»");
        assertThat(jdbc.queryForList("SELECT entity_key || ' ' || field || ' ' || code FROM rejected_record WHERE run_id = ?", String.class, runId))
                .containsExactly("marks.csv header UNKNOWN_FILE");
        assertThat(run.published()).isZero();
    }

    @Test
    void an_order_refused_in_one_file_and_fixed_in_the_next_has_its_refusal_closed_by_the_run_that_fixed_it() {
        at(ZoneId.of("Asia/Yekaterinburg"), "2027-07-01T10:00");
        String wrong = HEADER + "ord-7;hire;К-7;2027-07-01;2027-07-01;per-7;Исправленная;Ева;;e@test.spo-college.example;+79120005570;КОСМОНАВТ\n";
        fileRun(COLLEGE, "first.csv", wrong.getBytes(StandardCharsets.UTF_8));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE entity_key = 'ord-7' AND resolved_at IS NULL", Integer.class)).isEqualTo(1);

        long fixed = fileRun(COLLEGE, "second.csv", wrong.replace("КОСМОНАВТ", "ПРП").getBytes(StandardCharsets.UTF_8));

        assertThat(runs.get(fixed).orElseThrow().closedRejections()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE entity_key = 'ord-7' AND resolved_at IS NULL", Integer.class)).isZero();
        assertThat(epos.staff(COLLEGE)).containsKey("per-7");
    }

    private static Instant midnight(ZoneId zone, String localDate) {
        return LocalDate.parse(localDate).atStartOfDay(zone).toInstant();
    }

    private void at(ZoneId zone, String localDateTime) {
        clock.set(LocalDateTime.parse(localDateTime).atZone(zone).toInstant());
    }

    private void refreshAt(String college, ZoneId zone, String localDateTime) {
        at(zone, localDateTime);
        camel.sendBodyAndHeaders(StaffRoutes.REFRESH, null, Map.of(FlowHeaders.COLLEGE, college, FlowHeaders.TRIGGER, "test"));
        awaitAllRuns();
    }

    private void file(String college, String name, String text) {
        fileBytes(college, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void fileBytes(String college, String name, byte[] content) {
        camel.request(StaffRoutes.FILE, exchange -> {
            exchange.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, college, FlowHeaders.TRIGGER, "test", Exchange.FILE_NAME, name));
            exchange.getIn().setBody(content);
        });
        awaitAllRuns();
    }

    /** Sends a file through the staff route and returns its run, once every run has ended. */
    private long fileRun(String college, String name, byte[] content) {
        Exchange exchange = camel.request(StaffRoutes.FILE, ex -> {
            ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, college, FlowHeaders.TRIGGER, "test", Exchange.FILE_NAME, name));
            ex.getIn().setBody(content);
        });
        awaitAllRuns();
        return exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class);
    }

    private void awaitAllRuns() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> runs.recent(COLLEGE, 50).stream().allMatch(run -> run.finished() || SyncRuns.HELD.equals(run.status()))
                        && runs.recent("test-aisepo", 50).stream().allMatch(SyncRuns.Run::finished));
    }

    private org.quartz.Scheduler restartedScheduler() throws Exception {
        org.springframework.scheduling.quartz.SchedulerFactoryBean factory = new org.springframework.scheduling.quartz.SchedulerFactoryBean();
        java.util.Properties properties = new java.util.Properties();
        properties.put("org.quartz.scheduler.instanceName", "spo-bridge");
        properties.put("org.quartz.scheduler.instanceId", "restarted-hub");
        properties.put("org.quartz.jobStore.isClustered", "true");
        properties.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.put("org.quartz.threadPool.threadCount", "1");
        factory.setQuartzProperties(properties);
        factory.setDataSource(applicationContext.getBean(javax.sql.DataSource.class));
        org.springframework.scheduling.quartz.SpringBeanJobFactory jobs = new org.springframework.scheduling.quartz.SpringBeanJobFactory();
        jobs.setApplicationContext(applicationContext);
        factory.setJobFactory(jobs);
        factory.setApplicationContext(applicationContext);
        factory.afterPropertiesSet();
        factory.start();
        return factory.getScheduler();
    }

    @Autowired
    private org.springframework.context.ApplicationContext applicationContext;
}
