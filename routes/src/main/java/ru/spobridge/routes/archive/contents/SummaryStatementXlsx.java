package ru.spobridge.routes.archive.contents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The summary statement as XLSX: one sheet per group, the same header and table as the PDF, the header rows and the
 * names' column frozen so that a wide statement stays readable, then the signatures.
 */
public final class SummaryStatementXlsx {

    /** Rows above the table: title, college, group and year, specialty, a blank line. */
    static final int TABLE_ROW = 5;

    private SummaryStatementXlsx() {
    }

    /** Writes the workbook to {@code out} (left open: the archive writer owns it). */
    public static void write(List<SummaryStatement> statements, OutputStream out) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            CellStyle bold = workbook.createCellStyle();
            var boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            CellStyle header = bordered(workbook, true);
            header.setFont(boldFont);
            header.setWrapText(true);
            CellStyle name = bordered(workbook, false);
            CellStyle mark = bordered(workbook, true);
            Set<String> sheetNames = new HashSet<>();
            if (statements.isEmpty()) {
                workbook.createSheet("Ведомость").createRow(0).createCell(0).setCellValue(SummaryStatement.TITLE + ": итоговых оценок за период нет");
            }
            for (SummaryStatement statement : statements) {
                Sheet sheet = workbook.createSheet(sheetName(statement.groupCode(), sheetNames));
                text(sheet, 0, SummaryStatement.TITLE, bold);
                text(sheet, 1, statement.collegeName(), null);
                text(sheet, 2, "Группа: " + statement.groupCode() + (statement.course() == null ? "" : "    Курс: " + statement.course())
                        + "    Учебный год: " + statement.schoolYear(), null);
                text(sheet, 3, "Специальность: " + statement.specialty(), null);
                Row head = sheet.createRow(TABLE_ROW);
                cell(head, 0, "№", header);
                cell(head, 1, "ФИО обучающегося", header);
                int column = 2;
                for (SummaryStatement.Discipline discipline : statement.disciplines()) {
                    cell(head, column++, discipline.name() == null ? discipline.code() : discipline.code() + " " + discipline.name(), header);
                }
                int rowNo = TABLE_ROW + 1;
                int number = 0;
                for (SummaryStatement.StudentMarks student : statement.students()) {
                    Row row = sheet.createRow(rowNo++);
                    row.createCell(0).setCellValue(++number);
                    row.getCell(0).setCellStyle(mark);
                    cell(row, 1, student.fullName(), name);
                    column = 2;
                    for (SummaryStatement.Discipline discipline : statement.disciplines()) {
                        cell(row, column++, student.mark(discipline.code()), mark);
                    }
                }
                rowNo++;
                for (String signature : statement.signatures()) {
                    Row row = sheet.createRow(rowNo++);
                    row.createCell(1).setCellValue(signature);
                    row.createCell(2).setCellValue(SummaryStatement.SIGNATURE_LINE);
                }
                sheet.setColumnWidth(0, 5 * 256);
                sheet.setColumnWidth(1, 40 * 256);
                for (int i = 0; i < statement.disciplines().size(); i++) {
                    sheet.setColumnWidth(2 + i, 14 * 256);
                }
                sheet.createFreezePane(2, TABLE_ROW + 1);
            }
            workbook.write(out);
        }
    }

    /** A sheet is named by its group, within Excel's rules (31 characters, no []:*?/\), and unique in the workbook. */
    static String sheetName(String groupCode, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(groupCode == null || groupCode.isBlank() ? "Группа" : groupCode, '_');
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    private static CellStyle bordered(Workbook workbook, boolean centred) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        if (centred) {
            style.setAlignment(HorizontalAlignment.CENTER);
        }
        return style;
    }

    private static void text(Sheet sheet, int rowNo, String value, CellStyle style) {
        cell(sheet.createRow(rowNo), 0, value, style);
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
