package ru.spobridge.app.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An archived CSV or JSON Lines file as a table, one page at a time, for reading in the console: the columns are the
 * CSV header or every field name the JSON lines use, in the order first seen.
 */
final class ArchiveFileTable {

    record Page(String path, List<String> columns, List<List<String>> rows, int page, int size, int total) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveFileTable() {
    }

    /** Whether the file is shown as a table (the others are downloaded). */
    static boolean tabular(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    static Page page(String path, byte[] content, int page, int size) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = path.toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(text, columns) : jsonLines(path, text, columns);
        int from = Math.min(rows.size(), page * size);
        int to = Math.min(rows.size(), from + size);
        return new Page(path, columns, rows.subList(from, to), page, size, rows.size());
    }

    private static List<List<String>> csv(String text, List<String> columns) {
        String firstLine = text.lines().findFirst().orElse("");
        // the exports of the hub are ';'-separated for Excel in Russian locales; ',' is taken when the header says so
        char delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            columns.addAll(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Файл не прочитан как CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    private static List<List<String>> jsonLines(String path, String text, List<String> columns) {
        List<JsonNode> lines = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                node.fieldNames().forEachRemaining(names::add);
                lines.add(node);
            } catch (IOException e) {
                throw new UncheckedIOException("Файл " + path + ", строка " + number + ": не JSON", e);
            }
        }
        columns.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode node : lines) {
            List<String> row = new ArrayList<>();
            for (String name : columns) {
                JsonNode value = node.get(name);
                row.add(value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString());
            }
            rows.add(row);
        }
        return rows;
    }

    private static int count(String line, char c) {
        return (int) line.chars().filter(ch -> ch == c).count();
    }
}
