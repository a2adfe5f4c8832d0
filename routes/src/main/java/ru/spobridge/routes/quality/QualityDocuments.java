package ru.spobridge.routes.quality;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import ru.spobridge.routes.documents.PdfFonts;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The journal-quality report as the deputy director reads it, in Russian: one table of figures (count, base, share in
 * percent), the platforms' sent-vs-accepted lines and how each figure is counted. XLSX through Apache POI, PDF through
 * OpenPDF with the DejaVu Sans font shipped in the jar (Cyrillic).
 */
public final class QualityDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** One line of the report: what, how many, of how many, which share (null where a share means nothing). */
    public record Line(String label, Integer count, Integer base, Double share, String note) {
    }

    private QualityDocuments() {
    }

    /** The lines both documents print, in order. */
    public static List<Line> lines(QualityReport report) {
        List<Line> lines = new ArrayList<>();
        var teachers = report.teachers();
        var students = report.students();
        var lessons = report.lessons();
        lines.add(new Line("Преподаватели, ведущие журнал", teachers.keeping(), teachers.withLessons(), teachers.share(),
                teachers.notKeeping().isEmpty() ? null : "не вели: " + String.join(", ", teachers.notKeeping())));
        lines.add(new Line("Обучающиеся без отметок по дисциплине", students.withoutMarks(), students.total(), students.shareWithoutMarks(),
                "пар «обучающийся × дисциплина» без отметок: " + students.pairsWithoutMarks() + " из " + students.pairs()));
        lines.add(new Line("Обучающиеся с одной отметкой по дисциплине", students.withOneMark(), students.total(), students.shareWithOneMark(),
                "пар с одной отметкой: " + students.pairsWithOneMark() + " из " + students.pairs()));
        lines.add(new Line("Занятия без темы", lessons.withoutTopic(), lessons.held(), lessons.shareWithoutTopic(), null));
        lines.add(new Line("Занятия без домашнего задания", lessons.withoutHomework(), lessons.held(), lessons.shareWithoutHomework(), null));
        lines.add(report.ktpDifferences() == null ? new Line("Темы, расходящиеся с КТП", null, null, null, "КТП не загружен")
                : new Line("Темы, расходящиеся с КТП", report.ktpDifferences(), null, null, null));
        lines.add(new Line("Отметки, внесённые позже срока", report.lateMarks(), null, null, null));
        lines.add(new Line("Занятия без отметки посещаемости", report.lessonsWithoutAttendance(), null, null, null));
        for (QualityReport.Platform platform : report.platforms()) {
            lines.add(platform.error() != null ? new Line("Расхождения с платформой " + platform.title(), null, null, null, platform.error())
                    : new Line("Расхождения с платформой " + platform.title(), platform.missing() + platform.extra() + platform.different(),
                    platform.delivered(), null, "нет на платформе: " + platform.missing() + ", лишние: " + platform.extra()
                    + ", отличаются: " + platform.different()));
        }
        return lines;
    }

    public static String title(QualityReport report) {
        return "Отчёт о ведении электронного журнала за " + DAY.format(report.from()) + " — " + DAY.format(report.to());
    }

    /** A share as printed: «50,0 %». */
    public static String share(double share) {
        return String.format(Locale.forLanguageTag("ru"), "%.1f %%", share);
    }

    public static byte[] xlsx(QualityReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Ведение журнала");
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0"));
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue(report.collegeName());
            sheet.createRow(r++).createCell(0).setCellValue(title(report));
            r++;
            Row header = sheet.createRow(r++);
            String[] columns = {"Показатель", "Количество", "Из", "Доля, %", "Пояснение"};
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
            }
            for (Line line : lines(report)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.label());
                if (line.count() != null) {
                    row.createCell(1).setCellValue(line.count());
                }
                if (line.base() != null) {
                    row.createCell(2).setCellValue(line.base());
                }
                if (line.share() != null) {
                    Cell cell = row.createCell(3);
                    cell.setCellValue(line.share());
                    cell.setCellStyle(percent);
                }
                if (line.note() != null) {
                    row.createCell(4).setCellValue(line.note());
                }
            }
            r++;
            for (String definition : QualityReport.DEFINITIONS) {
                sheet.createRow(r++).createCell(0).setCellValue(definition);
            }
            sheet.setColumnWidth(0, 48 * 256);
            sheet.setColumnWidth(4, 60 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Отчёт о ведении журнала не записан в XLSX", e);
        }
    }

    public static byte[] pdf(QualityReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            BaseFont base = PdfFonts.regular();
            Font text = new Font(base, 10);
            Font heading = new Font(base, 14, Font.BOLD);
            document.open();
            document.add(new Paragraph(report.collegeName(), heading));
            document.add(new Paragraph(title(report), text));
            document.add(new Paragraph("Построен: " + DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("UTC"))
                    .format(report.builtAt()) + " UTC", text));
            PdfPTable table = new PdfPTable(new float[] {34, 10, 8, 10, 38});
            table.setWidthPercentage(100);
            table.setSpacingBefore(10);
            for (String column : new String[] {"Показатель", "Количество", "Из", "Доля", "Пояснение"}) {
                table.addCell(new PdfPCell(new Paragraph(column, new Font(base, 10, Font.BOLD))));
            }
            for (Line line : lines(report)) {
                table.addCell(new Paragraph(line.label(), text));
                table.addCell(number(line.count(), text));
                table.addCell(number(line.base(), text));
                PdfPCell share = new PdfPCell(new Paragraph(line.share() == null ? "" : share(line.share()), text));
                share.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(share);
                table.addCell(new Paragraph(line.note() == null ? "" : line.note(), text));
            }
            document.add(table);
            Paragraph how = new Paragraph("Как считаются показатели", new Font(base, 11, Font.BOLD));
            how.setSpacingBefore(10);
            document.add(how);
            for (String definition : QualityReport.DEFINITIONS) {
                document.add(new Paragraph("• " + definition, new Font(base, 9)));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("Отчёт о ведении журнала не записан в PDF: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static PdfPCell number(Integer value, Font font) {
        PdfPCell cell = new PdfPCell(new Paragraph(value == null ? "" : value.toString(), font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
