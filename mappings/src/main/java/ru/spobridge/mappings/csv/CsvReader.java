package ru.spobridge.mappings.csv;

import java.util.ArrayList;
import java.util.List;
import ru.spobridge.mappings.text.FileText;

/**
 * The one CSV reader of the hub's files, as Excel and 1С write them in Russia: semicolon-separated, a header row,
 * UTF-8 or windows-1251, with or without a byte-order mark. Quoted fields may hold «;», doubled quotes and newlines.
 * Every record carries the physical line it starts on. A record with a broken quote (never closed, or text glued
 * after the closing quote) is lost alone: reading resumes on the next physical line after the one it started on.
 */
public final class CsvReader {

    // Hand-written: Commons CSV cannot resume after an unterminated quote (it has consumed the rest of the file by then).

    private static final char DELIMITER = ';';
    private static final char QUOTE = '"';

    private final String text;
    private final int[] lineStarts;

    private CsvReader(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** Decodes the bytes the way every dropped file is decoded ({@link FileText}), then reads them. */
    public static CsvTable read(byte[] bytes) {
        return read(FileText.decode(bytes).text());
    }

    public static CsvTable read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new CsvReader(body).table();
    }

    private CsvTable table() {
        List<CsvTable.Row> rows = new ArrayList<>();
        CsvTable.Header header = null;
        int line = 0;
        long number = 0;
        while (line < lineStarts.length) {
            if (blank(line)) {
                line++;
                continue;
            }
            Record record = record(line, header == null ? -1 : header.size());
            if (header == null) {
                // a header with a broken quote is still shown as found (split as it stands), so the file is refused as not recognised
                header = CsvTable.Header.of(record != null ? record.values() : List.of(physicalLine(line).split(String.valueOf(DELIMITER), -1)));
                if (record == null) {
                    line++;
                    continue;
                }
            } else if (record == null) {
                rows.add(new CsvTable.Row(++number, line + 1, List.of(), header, true));
                line++;
                continue;
            } else {
                rows.add(new CsvTable.Row(++number, line + 1, record.values(), header, false));
            }
            line = record.nextLine();
        }
        return new CsvTable(header == null ? CsvTable.Header.of(List.of()) : header, rows);
    }

    private record Record(List<String> values, int nextLine) {
    }

    /**
     * The record starting on a physical line (0-based), or null when its quotes are broken. A record that runs over
     * several lines must also have the header's field count, else its opening quote is taken for a broken one.
     */
    private Record record(int startLine, int expectedFields) {
        List<String> values = new ArrayList<>();
        int pos = lineStarts[startLine];
        int line = startLine;
        StringBuilder value = new StringBuilder();
        while (true) {
            value.setLength(0);
            pos = skipBlanks(pos);
            if (pos < text.length() && text.charAt(pos) == QUOTE) {
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        return null;
                    }
                    char c = text.charAt(pos);
                    if (c == QUOTE) {
                        if (pos + 1 < text.length() && text.charAt(pos + 1) == QUOTE) {
                            value.append(QUOTE);
                            pos += 2;
                            continue;
                        }
                        pos++;
                        break;
                    }
                    if (c == '\n' || c == '\r') {
                        line++;
                        if (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                            value.append("\r\n");
                            pos += 2;
                            continue;
                        }
                    }
                    value.append(c);
                    pos++;
                }
                pos = skipBlanks(pos);
                if (pos < text.length() && !endOfField(text.charAt(pos))) {
                    return null;
                }
                values.add(value.toString().strip());
            } else {
                int start = pos;
                while (pos < text.length() && !endOfField(text.charAt(pos))) {
                    pos++;
                }
                values.add(text.substring(start, pos).strip());
            }
            if (pos < text.length() && text.charAt(pos) == DELIMITER) {
                pos++;
                continue;
            }
            if (line > startLine && expectedFields >= 0 && values.size() != expectedFields) {
                return null;
            }
            return new Record(values, line + 1);
        }
    }

    private int skipBlanks(int pos) {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    private static boolean endOfField(char c) {
        return c == DELIMITER || c == '\n' || c == '\r';
    }

    private boolean blank(int line) {
        return physicalLine(line).isBlank();
    }

    private String physicalLine(int line) {
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        return text.substring(lineStarts[line], end).stripTrailing();
    }

    /** Where each physical line starts; «\r\n», «\n» and a lone «\r» each end one. */
    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        if (!text.isEmpty()) {
            starts.add(0);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if ((c == '\n' || c == '\r') && i + 1 < text.length()) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
