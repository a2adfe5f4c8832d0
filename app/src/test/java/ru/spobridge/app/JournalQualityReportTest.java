package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.schedule.LessonStatus;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.simulators.journal.JournalSimulator;

/**
 * The monthly journal-quality report end to end: built over the API from marks pulled from the journal and lessons in
 * the store, its XLSX read back with Apache POI and its PDF's text with PDFBox hold the same shares, and the deputy
 * director's message is sent (into an in-process SMTP server) and recorded once. A context of its own (its SMTP server).
 */
@DirtiesContext
@Import(JournalQualityReportTest.OwnPort.class)
class JournalQualityReportTest extends HubIntegrationTest {

    private static final int PORT_OF_THIS_CONTEXT = freePort();
    private static final int SMTP_PORT = freePort();
    private static final String DEPUTY = "zam-ur@test-college.example";
    private static final String LESSON = "dbg:2026-09-07:1:ИСП-21:ОП.01";
    private static final Instant GIVEN = Instant.parse("2026-09-07T05:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

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
    static void smtpOwnPortAndDeputy(DynamicPropertyRegistry registry) {
        String here = "http://127.0.0.1:" + PORT_OF_THIS_CONTEXT;
        for (String[] college : new String[][] {{"test-college", "epos"}, {"test-sgo", "sgo"}, {"test-aisepo", "aisepo"}}) {
            String prefix = "spo.colleges." + college[0] + ".";
            registry.add(prefix + "targets." + college[1] + ".base-url", () -> here + "/" + college[1] + "-sim");
            registry.add(prefix + "contingent.address", () -> here + "/contingent-sim/ws");
            registry.add(prefix + "contingent.token-url", () -> here + "/contingent-sim/integration/v1/token");
            registry.add(prefix + "marks.journal.address", () -> here + "/journal-sim/api/v1/");
        }
        registry.add("spring.artemis.embedded.server-id", () -> "21");
        registry.add("spring.quartz.scheduler-name", () -> "spo-bridge-quality-test");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "spo-bridge-quality-test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spo.notifications.poll-interval", () -> "1h");
        registry.add("spo.console.base-url", () -> "https://spo.example.ru");
        registry.add("spo.quality.colleges.test-college.deputy-email", () -> DEPUTY);
    }

    @Autowired
    private JournalSimulator journal;
    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private CanonicalRecords canonical;
    @Autowired
    private CanonicalJson json;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void aMonthOfTheJournal() {
        jdbc.execute("DELETE FROM notification_subscription");
        jdbc.execute("DELETE FROM notification_sent");
        jdbc.execute("DELETE FROM journal_quality_report");
        journal.reset();
        clock.set(Instant.parse("2026-09-08T06:00:00Z"));
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        for (String student : List.of("stu-9001", "stu-9002", "stu-9003")) {
            contingent.putStudent(OGRN, SourceData.student(student, s -> s.getGuardian().clear()));
        }
        syncAndWait(COLLEGE, false);
        // the schedule and the topics as their flows store them: two lessons, a topic and homework for the first only
        canonical.saveChanged(COLLEGE, "lesson", "asc", List.of(
                lesson(LocalDate.parse("2026-09-07"), "ОП.01", "per-t1"), lesson(LocalDate.parse("2026-09-08"), "МДК.01", "per-t2")), json);
        canonical.saveChanged(COLLEGE, LessonEntry.ENTITY_TYPE, "journal", List.of(new CanonicalRecords.Candidate(LESSON, LESSON,
                new LessonEntry(COLLEGE, LESSON, 1, LocalDate.parse("2026-09-07"), 1, "ИСП-21", "ОП.01", "per-t1", 1, "Введение в дисциплину",
                        null, "§1, вопросы 1–5", GIVEN, GIVEN, false), "занятие")), json);
        journal.putMark(COLLEGE, "m-1", "stu-9001", LESSON, "5", "current", "per-t1", GIVEN);
        journal.putMark(COLLEGE, "m-2", "stu-9001", LESSON, "4", "current", "per-t1", GIVEN);
        journal.putMark(COLLEGE, "m-3", "stu-9002", LESSON, "3", "current", "per-t1", GIVEN);
        Exchange pulled = camel.request(MarksRoutes.PULL, ex -> ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.TRIGGER, "test")));
        awaitRun(pulled.getMessage().getHeader(FlowHeaders.RUN, Long.class));
        clock.set(Instant.parse("2026-10-01T02:00:00Z"));
    }

    @Test
    void the_report_built_over_the_api_has_the_same_shares_in_xlsx_and_pdf_and_goes_to_the_deputy_director() throws Exception {
        HttpResponse<String> built = http.send(HttpRequest.newBuilder(URI.create(here() + "/api/colleges/" + COLLEGE + "/quality/build?month=2026-09&send=true"))
                .header("Authorization", TESTER).header("X-Requested-With", "test").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(built.body()).get("report");

        // by hand: teachers per-t1 (marks) and per-t2 (none) → 1 of 2; students 3 × disciplines ОП.01, МДК.01 = 6 pairs;
        // МДК.01 has no marks for anyone → all 3 without marks; stu-9002 has one mark in ОП.01 → 1 of 3; lesson 2 of 2 has no entry
        assertThat(report.at("/teachers/share").asDouble()).isEqualTo(50.0);
        assertThat(report.at("/students/shareWithoutMarks").asDouble()).isEqualTo(100.0);
        assertThat(report.at("/students/shareWithOneMark").asDouble()).isEqualTo(33.3);
        assertThat(report.at("/students/pairsWithoutMarks").asInt()).isEqualTo(4);
        assertThat(report.at("/lessons/shareWithoutTopic").asDouble()).isEqualTo(50.0);
        assertThat(report.at("/lessons/shareWithoutHomework").asDouble()).isEqualTo(50.0);
        assertThat(report.get("ktpDifferences").isNull()).isTrue();
        assertThat(report.at("/platforms/0/target").asText()).isEqualTo("epos");
        assertThat(report.at("/platforms/0/missing").asInt() + report.at("/platforms/0/extra").asInt()
                + report.at("/platforms/0/different").asInt()).as("sent equals accepted").isZero();
        assertThat(JSON.readTree(built.body()).get("sent").asBoolean()).isTrue();

        Map<String, Double> shares = new HashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("xlsx")))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getCell(3) != null && row.getCell(3).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    shares.put(row.getCell(0).getStringCellValue(), row.getCell(3).getNumericCellValue());
                }
            }
        }
        assertThat(shares).containsEntry("Преподаватели, ведущие журнал", 50.0)
                .containsEntry("Обучающиеся без отметок по дисциплине", 100.0)
                .containsEntry("Обучающиеся с одной отметкой по дисциплине", 33.3)
                .containsEntry("Занятия без темы", 50.0)
                .containsEntry("Занятия без домашнего задания", 50.0);

        String pdf;
        try (PDDocument document = Loader.loadPDF(download("pdf"))) {
            pdf = new PDFTextStripper().getText(document);
        }
        assertThat(pdf).contains("Тестовый колледж", "Отчёт о ведении электронного журнала за 01.09.2026 — 30.09.2026",
                "Преподаватели, ведущие журнал", "50,0 %", "100,0 %", "33,3 %", "КТП не загружен");

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(DEPUTY);
        assertThat(received[0].getSubject()).isEqualTo("Отчёт о ведении журнала за 2026-09 — Тестовый колледж");
        assertThat(String.valueOf(received[0].getContent())).contains("Преподаватели, ведущие журнал: 1 из 2 (50,0 %)",
                "https://spo.example.ru/quality.html?college=test-college&month=2026-09").doesNotContain("Проверкина");
        assertThat(jdbc.queryForList("SELECT kind FROM notification_sent WHERE college_id = ?", String.class, COLLEGE))
                .containsExactly("JOURNAL_QUALITY");

        HttpResponse<String> history = http.send(HttpRequest.newBuilder(URI.create(here() + "/api/colleges/" + COLLEGE + "/quality"))
                .header("Authorization", TESTER).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(history.body())).hasSize(1);
        assertThat(JSON.readTree(history.body()).get(0).get("month").asText()).isEqualTo("2026-09");

        try (HeadlessBrowser browser = new HeadlessBrowser(here()).signIn("tester", "test-password")) {
            browser.open("/quality.html?college=" + COLLEGE);
            String lines = browser.await(d -> {
                String text = d.findElement(org.openqa.selenium.By.id("lines")).getText();
                return text.contains("Преподаватели, ведущие журнал") ? text : null;
            });
            assertThat(lines).contains("50,0 %", "100,0 %", "33,3 %", "КТП не загружен");
            assertThat(browser.script("return window.SPO_CHARTS['chart-quality'].data.datasets[0].data")).asString().contains("50");
            browser.screenshot("journal-quality");
        }
    }

    private byte[] download(String format) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(here() + "/api/colleges/" + COLLEGE + "/quality/2026-09/report." + format))
                .header("Authorization", TESTER).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private static CanonicalRecords.Candidate lesson(LocalDate date, String discipline, String teacher) {
        Lesson lesson = new Lesson(COLLEGE, date, 1, LocalTime.of(8, 30), LocalTime.of(10, 0), "ИСП-21", null, discipline, List.of(teacher),
                "101", LessonStatus.PLANNED, null);
        return new CanonicalRecords.Candidate(lesson.key(), lesson.key(), lesson, "занятие");
    }

    private static String here() {
        return "http://127.0.0.1:" + PORT_OF_THIS_CONTEXT;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
