package ru.spobridge.routes.archive.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The summary statement printed as PDF (rendered to PNG and read back with PDFBox) and as XLSX (opened with POI)
 * holds the same header, names and final marks, in Russian, with the signatures block.
 */
class SummaryStatementDocumentsTest {

    private static final List<SummaryStatement.Discipline> DISCIPLINES = List.of(
            new SummaryStatement.Discipline("ОУД.01", "Русский язык"),
            new SummaryStatement.Discipline("ОП.02", "Информационные технологии"),
            new SummaryStatement.Discipline("МДК.01.01", "Разработка программных модулей"));

    private static SummaryStatement statement(String group, List<SummaryStatement.StudentMarks> students) {
        return new SummaryStatement("ГБПОУ «Пермский колледж связи»", group, "09.02.07", "Информационные системы и программирование", 2,
                "2025/2026", DISCIPLINES, students, SummaryStatement.SIGNATURES);
    }

    private static final SummaryStatement ISP = statement("ИСП-24", List.of(
            new SummaryStatement.StudentMarks("Абрамова Дарья Сергеевна", Map.of("ОУД.01", "5", "ОП.02", "зач", "МДК.01.01", "4")),
            new SummaryStatement.StudentMarks("Ёлкин Пётр Ильич", Map.of("ОУД.01", "3", "ОП.02", "н/а")),
            new SummaryStatement.StudentMarks("Щукин Глеб Олегович", Map.of("ОУД.01", "4/5", "ОП.02", "а/з", "МДК.01.01", "НПА"))));
    private static final SummaryStatement SA = statement("СА-23", List.of(
            new SummaryStatement.StudentMarks("Быков Иван Петрович", Map.of("ОУД.01", "2", "МДК.01.01", "5"))));

    @Test
    void the_pdf_renders_and_its_text_holds_the_header_names_marks_and_signatures() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        SummaryStatementPdf.write(List.of(ISP, SA), pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).as("one page per group").isEqualTo(2);
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path png = Path.of("target", "summary-statement.png").toAbsolutePath();
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
            System.out.println("Сводная ведомость (снимок первой страницы): " + png);
            assertThat(image.getWidth()).as("landscape").isGreaterThan(image.getHeight());
            assertThat(inkShare(image)).as("the page is printed on, not blank").isGreaterThan(0.01);

            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(document);
            assertThat(first).contains("Сводная ведомость итоговых оценок", "ГБПОУ «Пермский колледж связи»", "Группа: ИСП-24", "Курс: 2",
                    "Учебный год: 2025/2026", "09.02.07 Информационные системы и программирование", "Русский язык",
                    "Директор", "Заместитель директора по учебной работе", "Куратор группы", SummaryStatement.SIGNATURE_LINE);
            assertThat(rowOf(first, "Абрамова Дарья Сергеевна")).containsSubsequence("5", "зач", "4");
            assertThat(rowOf(first, "Ёлкин Пётр Ильич")).containsSubsequence("3", "н/а");
            assertThat(rowOf(first, "Щукин Глеб Олегович")).containsSubsequence("4/5", "а/з", "НПА");
            assertThat(first).doesNotContain("Быков");

            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(document);
            assertThat(second).contains("Группа: СА-23");
            assertThat(rowOf(second, "Быков Иван Петрович")).containsSubsequence("2", "5");
        }
    }

    @Test
    void the_xlsx_holds_a_sheet_per_group_with_the_same_content_and_frozen_header() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        SummaryStatementXlsx.write(List.of(ISP, SA), xlsx);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet sheet = workbook.getSheet("ИСП-24");
            DataFormatter cells = new DataFormatter();
            assertThat(cells.formatCellValue(sheet.getRow(0).getCell(0))).isEqualTo("Сводная ведомость итоговых оценок");
            assertThat(cells.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("ГБПОУ «Пермский колледж связи»");
            assertThat(cells.formatCellValue(sheet.getRow(3).getCell(0))).contains("09.02.07 Информационные системы и программирование");
            Row head = sheet.getRow(SummaryStatementXlsx.TABLE_ROW);
            assertThat(List.of(cells.formatCellValue(head.getCell(1)), cells.formatCellValue(head.getCell(2)), cells.formatCellValue(head.getCell(4))))
                    .containsExactly("ФИО обучающегося", "ОУД.01 Русский язык", "МДК.01.01 Разработка программных модулей");
            assertThat(row(sheet, SummaryStatementXlsx.TABLE_ROW + 1, cells)).containsExactly("1", "Абрамова Дарья Сергеевна", "5", "зач", "4");
            assertThat(row(sheet, SummaryStatementXlsx.TABLE_ROW + 2, cells)).containsExactly("2", "Ёлкин Пётр Ильич", "3", "н/а", "");
            assertThat(row(sheet, SummaryStatementXlsx.TABLE_ROW + 3, cells)).containsExactly("3", "Щукин Глеб Олегович", "4/5", "а/з", "НПА");
            assertThat(cells.formatCellValue(sheet.getRow(SummaryStatementXlsx.TABLE_ROW + 6).getCell(1)))
                    .isEqualTo("Заместитель директора по учебной работе");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat((int) sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo(SummaryStatementXlsx.TABLE_ROW + 1);
            assertThat(row(workbook.getSheet("СА-23"), SummaryStatementXlsx.TABLE_ROW + 1, cells))
                    .containsExactly("1", "Быков Иван Петрович", "2", "", "5");
        }
    }

    @Test
    void sheet_names_keep_to_excel_rules_and_stay_unique() {
        java.util.Set<String> taken = new java.util.HashSet<>();
        assertThat(SummaryStatementXlsx.sheetName("ИСП/24", taken)).isEqualTo("ИСП_24");
        assertThat(SummaryStatementXlsx.sheetName("ИСП:24", taken)).isEqualTo("ИСП_24 (2)");
        assertThat(SummaryStatementXlsx.sheetName("Г".repeat(40), taken)).hasSize(31);
    }

    /** The text of the line that names the student, up to the line's end. */
    private static String rowOf(String text, String name) {
        int at = text.indexOf(name);
        assertThat(at).as("the statement names " + name).isNotNegative();
        int end = text.indexOf('\n', at + name.length());
        return text.substring(at + name.length(), end < 0 ? text.length() : end);
    }

    private static List<String> row(Sheet sheet, int rowNo, DataFormatter cells) {
        Row row = sheet.getRow(rowNo);
        return java.util.stream.IntStream.range(0, 5).mapToObj(i -> row.getCell(i) == null ? "" : cells.formatCellValue(row.getCell(i))).toList();
    }

    private static double inkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
    }
}
