package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.spobridge.app.notify.NotificationWatch;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.routes.store.UserScopes;

/**
 * Notifications through real parts: mail into an in-process SMTP server (GreenMail), webhooks into an HTTP server on
 * loopback, events made by real runs of the hub. Whoever is subscribed gets what is about their college or region,
 * once, in Russian, and no message carries a student's name, СНИЛС, phone or e-mail.
 * A context of its own (its SMTP server), beside the shared one in this JVM.
 */
@DirtiesContext
@Import(NotificationsTest.OwnPort.class)
class NotificationsTest extends HubIntegrationTest {

    private static final int PORT_OF_THIS_CONTEXT = freePort();
    private static final int SMTP_PORT = freePort();
    private static final String WEBHOOK_SECRET = "test-webhook-secret";
    private static final String CONSOLE = "https://spo.example.ru";
    private static final String PERM = "Пермский край";
    private static final String COLLEGE_IT = "it@test-college.example";
    private static final String MINISTRY = "monitoring@minobr.example";
    private static final String OTHER_COLLEGE_IT = "it@test-sgo.example";
    /** What a student's record carries and no message may: the planted surname and the fixtures' СНИЛС, phone, e-mail. */
    private static final List<String> PERSONAL_DATA = List.of("Шлиссельбургская", "Евфросиния", "Проверкина", "Дарья", "Игоревна",
            "112-233-445 95", "11223344595", "000-11-22", "9120001122", "test.spo-college.example", "2007-05-20", "20.05.2007");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("tester:test-password".getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnPort {
        @Bean
        WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> portOfThisContext() {
            return factory -> factory.setPort(PORT_OF_THIS_CONTEXT);
        }
    }

    @DynamicPropertySource
    static void smtpAndOwnPort(DynamicPropertyRegistry registry) {
        String here = "http://127.0.0.1:" + PORT_OF_THIS_CONTEXT;
        for (String[] college : new String[][] {{"test-college", "epos"}, {"test-sgo", "sgo"}, {"test-aisepo", "aisepo"}}) {
            String prefix = "spo.colleges." + college[0] + ".";
            registry.add(prefix + "targets." + college[1] + ".base-url", () -> here + "/" + college[1] + "-sim");
            registry.add(prefix + "contingent.address", () -> here + "/contingent-sim/ws");
            registry.add(prefix + "contingent.token-url", () -> here + "/contingent-sim/integration/v1/token");
            registry.add(prefix + "marks.journal.address", () -> here + "/journal-sim/api/v1/");
        }
        registry.add("spring.artemis.embedded.server-id", () -> "15");
        registry.add("spring.quartz.scheduler-name", () -> "spo-bridge-notifications-test");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "spo-bridge-notifications-test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spo.notifications.from", () -> "spo-bridge@hub.example");
        registry.add("spo.notifications.webhook-secret", () -> WEBHOOK_SECRET);
        // the test asks for alerts and summaries itself
        registry.add("spo.notifications.poll-interval", () -> "1h");
        registry.add("spo.console.base-url", () -> CONSOLE);
        registry.add("spo.notifications.dead-letter-threshold", () -> "5");
        registry.add("spo.notifications.circuit-open-after", () -> "5m");
    }

    @Autowired
    private NotificationWatch watch;
    @Autowired
    private UserScopes users;
    @Autowired
    private ru.spobridge.simulators.journal.JournalSimulator journal;
    @Autowired
    private org.apache.camel.ProducerTemplate camel;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Map.Entry<String, String>> webhooks = new CopyOnWriteArrayList<>();
    private HttpServer webhookReceiver;

    @BeforeEach
    void noSubscriptionsAndAReceiver() throws IOException {
        journal.reset();
        jdbc.execute("DELETE FROM notification_subscription");
        jdbc.execute("DELETE FROM notification_sent");
        webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookReceiver.createContext("/hook", exchange -> {
            webhooks.add(Map.entry(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    String.valueOf(exchange.getRequestHeaders().getFirst("X-Spo-Signature"))));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        webhookReceiver.stop(0);
        jdbc.update("DELETE FROM user_scope WHERE username = 'it-perm'");
        jdbc.update("DELETE FROM hub_user WHERE username = 'it-perm'");
    }

    @Test
    void a_held_run_is_told_at_once_to_its_college_and_the_ministry_and_to_nobody_else() throws Exception {
        subscribe("COLLEGE", COLLEGE, "ИТ-специалист колледжа", "EMAIL", COLLEGE_IT, List.of("HELD_RUN", "DIGEST"));
        subscribe("REGION", PERM, "министерство", "EMAIL", MINISTRY, List.of("HELD_RUN", "REGION_SUMMARY"));
        subscribe("COLLEGE", "test-sgo", "ИТ-специалист колледжа", "EMAIL", OTHER_COLLEGE_IT, List.of("HELD_RUN", "DIGEST"));
        subscribe("COLLEGE", COLLEGE, "дежурная система колледжа", "WEBHOOK", webhookAddress(), List.of("HELD_RUN"));
        long held = heldRun();

        assertThat(watch.sendAlerts()).as("two e-mails and one webhook").isEqualTo(3);

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(recipients(received)).containsExactlyInAnyOrder(COLLEGE_IT, MINISTRY).doesNotContain(OTHER_COLLEGE_IT);
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).isEqualTo("Задержан запуск № " + held + " («Контингент»): Тестовый колледж — нужно решение");
            assertThat(message.getFrom()[0].toString()).isEqualTo("spo-bridge@hub.example");
            assertThat(body(message)).contains("Запуск № " + held + " задержан до решения оператора", "11,0 %",
                    CONSOLE + "/held.html?run=" + held);
        }
        assertThat(webhooks).hasSize(1);
        JsonNode hook = JSON.readTree(webhooks.get(0).getKey());
        assertThat(hook.get("kind").asText()).isEqualTo("HELD_RUN");
        assertThat(hook.get("college").asText()).isEqualTo(COLLEGE);
        assertThat(hook.get("title").asText()).contains("Задержан запуск № " + held);
        assertThat(hook.get("consoleUrl").asText()).isEqualTo(CONSOLE + "/held.html?run=" + held);
        assertThat(hook.get("at").asText()).isNotBlank();
        assertThat(webhooks.get(0).getValue()).as("signed with the shared secret")
                .isEqualTo("sha256=" + hmac(webhooks.get(0).getKey().getBytes(StandardCharsets.UTF_8)));

        assertThat(watch.sendAlerts()).as("an occurrence is told once").isZero();
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(webhooks).hasSize(1);
        assertNoPersonalData();
    }

    @Test
    void a_source_down_a_platform_off_for_long_and_too_many_dead_letters_are_each_told_once_to_whom_they_concern() throws Exception {
        subscribe("ALL", null, "региональный центр обработки данных", "EMAIL", "noc@center.example",
                List.of("SOURCE_UNREACHABLE", "DEAD_LETTERS", "CIRCUIT_OPEN"));
        subscribe("COLLEGE", COLLEGE, "ИТ-специалист колледжа", "EMAIL", COLLEGE_IT, List.of("SOURCE_UNREACHABLE", "DEAD_LETTERS", "CIRCUIT_OPEN"));
        contingent.putGroup("1024200000032", SourceData.group("ИСП-21"));
        for (int i = 1; i <= 10; i++) {
            contingent.putStudent("1024200000032", SourceData.student("stu-78%02d".formatted(i), s -> s.setLastName("Шлиссельбургская")));
        }
        aisepo.faults().failAlways(503);
        SyncRuns.Run platformDown = syncAndWait("test-aisepo", false);
        assertThat(platformDown.deadLetters()).as("over the threshold of 5").isGreaterThan(5);
        contingent.faults().failAlways(503);
        Long sourceDown = commands.runContingent(COLLEGE, false, "test");
        assertThat(runs.get(sourceDown).orElseThrow().status()).isEqualTo(SyncRuns.FAILED);
        contingent.faults().clear();
        clock.set(java.time.Instant.now());

        assertThat(watch.sendAlerts()).as("source to both, dead letters of test-aisepo to the centre; the circuit not yet").isEqualTo(3);
        clock.set(clock.instant().plus(java.time.Duration.ofMinutes(6)));
        assertThat(watch.sendAlerts()).as("the circuit open past 5 minutes, to the centre only: test-college has no АИС ЭПО").isEqualTo(1);
        assertThat(watch.sendAlerts()).isZero();

        List<String> toCollege = new ArrayList<>();
        List<String> toCentre = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            (recipients(new MimeMessage[] {message}).contains(COLLEGE_IT) ? toCollege : toCentre).add(message.getSubject());
        }
        assertThat(toCollege).containsExactly("Источник недоступен: «Контингент», Тестовый колледж (запуск № " + sourceDown + ")");
        assertThat(toCentre).containsExactlyInAnyOrder("Источник недоступен: «Контингент», Тестовый колледж (запуск № " + sourceDown + ")",
                "Недоставленных записей больше порога: " + platformDown.deadLetters() + ", Тестовый техникум АИС ЭПО",
                "Платформа АИС ЭПО недоступна дольше 5 минут");
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(message -> {
            try {
                return body(message);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).anyMatch(text -> text.contains("не выполнен: данные источника не получены") && text.contains("503"))
                .anyMatch(text -> text.contains("Предохранитель отключил отправку на платформу после серии ошибок и не закрыт уже 6 минут"));
        assertNoPersonalData();
    }

    @Test
    void marks_entered_past_the_deadline_are_told_to_the_deputy_director_once_a_day_by_group() throws Exception {
        subscribe("COLLEGE", COLLEGE, "заместитель директора по учебной работе", "EMAIL", "zam@test-college.example", List.of("MARKS_LATE"));
        ZoneId yekaterinburg = ZoneId.of("Asia/Yekaterinburg");
        clock.set(LocalDateTime.of(2026, 9, 8, 11, 0).atZone(yekaterinburg).toInstant());
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-9001", s -> {
            s.getGuardian().clear();
            s.setLastName("Шлиссельбургская");
        }));
        syncAndWait(false);
        clock.set(LocalDateTime.of(2026, 9, 16, 10, 0).atZone(yekaterinburg).toInstant());
        java.time.Instant given = java.time.Instant.parse("2026-09-07T05:00:00Z");
        journal.putMark(COLLEGE, "m-late", "stu-9001", "dbg:2026-09-07:1:ИСП-21:ОП.01", "4", "current", "per-t1", given);
        journal.putMark(COLLEGE, "m-work", "stu-9001", "dbg:2026-09-07:2:ИСП-21:ОП.01", "3", "written", "per-t1", given);
        journal.putMark(COLLEGE, "m-fresh", "stu-9001", "dbg:2026-09-14:2:ИСП-21:ОП.01", "5", "current", "per-t1", given);
        org.apache.camel.Exchange pull = camel.request(ru.spobridge.routes.marks.MarksRoutes.PULL, ex -> ex.getIn().setHeaders(
                Map.of(ru.spobridge.routes.flow.FlowHeaders.COLLEGE, COLLEGE, ru.spobridge.routes.flow.FlowHeaders.TRIGGER, "test")));
        awaitRun(pull.getMessage().getHeader(ru.spobridge.routes.flow.FlowHeaders.RUN, Long.class));

        assertThat(watch.sendAlerts()).isEqualTo(1);
        assertThat(watch.sendAlerts()).as("once a day").isZero();

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Отметки позже срока: 2, Тестовый колледж");
        assertThat(body(received[0])).contains("Отметок внесено в журнал позже срока колледжа: 2, в 1 группе.", "По группам: ИСП-21 — 2.",
                CONSOLE + "/reports.html?college=test-college");
        assertNoPersonalData();
    }

    @Test
    void a_staff_order_past_its_day_is_told_to_the_college_with_its_number_not_the_person() throws Exception {
        subscribe("COLLEGE", COLLEGE, "отдел кадров колледжа", "EMAIL", "hr@test-college.example", List.of("SLA_VIOLATION"));
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        String header = "order_id;kind;order_no;order_date;effective_date;person_id;last_name;first_name;middle_name;email;phone;position_code\n";
        clock.set(LocalDateTime.of(2027, 9, 1, 10, 0).atZone(zone).toInstant());
        staffFile("hire.csv", header + "ord-h;hire;К-70;2027-09-01;2027-09-01;per-l;Шлиссельбургская;Евфросиния;;"
                + "e.sh@test.spo-college.example;+79120005570;ПРП\n");
        clock.set(LocalDateTime.of(2027, 9, 11, 0, 30).atZone(zone).toInstant());
        staffFile("dismissal.csv", header + "ord-d;dismissal;К-71;2027-09-10;2027-09-10;per-l;;;;;;\n");

        assertThat(watch.sendAlerts()).isEqualTo(1);
        assertThat(watch.sendAlerts()).isZero();

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Нарушен срок по кадровому приказу № К-71: Тестовый колледж");
        assertThat(body(received[0])).contains("Кадровый приказ № К-71 (увольнение), вступает в силу 10.09.2027.",
                "Причина: приказ получен позже дня вступления в силу").doesNotContain("per-l", "5570");
        assertNoPersonalData();
    }

    @Test
    void the_digest_goes_to_its_college_and_the_regional_summary_to_the_ministry_in_russian_with_counts() throws Exception {
        subscribe("COLLEGE", COLLEGE, "ИТ-специалист колледжа", "EMAIL", COLLEGE_IT, List.of("DIGEST"));
        subscribe("REGION", PERM, "министерство", "EMAIL", MINISTRY, List.of("REGION_SUMMARY"));
        subscribe("COLLEGE", "test-sgo", "ИТ-специалист колледжа", "EMAIL", OTHER_COLLEGE_IT, List.of("DIGEST"));
        SyncRuns.Run first = seedAndSync();
        epos.faults().failAlways(503);
        contingent.putStudent(OGRN, SourceData.student("stu-7101", s -> s.getGuardian().clear()));
        SyncRuns.Run platformDown = syncAndWait(false);
        epos.faults().clear();
        assertThat(platformDown.deadLetters()).as("the new student, not delivered").isEqualTo(1);
        long held = heldRun();

        HttpResponse<String> digest = post("/api/admin/notifications/digest?college=" + COLLEGE);

        assertThat(digest.statusCode()).as(digest.body()).isEqualTo(200);
        assertThat(JSON.readTree(digest.body()).get("sent").asInt()).isEqualTo(1);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(recipients(received)).containsExactly(COLLEGE_IT);
        String subject = received[0].getSubject();
        String text = body(received[0]);
        assertThat(subject).startsWith("Сводка обмена за ").endsWith(": Тестовый колледж — требует внимания");
        assertThat(text).contains("Колледж: Тестовый колледж (test-college), регион: Пермский край",
                "Контингент: 3 запуска — завершён 1, завершён с ошибками 1, задержан 1",
                "Итого за сутки: доставлено " + first.delivered() + ", отклонено платформами 0, отклонено при проверке 0, недоставлено 1",
                "задержанные запуски, ждут решения: 1 — № " + held + " (Контингент)",
                "недоставленные записи у оператора: 1", "кадровые приказы с нарушением срока: 0", "отметки, внесённые позже срока: 0",
                "Открыть в консоли: " + CONSOLE + "/index.html?college=test-college");
        save("digest-sample.txt", received[0]);

        HttpResponse<String> summary = post("/api/admin/notifications/region-summary?region=" + java.net.URLEncoder.encode(PERM, StandardCharsets.UTF_8));

        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        received = mail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(recipients(new MimeMessage[] {received[1]})).containsExactly(MINISTRY);
        assertThat(received[1].getSubject()).startsWith("Сводка по региону Пермский край за ").endsWith(": 1 колледж, требуют внимания: 1");
        assertThat(body(received[1])).contains("━━ Тестовый колледж (test-college) — требует внимания",
                "Итого по региону: запусков 3, не выполнено 0, доставлено записей " + first.delivered(),
                "недоставленных ждут оператора 1, задержанных запусков 1")
                .doesNotContain("Тестовый колледж СГО");
        save("region-summary-sample.txt", received[1]);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE action LIKE 'NOTIFICATION%' ORDER BY id", String.class))
                .endsWith("NOTIFICATION_DIGEST_SENT", "NOTIFICATION_REGION_SUMMARY_SENT");
        assertNoPersonalData();
    }

    @Test
    void the_scheduled_digest_goes_once_a_day_after_its_time_in_the_college_zone() throws Exception {
        subscribe("COLLEGE", COLLEGE, "ИТ-специалист колледжа", "EMAIL", COLLEGE_IT, List.of("DIGEST"));
        ZoneId yekaterinburg = ZoneId.of("Asia/Yekaterinburg");

        clock.set(LocalDateTime.of(2026, 11, 30, 6, 59).atZone(yekaterinburg).toInstant());
        assertThat(watch.sendDueSummaries()).as("before 07:00 college time").isZero();
        clock.set(LocalDateTime.of(2026, 11, 30, 7, 1).atZone(yekaterinburg).toInstant());
        assertThat(watch.sendDueSummaries()).isEqualTo(1);
        clock.set(LocalDateTime.of(2026, 11, 30, 18, 0).atZone(yekaterinburg).toInstant());
        assertThat(watch.sendDueSummaries()).as("once a day").isZero();
        clock.set(LocalDateTime.of(2026, 12, 1, 7, 0).atZone(yekaterinburg).toInstant());
        assertThat(watch.sendDueSummaries()).as("the next day").isEqualTo(1);

        assertThat(mail.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactly("Сводка обмена за 30.11.2026: Тестовый колледж — без замечаний",
                        "Сводка обмена за 01.12.2026: Тестовый колледж — без замечаний");
    }

    @Test
    void a_recipient_bound_to_a_user_gets_nothing_of_colleges_that_user_no_longer_sees() throws Exception {
        users.replace("it-perm", List.of(new UserScopes.Scope("ALL", "*")), "tester");
        subscribe("ALL", null, "дежурный регионального центра", "EMAIL", "duty@center.example", List.of("HELD_RUN"), "it-perm");
        users.replace("it-perm", List.of(new UserScopes.Scope("COLLEGE", "test-sgo")), "tester");
        heldRun();

        assertThat(watch.sendAlerts()).isZero();
        assertThat(mail.getReceivedMessages()).isEmpty();

        users.replace("it-perm", List.of(new UserScopes.Scope("REGION", PERM)), "tester");
        assertThat(watch.sendAlerts()).as("the college is in the user's region now").isEqualTo(1);
        assertThat(recipients(mail.getReceivedMessages())).containsExactly("duty@center.example");
    }

    @Test
    void a_wrong_subscription_is_refused_with_every_wrong_field_and_nothing_is_saved() throws Exception {
        HttpResponse<String> refused = send("POST", "/api/admin/notifications", Map.of("scope", "COLLEGE", "scopeId", "no-such-college",
                "role", " ", "channel", "EMAIL", "address", "Иванов Иван <ivanov>", "kinds", List.of("HELD_RUN", "REGION_SUMMARY", "GOSSIP")));

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode answer = JSON.readTree(refused.body());
        assertThat(answer.get("code").asText()).isEqualTo("INVALID_SETTINGS");
        List<String> fields = new ArrayList<>();
        answer.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("scopeId", "role", "address", "kinds", "kinds");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_subscription", Integer.class)).isZero();

        HttpResponse<String> webhook = send("POST", "/api/admin/notifications", Map.of("scope", "REGION", "scopeId", PERM,
                "role", "министерство", "channel", "WEBHOOK", "address", "ftp://hooks.example", "kinds", List.of("REGION_SUMMARY")));
        assertThat(webhook.statusCode()).isEqualTo(422);
        assertThat(webhook.body()).contains("\"field\":\"address\"");

        long id = subscribe("COLLEGE", COLLEGE, "ИТ-специалист колледжа", "EMAIL", COLLEGE_IT, List.of("DIGEST"));
        JsonNode listed = JSON.readTree(send("GET", "/api/admin/notifications", null).body());
        assertThat(listed.get("subscriptions")).singleElement().satisfies(subscription -> {
            assertThat(subscription.get("scopeId").asText()).isEqualTo(COLLEGE);
            assertThat(subscription.get("role").asText()).isEqualTo("ИТ-специалист колледжа");
            assertThat(subscription.get("kinds").toString()).isEqualTo("[\"DIGEST\"]");
        });
        assertThat(listed.get("kinds").get("HELD_RUN").asText()).isEqualTo("задержанный запуск");
        HttpResponse<String> test = post("/api/admin/notifications/test?subscription=" + id);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
        assertThat(mail.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("Проверка уведомлений spo-bridge");
        assertThat(send("DELETE", "/api/admin/notifications/" + id, null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/admin/notifications/" + id, null).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForList("SELECT subject FROM audit_log WHERE action LIKE 'NOTIFICATION%'", String.class))
                .as("audited by the subscription's number, never its address").allSatisfy(subject -> assertThat(subject).isEqualTo("подписка " + id));
    }

    private void staffFile(String name, String csv) {
        org.apache.camel.Exchange file = camel.request(ru.spobridge.routes.staff.StaffRoutes.FILE, ex -> {
            ex.getIn().setHeaders(Map.of(ru.spobridge.routes.flow.FlowHeaders.COLLEGE, COLLEGE, ru.spobridge.routes.flow.FlowHeaders.TRIGGER,
                    "test", org.apache.camel.Exchange.FILE_NAME, name));
            ex.getIn().setBody(csv.getBytes(StandardCharsets.UTF_8));
        });
        awaitRun(file.getMessage().getHeader(ru.spobridge.routes.flow.FlowHeaders.RUN, Long.class));
    }

    /** 100 students of test-college, one with the planted surname; the first sync delivers them all. */
    private SyncRuns.Run seedAndSync() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 100; i++) {
            String id = "stu-7%03d".formatted(i);
            contingent.putStudent(OGRN, SourceData.student(id, s -> {
                s.getGuardian().clear();
                if (id.equals("stu-7001")) {
                    s.setLastName("Шлиссельбургская");
                    s.setFirstName("Евфросиния");
                }
            }));
        }
        SyncRuns.Run run = syncAndWait(false);
        assertThat(run.status()).isEqualTo(SyncRuns.COMPLETED);
        return run;
    }

    /** The eleven-percent expulsion that holds a contingent run (the planted student among the expelled). */
    private long heldRun() {
        if (runs.latest().stream().noneMatch(run -> COLLEGE.equals(run.collegeId()))) {
            seedAndSync();
        }
        for (int i = 1; i <= 11; i++) {
            contingent.addMovement(OGRN, SourceData.movement("mov-7%03d".formatted(i), "stu-7%03d".formatted(i), "expulsion", "2026-01-20", null));
        }
        Long runId = commands.runContingent(COLLEGE, false, "test");
        assertThat(runs.get(runId).orElseThrow().status()).isEqualTo(SyncRuns.HELD);
        return runId;
    }

    private void assertNoPersonalData() throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            texts.add(message.getSubject());
            texts.add(body(message));
        }
        webhooks.forEach(hook -> texts.add(hook.getKey()));
        assertThat(texts).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(PERSONAL_DATA));
    }

    private long subscribe(String scope, String scopeId, String role, String channel, String address, List<String> kinds) throws Exception {
        return subscribe(scope, scopeId, role, channel, address, kinds, null);
    }

    private long subscribe(String scope, String scopeId, String role, String channel, String address, List<String> kinds, String user)
            throws Exception {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("scope", scope, "role", role, "channel", channel, "address", address,
                "kinds", kinds));
        if (scopeId != null) {
            request.put("scopeId", scopeId);
        }
        if (user != null) {
            request.put("username", user);
        }
        HttpResponse<String> answer = send("POST", "/api/admin/notifications", request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("id").asLong();
    }

    private HttpResponse<String> post(String path) throws Exception {
        return send("POST", path, null);
    }

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_OF_THIS_CONTEXT + path))
                .header("Authorization", BASIC).header("X-Requested-With", "test").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String webhookAddress() {
        return "http://127.0.0.1:" + webhookReceiver.getAddress().getPort() + "/hook";
    }

    private static List<String> recipients(MimeMessage[] messages) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : messages) {
            Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).forEach(to::add);
        }
        return to;
    }

    private static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private static String hmac(byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload));
    }

    /** The rendered message as the lead quotes it: target/notifications/NAME. */
    private static void save(String name, MimeMessage message) throws Exception {
        Path file = Path.of("target", "notifications", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "From: " + message.getFrom()[0] + "\nTo: " + String.join(", ", recipients(new MimeMessage[] {message}))
                + "\nSubject: " + message.getSubject() + "\n\n" + body(message), StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
