package ru.spobridge.mappings.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link CsvReader} got out of a file: the header's columns (lower case) and its records in file order,
 * including those that could not be read at all (a broken quote), each lost alone.
 */
public record CsvTable(Header header, List<Row> rows) {

    public CsvTable {
        rows = List.copyOf(rows);
    }

    /** The required columns the header lacks, in the order asked. */
    public List<String> missing(List<String> required) {
        return required.stream().filter(column -> !header.has(column)).toList();
    }

    /** The header row: column names stripped and lower-cased; the first of two equal names wins. */
    public record Header(List<String> columns, Map<String, Integer> index) {

        public Header {
            columns = List.copyOf(columns);
            index = Map.copyOf(index);
        }

        static Header of(List<String> cells) {
            List<String> columns = cells.stream().map(cell -> cell.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                if (!columns.get(i).isEmpty()) {
                    index.putIfAbsent(columns.get(i), i);
                }
            }
            return new Header(columns, index);
        }

        public boolean has(String column) {
            return index.containsKey(column.toLowerCase(Locale.ROOT));
        }

        public int size() {
            return columns.size();
        }
    }

    /**
     * One record: its ordinal among the data records, the physical line it starts on (a quoted field with a newline
     * spans lines), and its values; a broken record has none.
     */
    public record Row(long number, long line, List<String> values, Header header, boolean broken) {

        public Row {
            values = List.copyOf(values);
        }

        /** Does the record have as many fields as the header has columns. */
        public boolean consistent() {
            return !broken && values.size() == header.size();
        }

        public int size() {
            return values.size();
        }

        /** The stripped value, or null when blank or when the file has no such column. */
        public String get(String column) {
            Integer at = header.index().get(column.toLowerCase(Locale.ROOT));
            if (at == null || at >= values.size()) {
                return null;
            }
            String value = values.get(at);
            return value.isBlank() ? null : value.strip();
        }
    }
}
