package ru.spobridge.routes.archive.contents;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import ru.spobridge.routes.documents.PdfFonts;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The summary statement as PDF: landscape A4, one group per page (a long list continues with its header row
 * repeated), the header with college, group, specialty, course and year, then the signatures. The font is DejaVu Sans,
 * embedded from the hub's resources (its licence allows it, see fonts/DejaVu-LICENSE.txt), so Cyrillic prints the
 * same on every machine.
 */
public final class SummaryStatementPdf {


    private SummaryStatementPdf() {
    }

    /** Writes the statements, one group after another, to {@code out} (left open: the archive writer owns it). */
    public static void write(List<SummaryStatement> statements, OutputStream out) throws IOException {
        BaseFont regular = PdfFonts.regular();
        BaseFont bold = PdfFonts.bold();
        Font text = new Font(regular, 10);
        Font small = new Font(regular, 8);
        Font heading = new Font(bold, 13);
        Font header = new Font(bold, 8);
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle(SummaryStatement.TITLE);
            document.addCreator("spo-bridge");
            document.open();
            if (statements.isEmpty()) {
                document.add(new Paragraph(SummaryStatement.TITLE + ": итоговых оценок за период нет", text));
            }
            boolean first = true;
            for (SummaryStatement statement : statements) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                Paragraph title = new Paragraph(SummaryStatement.TITLE, heading);
                title.setAlignment(Element.ALIGN_CENTER);
                document.add(title);
                Paragraph college = new Paragraph(statement.collegeName(), text);
                college.setAlignment(Element.ALIGN_CENTER);
                document.add(college);
                document.add(new Paragraph("Группа: " + statement.groupCode() + (statement.course() == null ? "" : "    Курс: " + statement.course())
                        + "    Учебный год: " + statement.schoolYear(), text));
                document.add(new Paragraph("Специальность: " + statement.specialty(), text));
                document.add(new Paragraph(" ", small));
                document.add(table(statement, text, small, header));
                document.add(new Paragraph(" ", text));
                for (String signature : statement.signatures()) {
                    document.add(new Paragraph(signature + "    " + SummaryStatement.SIGNATURE_LINE, text));
                    document.add(new Paragraph(" ", small));
                }
            }
        } catch (DocumentException e) {
            throw new IOException("Сводную ведомость не удалось сформировать в PDF: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    private static PdfPTable table(SummaryStatement statement, Font text, Font small, Font header) throws DocumentException {
        int disciplines = statement.disciplines().size();
        float[] widths = new float[2 + disciplines];
        widths[0] = 2.5f;
        widths[1] = 20f;
        for (int i = 0; i < disciplines; i++) {
            widths[2 + i] = Math.max(4f, 70f / Math.max(1, disciplines));
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.addCell(cell("№", header, Element.ALIGN_CENTER));
        table.addCell(cell("ФИО обучающегося", header, Element.ALIGN_LEFT));
        for (SummaryStatement.Discipline discipline : statement.disciplines()) {
            table.addCell(cell(discipline.name() == null ? discipline.code() : discipline.code() + "\n" + discipline.name(), header,
                    Element.ALIGN_CENTER));
        }
        int number = 0;
        for (SummaryStatement.StudentMarks student : statement.students()) {
            table.addCell(cell(Integer.toString(++number), small, Element.ALIGN_CENTER));
            table.addCell(cell(student.fullName(), text, Element.ALIGN_LEFT));
            for (SummaryStatement.Discipline discipline : statement.disciplines()) {
                table.addCell(cell(student.mark(discipline.code()), text, Element.ALIGN_CENTER));
            }
        }
        return table;
    }

    private static PdfPCell cell(String value, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(3);
        return cell;
    }
}
