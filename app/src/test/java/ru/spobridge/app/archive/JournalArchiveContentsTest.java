package ru.spobridge.app.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import ru.spobridge.model.Group;
import ru.spobridge.model.PersonName;
import ru.spobridge.model.SourceKey;
import ru.spobridge.model.Student;
import ru.spobridge.model.StudyForm;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.marks.AbsenceReason;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.model.marks.MarkValue;
import ru.spobridge.model.marks.WorkType;
import ru.spobridge.model.reference.ReferenceItem;
import ru.spobridge.model.reference.ReferenceKind;
import ru.spobridge.model.schedule.Lesson;
import ru.spobridge.model.schedule.LessonStatus;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.archive.ArchiveManifest;
import ru.spobridge.routes.archive.ArchiveRequest;
import ru.spobridge.routes.archive.ArchiveVerifier;
import ru.spobridge.routes.archive.ArchiveWriter;
import ru.spobridge.routes.archive.contents.HubJournalRows;
import ru.spobridge.routes.archive.contents.JournalArchiveContents;
import ru.spobridge.routes.archive.contents.SummaryStatements;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.marks.MarksIntake;
import ru.spobridge.routes.protection.DataProtectionSettings;
import ru.spobridge.routes.protection.PayloadCipher;
import ru.spobridge.routes.schedule.ReferenceIntake;
import ru.spobridge.routes.schedule.ScheduleState;
import ru.spobridge.routes.store.CanonicalPages;
import ru.spobridge.routes.store.CanonicalRecords;

/**
 * A month of a college's journal archived from the hub's store (H2, the real migrations): the exports hold the
 * period's marks, absences and lessons with their topics, nothing outside it; the archive verifies against its
 * manifest and a changed byte is reported by name; a year adds the summary statements with their own retention.
 */
class JournalArchiveContentsTest {

    private static final String COLLEGE = "test-college";
    private static final LocalDate OCT_1 = LocalDate.parse("2025-10-01");
    private static final LocalDate OCT_31 = LocalDate.parse("2025-10-31");

    private final CanonicalJson json = new CanonicalJson();
    private CanonicalRecords canonical;
    private CanonicalPages pages;
    private JournalArchiveContents contents;

    @TempDir
    Path folder;

    @BeforeEach
    void store() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:archive-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(h2);
        PayloadCipher cipher = new PayloadCipher(new DataProtectionSettings(null, null, null, null, null, null));
        canonical = new CanonicalRecords(jdbc, Clock.systemUTC(), cipher);
        pages = new CanonicalPages(jdbc, cipher);
        Colleges colleges = new Colleges(new HubProperties(Map.of(COLLEGE, new CollegeSettings("ГБПОУ «Тестовый колледж связи»", null,
                "1025900000015", ZoneId.of("Asia/Yekaterinburg"), null, null, null, null, null, null)), null, null, null, null, null));
        HubJournalRows hub = new HubJournalRows(pages, canonical, json);
        contents = new JournalArchiveContents(List.of(hub), new SummaryStatements(colleges, canonical, pages, json), colleges, canonical, json);
        fixture();
    }

    @Test
    void a_month_exports_its_marks_absences_and_lessons_with_topics_and_nothing_else() throws IOException {
        Path archive = folder.resolve("month");
        ArchiveWriter writer = ArchiveWriter.create(archive, "test-college-2025-10", COLLEGE, "MONTHLY", ArchiveManifest.Source.HUB);
        contents.fill(month(null), writer);
        ArchiveManifest manifest = writer.finish(Instant.parse("2025-11-01T01:00:00Z"));

        assertThat(manifest.files()).extracting(ArchiveManifest.Entry::path).containsExactly("marks.jsonl", "marks.csv", "attendance.jsonl",
                "attendance.csv", "lessons.jsonl", "lessons.csv");
        assertThat(manifest.files()).extracting(ArchiveManifest.Entry::retainUntil).as("the latest end of study: СА-23 has no curriculum, 5 years")
                .containsOnly(LocalDate.parse("2030-10-31"));

        List<CSVRecord> marks = csv(archive.resolve("marks.csv"));
        assertThat(marks.get(0).toList()).startsWith("Дата", "Группа", "Код дисциплины", "Дисциплина", "Код обучающегося", "ФИО обучающегося",
                "Отметка", "Вид работы");
        assertThat(marks.subList(1, marks.size())).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(3) + " " + row.get(5) + " "
                + row.get(6) + " " + row.get(7) + " " + row.get(10)).containsExactly(
                "2025-10-01 ИСП-24 Русский язык Абрамова Дарья Сергеевна 5 текущая ",
                "2025-10-01 ИСП-24 Русский язык Ёлкин Пётр Ильич 2 текущая да",
                "2025-10-02 ИСП-24 Русский язык Ёлкин Пётр Ильич 4/5 письменная работа ",
                "2025-10-01 СА-23 Информатика Быков Иван 4 текущая ");
        List<String> markLines = Files.readAllLines(archive.resolve("marks.jsonl"), StandardCharsets.UTF_8);
        assertThat(markLines).hasSize(4).allSatisfy(line -> assertThat(json.write(json.read(line, Mark.class))).isEqualTo(line));
        assertThat(markLines).noneMatch(line -> line.contains("2025-11-03"));
        assertThat(markLines).noneMatch(line -> line.contains("Абрамова")).as("JSON Lines keep the canonical record: ids, no names");

        List<CSVRecord> absences = csv(archive.resolve("attendance.csv"));
        assertThat(absences).hasSize(2);
        assertThat(absences.get(1).get(5)).isEqualTo("Ёлкин Пётр Ильич");
        assertThat(absences.get(1).get(6)).isEqualTo("Н");

        List<CSVRecord> lessons = csv(archive.resolve("lessons.csv"));
        assertThat(lessons.subList(1, lessons.size())).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(4) + " " + row.get(11)
                + " | " + row.get(12) + " | " + row.get(14)).containsExactly(
                "2025-10-01 1 ИСП-24 5 | Лексика и фразеология | §12, упр. 3",
                "2025-10-01 2 СА-23  |  | ",
                "2025-10-02 2 ИСП-24  |  | ");
        assertThat(Files.readAllLines(archive.resolve("lessons.jsonl"), StandardCharsets.UTF_8)).hasSize(3)
                .first().asString().contains("\"topic\":\"Лексика и фразеология\"");

        byte[] raw = Files.readAllBytes(archive.resolve("marks.csv"));
        assertThat(new byte[] {raw[0], raw[1], raw[2]}).as("UTF-8 BOM for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("Дата;Группа;");
    }

    @Test
    void an_archived_month_verifies_and_a_changed_byte_is_reported_by_name() throws IOException {
        Path archive = folder.resolve("month");
        ArchiveWriter writer = ArchiveWriter.create(archive, "test-college-2025-10-ИСП-24", COLLEGE, "MONTHLY", ArchiveManifest.Source.HUB);
        contents.fill(month("ИСП-24"), writer);
        writer.finish(Instant.parse("2025-11-01T01:00:00Z"));
        assertThat(ArchiveVerifier.verify(archive, LocalDate.parse("2026-01-15"))).isEmpty();
        assertThat(csv(archive.resolve("marks.csv"))).as("header and the group's 3 marks").hasSize(4);

        Path attendance = archive.resolve("attendance.csv");
        byte[] bytes = Files.readAllBytes(attendance);
        bytes[bytes.length - 3] ^= 0x01;
        Files.write(attendance, bytes);

        List<ArchiveVerifier.Finding> findings = ArchiveVerifier.verify(archive, LocalDate.parse("2026-01-15"));
        assertThat(findings).extracting(ArchiveVerifier.Finding::problem, ArchiveVerifier.Finding::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ArchiveVerifier.Problem.CHANGED, "attendance.csv"));
        assertThat(ArchiveVerifier.verify(archive, LocalDate.parse("2028-07-01")))
                .extracting(ArchiveVerifier.Finding::problem).contains(ArchiveVerifier.Problem.RETENTION_ENDED);
    }

    @Test
    void a_year_adds_the_summary_statement_kept_75_years_with_each_students_final_marks() throws Exception {
        Path archive = folder.resolve("year");
        ArchiveRequest year = new ArchiveRequest(COLLEGE, ArchiveRequest.Kind.YEAR, LocalDate.parse("2025-09-01"), LocalDate.parse("2026-06-30"),
                "ИСП-24", null, ArchiveManifest.Source.HUB);
        ArchiveWriter writer = ArchiveWriter.create(archive, "test-college-2025-2026-ИСП-24", COLLEGE, "YEAR", ArchiveManifest.Source.HUB);
        contents.fill(year, writer);
        ArchiveManifest manifest = writer.finish(Instant.parse("2026-07-01T01:00:00Z"));

        assertThat(manifest.files()).filteredOn(entry -> entry.path().startsWith("summary-statement"))
                .extracting(ArchiveManifest.Entry::path, ArchiveManifest.Entry::document, ArchiveManifest.Entry::retainUntil)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("summary-statement.pdf", "Сводная ведомость итоговых оценок", LocalDate.parse("2101-06-30")),
                        org.assertj.core.groups.Tuple.tuple("summary-statement.xlsx", "Сводная ведомость итоговых оценок", LocalDate.parse("2101-06-30")));
        assertThat(manifest.files()).filteredOn(entry -> entry.path().equals("marks.csv")).extracting(ArchiveManifest.Entry::retainUntil)
                .as("ИСП-24's curriculum ends in 2028").containsExactly(LocalDate.parse("2028-06-30"));
        assertThat(ArchiveVerifier.verify(archive, LocalDate.parse("2027-01-01"))).isEmpty();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(archive.resolve("summary-statement.xlsx"))))) {
            Sheet sheet = workbook.getSheet("ИСП-24");
            DataFormatter cells = new DataFormatter();
            assertThat(cells.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("ГБПОУ «Тестовый колледж связи»");
            assertThat(cells.formatCellValue(sheet.getRow(3).getCell(0))).isEqualTo("Специальность: 09.02.07 Информационные системы и программирование");
            List<String> header = new ArrayList<>();
            sheet.getRow(5).forEach(cell -> header.add(cells.formatCellValue(cell)));
            assertThat(header).containsExactly("№", "ФИО обучающегося", "ОУД.01 Русский язык", "ОП.02 Информационные технологии");
            assertThat(row(sheet, 6, cells)).containsExactly("1", "Абрамова Дарья Сергеевна", "5", "зач");
            assertThat(row(sheet, 7, cells)).as("the later attestation mark, the removed one ignored").containsExactly("2", "Ёлкин Пётр Ильич", "4", "");
        }
        try (var pdf = Loader.loadPDF(archive.resolve("summary-statement.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Группа: ИСП-24", "Абрамова Дарья Сергеевна", "Ёлкин Пётр Ильич", "Куратор группы").doesNotContain("Быков");
        }
    }

    @Test
    void the_store_is_read_page_by_page_in_delivery_order_within_the_sort_range() {
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        pages.forEachPage(COLLEGE, ScheduleState.LESSON, "2025-10-01", "2025-11-01", 2, page -> {
            sizes.add(page.size());
            page.forEach(stored -> seen.add(stored.entityKey()));
        });
        assertThat(sizes).containsExactly(2, 1);
        assertThat(seen).containsExactly(Lesson.key(OCT_1, 1, "ИСП-24", null, "ОУД.01"), Lesson.key(OCT_1, 2, "СА-23", null, "ОП.05"),
                Lesson.key(OCT_1.plusDays(1), 2, "ИСП-24", null, "ОУД.01"));
    }

    @Test
    void an_archive_from_a_platform_without_its_read_back_is_refused_with_a_reason() {
        ArchiveRequest fromPlatform = new ArchiveRequest(COLLEGE, ArchiveRequest.Kind.MONTHLY, OCT_1, OCT_31, null, "sgo", ArchiveManifest.Source.PLATFORM);
        ArchiveWriter writer = ArchiveWriter.create(folder.resolve("platform"), "x", COLLEGE, "MONTHLY", ArchiveManifest.Source.PLATFORM);
        assertThatThrownBy(() -> contents.fill(fromPlatform, writer)).hasMessageContaining("платформа sgo").hasMessageContaining("не подключено");
    }

    private static ArchiveRequest month(String group) {
        return new ArchiveRequest(COLLEGE, ArchiveRequest.Kind.MONTHLY, OCT_1, OCT_31, group, null, ArchiveManifest.Source.HUB);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text.substring(1))).getRecords();
    }

    private static List<String> row(Sheet sheet, int rowNo, DataFormatter cells) {
        return java.util.stream.IntStream.range(0, 4).mapToObj(i -> sheet.getRow(rowNo).getCell(i) == null ? ""
                : cells.formatCellValue(sheet.getRow(rowNo).getCell(i))).toList();
    }

    // --- the fixture: two groups, three students, four lessons, marks in and out of October, final marks ---

    private void fixture() {
        save(ContingentIntake.GROUP, List.of(
                candidate("ИСП-24", new Group(COLLEGE, "ИСП-24", "ИСП-24", "09.02.07", 2, StudyForm.FULL_TIME, List.of())),
                candidate("СА-23", new Group(COLLEGE, "СА-23", "СА-23", "15.02.01", 3, StudyForm.FULL_TIME, List.of()))));
        save(ReferenceIntake.REFERENCE, List.of(
                reference(ReferenceKind.SPECIALTY, "09.02.07", "Информационные системы и программирование", Map.of()),
                reference(ReferenceKind.DISCIPLINE, "ОУД.01", "Русский язык", Map.of("disciplineKind", "УД")),
                reference(ReferenceKind.DISCIPLINE, "ОП.02", "Информационные технологии", Map.of("disciplineKind", "УД")),
                reference(ReferenceKind.DISCIPLINE, "ОП.05", "Информатика", Map.of("disciplineKind", "УД")),
                reference(ReferenceKind.CURRICULUM, "ИСП-2024", "ИСП, набор 2024", Map.of("specialty", "09.02.07", "form", "очная",
                        "startYear", "2024", "endDate", "2028-06-30"))));
        save(ContingentIntake.STUDENT, List.of(student("stu-1", "Абрамова", "Дарья", "Сергеевна", "ИСП-24"),
                student("stu-2", "Ёлкин", "Пётр", "Ильич", "ИСП-24"), student("stu-3", "Быков", "Иван", null, "СА-23")));
        Lesson first = lesson(OCT_1, 1, "ИСП-24", "ОУД.01");
        Lesson second = lesson(OCT_1.plusDays(1), 2, "ИСП-24", "ОУД.01");
        Lesson november = lesson(LocalDate.parse("2025-11-03"), 1, "ИСП-24", "ОУД.01");
        Lesson other = lesson(OCT_1, 2, "СА-23", "ОП.05");
        save(ScheduleState.LESSON, List.of(first, second, november, other).stream()
                .map(lesson -> new CanonicalRecords.Candidate(lesson.key(), lesson.date() + "|" + String.format("%02d", lesson.bellNo()) + "|"
                        + lesson.key(), lesson, null)).toList());
        save(LessonEntry.ENTITY_TYPE, List.of(candidate(first.key(), new LessonEntry(COLLEGE, first.key(), 1, OCT_1, 1, "ИСП-24", "ОУД.01",
                "t-1", 5, "Лексика и фразеология", null, "§12, упр. 3", Instant.parse("2025-10-01T05:00:00Z"), Instant.parse("2025-10-01T05:10:00Z"),
                false))));
        List<Mark> marks = List.of(
                mark("m-1", "stu-1", first, "5", WorkType.CURRENT, false),
                mark("m-2", "stu-2", second, "4/5", WorkType.WRITTEN, false),
                mark("m-3", "stu-1", november, "3", WorkType.CURRENT, false),
                mark("m-4", "stu-3", other, "4", WorkType.CURRENT, false),
                mark("m-5", "stu-2", first, "2", WorkType.CURRENT, true),
                // final marks of the year: Ёлкин's later «4» replaces his «3»; a removed «5» does not count
                mark("a-1", "stu-1", lesson(LocalDate.parse("2025-12-25"), 1, "ИСП-24", "ОУД.01"), "5", WorkType.ATTESTATION, false),
                mark("a-2", "stu-1", lesson(LocalDate.parse("2025-12-26"), 1, "ИСП-24", "ОП.02"), "зач", WorkType.ATTESTATION, false),
                mark("a-3", "stu-2", lesson(LocalDate.parse("2025-12-25"), 1, "ИСП-24", "ОУД.01"), "3", WorkType.ATTESTATION, false),
                mark("a-4", "stu-2", lesson(LocalDate.parse("2026-02-10"), 1, "ИСП-24", "ОУД.01"), "4", WorkType.ATTESTATION, false),
                mark("a-5", "stu-2", lesson(LocalDate.parse("2026-03-10"), 1, "ИСП-24", "ОП.02"), "5", WorkType.ATTESTATION, true),
                mark("a-6", "stu-3", lesson(LocalDate.parse("2025-12-25"), 1, "СА-23", "ОП.05"), "5", WorkType.ATTESTATION, false));
        save(MarksIntake.MARK, marks.stream().map(mark -> new CanonicalRecords.Candidate(mark.id(), mark.studentId() + "|" + mark.lessonKey()
                + "|" + mark.id(), mark, null)).toList());
        Attendance absence = new Attendance(COLLEGE, "att-1", 1, "stu-2", first.key(), OCT_1, "ИСП-24", "ОУД.01", "t-1", AbsenceReason.UNKNOWN,
                false, Instant.parse("2025-10-01T05:00:00Z"), Instant.parse("2025-10-01T05:10:00Z"), false);
        save(MarksIntake.ATTENDANCE, List.of(new CanonicalRecords.Candidate(absence.id(), "stu-2|" + first.key() + "|att-1", absence, null)));
    }

    private void save(String type, List<CanonicalRecords.Candidate> candidates) {
        canonical.saveChanged(COLLEGE, type, "test", candidates, json);
    }

    private static CanonicalRecords.Candidate candidate(String key, Object value) {
        return new CanonicalRecords.Candidate(key, key, value, null);
    }

    private static CanonicalRecords.Candidate reference(ReferenceKind kind, String code, String name, Map<String, String> attributes) {
        ReferenceItem item = new ReferenceItem(COLLEGE, kind, code, name, attributes);
        return candidate(item.key(), item);
    }

    private static CanonicalRecords.Candidate student(String id, String last, String first, String middle, String group) {
        return candidate(id, new Student(COLLEGE, new SourceKey("contingent", id), new PersonName(last, first, middle), LocalDate.parse("2008-03-01"),
                null, null, null, group, null, StudyForm.FULL_TIME, false, List.of()));
    }

    private static Lesson lesson(LocalDate date, int bell, String group, String discipline) {
        return new Lesson(COLLEGE, date, bell, LocalTime.of(8, 30), LocalTime.of(10, 0), group, null, discipline, List.of("t-1"), "101",
                LessonStatus.PLANNED, null);
    }

    private static Mark mark(String id, String student, Lesson lesson, String value, WorkType type, boolean deleted) {
        Instant given = lesson.date().atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        return new Mark(COLLEGE, id, 1, student, lesson.key(), lesson.date(), lesson.groupCode(), lesson.disciplineCode(), "t-1",
                MarkValue.parse(value), type, given, given.plusSeconds(60), deleted);
    }
}
