package ru.spobridge.mappings.ktp;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ru.spobridge.mappings.text.FileText;

/**
 * A КТП in CSV as Excel and teachers' scripts write it: «;» or «,» between fields (whichever the header uses),
 * UTF-8 with or without a byte-order mark, or windows-1251 ({@link FileText}).
 */
final class KtpCsv {

    private KtpCsv() {
    }

    static KtpSheet read(byte[] bytes) {
        String text = FileText.decode(bytes).text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        int[] lineStarts = lineStarts(text);
        List<String> header = null;
        List<KtpSheet.Row> rows = new ArrayList<>();
        long lastLine = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> cells = record.toList();
                lastLine = lineOf(lineStarts, firstVisible(text, record.getCharacterPosition()));
                if (header == null) {
                    header = cells;
                } else {
                    rows.add(new KtpSheet.Row(lastLine, cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException broken) {
            // Commons CSV stops at an unclosed quote; what follows it is reported as unread, never dropped silently
            return new KtpSheet(header == null ? List.of() : header, rows, lastLine + 1);
        }
        return new KtpSheet(header == null ? List.of() : header, rows, null);
    }

    /** «;» unless the first line has more commas than semicolons. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long semicolons = first.chars().filter(c -> c == ';').count();
        long commas = first.chars().filter(c -> c == ',').count();
        return commas > semicolons ? ',' : ';';
    }

    /** A record's position is just past the previous one: skipped empty lines are not the record's own. */
    private static long firstVisible(String text, long position) {
        int at = (int) position;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static long lineOf(int[] lineStarts, long position) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts[middle] <= position) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\n' || c == '\r') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
