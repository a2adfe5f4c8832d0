package ru.spobridge.mappings.ktp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A КТП workbook (.xlsx, or the old .xls): its first sheet, the first non-empty row being the header. Cells are read
 * as Excel shows them (a lesson number typed as 1 is «1», not «1.0»); formulas are evaluated.
 */
final class KtpXlsx {

    private KtpXlsx() {
    }

    /** Does the content look like a workbook: a zip (.xlsx) or an OLE2 file (.xls). */
    static boolean looksLikeWorkbook(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4
                || (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0);
    }

    static KtpSheet read(byte[] bytes) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                return new KtpSheet(List.of(), List.of(), null);
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<String> header = null;
            List<KtpSheet.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell, evaluator).strip());
                }
                KtpSheet.Row read = new KtpSheet.Row(row.getRowNum() + 1L, cells);
                if (header == null) {
                    if (!read.blank()) {
                        header = cells;
                    }
                } else {
                    rows.add(read);
                }
            }
            return new KtpSheet(header == null ? List.of() : header, rows, null);
        }
    }
}
