package ru.spobridge.app.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.store.AuditLog;

/**
 * A console table as a file, CSV (semicolons, UTF-8 with BOM so Excel reads Cyrillic) or XLSX; every export writes an
 * audit row: who, what, the filter and how many rows. Only masked values are ever passed in.
 */
@Component
public class TableExport {

    public static final java.util.Set<String> FORMATS = java.util.Set.of("csv", "xlsx");

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AuditLog audit;
    private final Access access;

    public TableExport(AuditLog audit, Access access) {
        this.audit = audit;
        this.access = access;
    }

    /** A table: column titles and rows of cell texts (null shows empty). */
    public record Table(List<String> headers, List<List<Object>> rows) {
    }

    /**
     * The file for {@code format} ("csv" or "xlsx"), audited as an EXPORT of {@code what} with the filter as stated.
     *
     * @param college the college of the audit row, null when several
     */
    public ResponseEntity<byte[]> answer(String format, String fileName, String what, String college, String filter, Table table) {
        boolean xlsx = "xlsx".equals(format);
        byte[] content = xlsx ? xlsx(what, table) : csv(table);
        audit.record(access.user(), "EXPORT", college, what + " (" + format + ")",
                "фильтр: " + (filter == null || filter.isBlank() ? "нет" : filter) + "; строк: " + table.rows().size());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName + (xlsx ? ".xlsx" : ".csv"), StandardCharsets.UTF_8).build().toString())
                .contentType(xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(content);
    }

    /** 404 with a Russian message for an unknown report or format (the answer of a file endpoint carries JSON then). */
    static ResponseEntity<byte[]> unknown(String message) {
        return ResponseEntity.status(org.springframework.http.HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(("{\"code\":\"NOT_FOUND\",\"message\":\"" + message.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    static byte[] csv(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            csv.printRecord(table.headers());
            for (List<Object> row : table.rows()) {
                csv.printRecord(row.stream().map(TableExport::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx(String sheetName, Table table) {
        // streaming workbook: a large export keeps only a window of rows in memory
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(safeSheetName(sheetName));
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                header.createCell(c).setCellValue(table.headers().get(c));
            }
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value == null ? "" : String.valueOf(value));
                    }
                }
            }
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a cell read from a source file must not become a spreadsheet formula when opened
    private static String inert(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        return !text.isEmpty() && "=+@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String safeSheetName(String name) {
        String cleaned = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
