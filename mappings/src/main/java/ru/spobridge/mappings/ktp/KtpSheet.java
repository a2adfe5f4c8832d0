package ru.spobridge.mappings.ktp;

import java.util.List;

/**
 * A КТП file's table as read from CSV or from a workbook's first sheet, before any meaning is given to it: the header
 * cells and the data rows, each with the line (or sheet row) an operator finds it on. {@code unreadFrom}, when set,
 * is the line from which the rest of the file could not be read (a broken quote).
 */
record KtpSheet(List<String> header, List<Row> rows, Long unreadFrom) {

    KtpSheet {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** One data row: its line in the file (1-based, the header being line 1 of a well-formed file) and its cells. */
    record Row(long line, List<String> cells) {

        Row {
            cells = List.copyOf(cells);
        }

        boolean blank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }

        String cell(int index) {
            if (index < 0 || index >= cells.size() || cells.get(index) == null || cells.get(index).isBlank()) {
                return null;
            }
            return cells.get(index).strip();
        }
    }
}
