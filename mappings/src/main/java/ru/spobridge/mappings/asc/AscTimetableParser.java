package ru.spobridge.mappings.asc;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import ru.spobridge.mappings.xml.SafeXml;
import ru.spobridge.model.RecordError;

/**
 * Reads an «aSc Timetables 2012 XML» export (shared/contracts/asc-timetables.md) as a stream — no DOM, only the
 * records are kept — with DTDs and external entities switched off. Each table is read through its {@code columns}
 * attribute; unknown tables and attributes are skipped. An element with a bad value is reported and left out, the
 * rest goes through; a file cut short or broken keeps everything read before the break.
 */
public final class AscTimetableParser {

    /** What the file gave: the timetable (possibly partial) and every element or part of the file that was refused. */
    public record Result(AscTimetable timetable, List<RecordError> errors) {

        public Result {
            errors = List.copyOf(errors);
        }
    }

    /** Row element and the columns without which its rows mean nothing, per table. */
    private static final Map<String, Table> TABLES = Map.ofEntries(
            Map.entry("periods", new Table("period", "period")),
            Map.entry("daysdefs", new Table("daysdef", "id")),
            Map.entry("weeksdefs", new Table("weeksdef", "id")),
            Map.entry("termsdefs", new Table("termsdef", "id")),
            Map.entry("days", new Table("day", "day")),
            Map.entry("subjects", new Table("subject", "id")),
            Map.entry("teachers", new Table("teacher", "id")),
            Map.entry("buildings", new Table("building", "id")),
            Map.entry("classrooms", new Table("classroom", "id")),
            Map.entry("classes", new Table("class", "id")),
            Map.entry("groups", new Table("group", "id", "classid")),
            Map.entry("lessons", new Table("lesson", "id")),
            Map.entry("cards", new Table("card", "lessonid", "period")));

    private record Table(String row, String... required) {
    }

    private AscTimetableParser() {
    }

    /** The caller decodes the bytes (UTF-8 or windows-1251, as declared) and passes the characters; a BOM is skipped. */
    public static Result parse(String fileName, Reader xml) {
        AscTableRows rows = new AscTableRows();
        List<RecordError> errors = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = SafeXml.streamReader(xml);
            read(fileName, reader, rows, errors);
        } catch (SafeXml.DtdRefused e) {
            errors.add(new RecordError(fileName, "DOCTYPE", "DTD_NOT_ALLOWED", "Файл содержит DTD: такие файлы не принимаются"));
        } catch (XMLStreamException e) {
            String line = e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNumber());
            errors.add(new RecordError(fileName + ":" + line, "-", "MALFORMED_XML", "XML-файл повреждён или оборван (строка " + line
                    + "): элементы до этого места приняты, дальше — нет"));
        } catch (IOException e) {
            errors.add(new RecordError(fileName, "-", "MALFORMED_XML", "Файл расписания не удалось прочитать"));
        } finally {
            close(reader);
        }
        errors.addAll(rows.errors());
        return new Result(rows.timetable(), errors);
    }

    private static void read(String fileName, XMLStreamReader reader, AscTableRows rows, List<RecordError> errors)
            throws XMLStreamException {
        int depth = 0;
        Table table = null;
        Set<String> columns = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1) {
                    table = null;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                if (depth == 1) {
                    if (!name.equals("timetable")) {
                        errors.add(new RecordError(fileName, "-", "NOT_ASC_TIMETABLE",
                                "Файл не является выгрузкой «aSc Timetables XML» (корневой элемент не timetable)"));
                        return;
                    }
                    rows.version(reader.getAttributeValue(null, "ascttversion"));
                } else if (depth == 2) {
                    table = TABLES.get(name);
                    columns = columns(reader.getAttributeValue(null, "columns"));
                    if (table != null && columns != null && !columns.containsAll(List.of(table.required()))) {
                        errors.add(new RecordError("table " + name, "columns", "MISSING_COLUMN", "Таблица «" + name
                                + "»: в columns нет обязательных колонок " + String.join(",", table.required()) + "; таблица пропущена"));
                        table = null;
                    }
                } else if (depth == 3 && table != null && name.equals(table.row())) {
                    rows.add(new AscElement(name, attributes(reader), columns));
                }
            }
        }
    }

    /** The declared columns, or null when the table declares none (then every attribute present counts). */
    private static Set<String> columns(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        return Arrays.stream(declared.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Map<String, String> attributes(XMLStreamReader reader) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return attributes;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing left to read
            }
        }
    }
}
