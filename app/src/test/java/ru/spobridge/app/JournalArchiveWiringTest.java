package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.archive.ArchiveContents;
import ru.spobridge.routes.archive.ArchiveManifest;
import ru.spobridge.routes.archive.ArchiveRequest;
import ru.spobridge.routes.archive.ArchiveVerifier;
import ru.spobridge.routes.archive.ArchiveWriter;
import ru.spobridge.routes.archive.contents.JournalArchiveContents;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.journal.JournalSimulator;

/**
 * The hub's archive contents, as wired: marks pulled from the college journal by the marks flow are archived for the
 * year with the summary statement, which holds the student's final mark, and the archive verifies.
 */
class JournalArchiveWiringTest extends HubIntegrationTest {

    @Autowired
    private ArchiveContents contents;
    @Autowired
    private JournalSimulator journal;
    @Autowired
    private ProducerTemplate camel;

    @TempDir
    Path folder;

    @Test
    void marks_pulled_from_the_journal_are_archived_for_the_year_with_the_final_marks() throws Exception {
        journal.reset();
        clock.set(Instant.parse("2026-12-26T06:00:00Z"));
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-9001", s -> s.getGuardian().clear()));
        syncAndWait(false);
        Instant given = Instant.parse("2026-12-25T05:00:00Z");
        journal.putMark(COLLEGE, "m-cur", "stu-9001", "dbg:2026-12-01:1:ИСП-21:ОП.01", "4", "current", "per-t1", given);
        journal.putMark(COLLEGE, "m-fin", "stu-9001", "dbg:2026-12-25:1:ИСП-21:ОП.01", "зач", "attestation", "per-t1", given);
        Exchange pull = camel.request(MarksRoutes.PULL, ex -> ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.TRIGGER, "test")));
        assertThat(awaitRun(pull.getMessage().getHeader(FlowHeaders.RUN, Long.class)).status()).isEqualTo(SyncRuns.COMPLETED);

        assertThat(contents).isInstanceOf(JournalArchiveContents.class);
        Path archive = folder.resolve("year");
        ArchiveWriter writer = ArchiveWriter.create(archive, "test-college-2026-2027-ИСП-21", COLLEGE, "YEAR", ArchiveManifest.Source.HUB);
        contents.fill(new ArchiveRequest(COLLEGE, ArchiveRequest.Kind.YEAR, LocalDate.parse("2026-09-01"), LocalDate.parse("2027-06-30"), "ИСП-21",
                null, ArchiveManifest.Source.HUB), writer);
        ArchiveManifest manifest = writer.finish(clock.instant());

        assertThat(manifest.files()).hasSize(8);
        assertThat(ArchiveVerifier.verify(archive, LocalDate.parse("2027-07-01"))).isEmpty();
        assertThat(Files.readString(archive.resolve("marks.csv"), StandardCharsets.UTF_8)).contains("Проверкина Дарья Игоревна;4;текущая");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(archive.resolve("summary-statement.xlsx"))))) {
            Sheet sheet = workbook.getSheet("ИСП-21");
            DataFormatter cells = new DataFormatter();
            assertThat(cells.formatCellValue(sheet.getRow(6).getCell(1))).isEqualTo("Проверкина Дарья Игоревна");
            assertThat(cells.formatCellValue(sheet.getRow(5).getCell(2))).startsWith("ОП.01");
            assertThat(cells.formatCellValue(sheet.getRow(6).getCell(2))).isEqualTo("зач");
        }
    }
}
