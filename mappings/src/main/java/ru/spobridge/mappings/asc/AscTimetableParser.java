package ru.spobridge.mappings.asc;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import ru.spobridge.mappings.xml.SafeXml;
import ru.spobridge.model.RecordError;

/**
 * Reads an «aSc Timetables 2012 XML» export (shared/contracts/asc-timetables.md) as a stream — no DOM, only the
 * records are kept — with DTDs and external entities switched off. Each table is read through its {@code columns}
 * attribute; unknown tables and attributes are skipped. An element with a bad value is reported and left out, the
 * rest goes through. A file that cannot be read as a whole — empty, cut short, not XML, a DTD, an absurdly long
 * attribute, another root — is refused as a whole: a broken export must never replace a schedule with its first half.
 */
public final class AscTimetableParser {

    /**
     * What the file gave: the timetable and every element that was refused; or, when the file itself is refused,
     * {@code refusal} (keyed by the file name, with line and column) and an empty timetable. {@code refusedCards}
     * and {@code refusedLessons} count the card and lesson elements left out for a bad value.
     */
    public record Result(AscTimetable timetable, List<RecordError> errors, RecordError refusal, int refusedCards, int refusedLessons) {

        public Result {
            errors = List.copyOf(errors);
        }

        public Result(AscTimetable timetable, List<RecordError> errors) {
            this(timetable, errors, null, 0, 0);
        }

        /** Card elements in the file, used or not. */
        public int cardsRead() {
            return timetable.cards().size() + refusedCards;
        }

        /** Lesson elements in the file, used or not. */
        public int lessonsRead() {
            return timetable.lessons().size() + refusedLessons;
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    public static final String MALFORMED_XML = "MALFORMED_XML";
    public static final String EMPTY_FILE = "EMPTY_FILE";
    public static final String NOT_ASC_TIMETABLE = "NOT_ASC_TIMETABLE";
    public static final String DTD_NOT_ALLOWED = "DTD_NOT_ALLOWED";
    public static final String ATTRIBUTE_TOO_LONG = "ATTRIBUTE_TOO_LONG";
    /** No aSc attribute comes near this (the longest are id lists of a class's students); longer is damage or an attack. */
    static final int MAX_ATTRIBUTE_CHARS = 64 * 1024;

    /** The whole file is refused at this point: no element of it is used. */
    private static final class Refused extends Exception {
        private final RecordError refusal;

        Refused(RecordError refusal) {
            super(refusal.code(), null, false, false);
            this.refusal = refusal;
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
        XMLStreamReader reader = null;
        boolean[] started = {false};
        try {
            reader = SafeXml.streamReader(xml);
            read(fileName, reader, rows, started);
        } catch (Refused e) {
            return refused(e.refusal);
        } catch (SafeXml.DtdRefused e) {
            return refused(new RecordError(fileName, "DOCTYPE", DTD_NOT_ALLOWED, "Файл отклонён: он содержит объявление DTD"
                    + at(e.getLocation()) + ". Выгрузка aSc его не содержит; DTD может подменять данные или раздувать файл, поэтому такие"
                    + " файлы не принимаются. Выгрузите расписание заново: Файл → Экспорт → «aSc Timetables 2012 XML»"));
        } catch (XMLStreamException e) {
            return refused(malformed(fileName, e, started[0]));
        } catch (IOException e) {
            return refused(new RecordError(fileName, "-", MALFORMED_XML, "Файл отклонён: его не удалось прочитать (" + e.getClass().getSimpleName() + ")"));
        } finally {
            close(reader);
        }
        return new Result(rows.timetable(), rows.errors(), null, rows.refused("card"), rows.refused("lesson"));
    }

    private static Result refused(RecordError refusal) {
        return new Result(new AscTableRows().timetable(), List.of(), refusal, 0, 0);
    }

    /** The parser's own words are English and technical: say in Russian what kind of damage it is, and where. */
    private static RecordError malformed(String fileName, XMLStreamException e, boolean started) {
        String cause = e.getMessage() == null ? "" : e.getMessage();
        String where = at(e.getLocation());
        if (!started && (cause.contains("Premature end of file") || cause.contains("end of file"))) {
            return new RecordError(fileName, "-", EMPTY_FILE, "Файл отклонён: он пуст — в нём нет ни одного элемента XML"
                    + ". Проверьте, что выбран файл выгрузки, а не пустой или недокачанный");
        }
        String what;
        if (cause.contains("Invalid") && cause.contains("character") || cause.contains("Invalid byte")) {
            what = "в файле есть символы, недопустимые в XML (похоже на двоичный или испорченный файл)";
        } else if (!started) {
            what = "это не XML: в начале файла нет элемента разметки (похоже на двоичный, архивный или испорченный файл)";
        } else if (cause.contains("must start and end within the same entity") || cause.contains("end of file")
                || cause.contains("Premature")) {
            what = "файл оборван — закончился посреди разметки (недокачан или обрезан)";
        } else {
            what = "нарушена разметка XML (незакрытый или лишний элемент, неверный атрибут)";
        }
        return new RecordError(fileName, "-", MALFORMED_XML, "Файл отклонён как повреждённый" + where + ": " + what
                + ". Из него ничего не принято; выгрузите расписание из aSc заново");
    }

    private static String at(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " (строка " + location.getLineNumber() + (location.getColumnNumber() < 0 ? "" : ", столбец " + location.getColumnNumber()) + ")";
    }

    private static void read(String fileName, XMLStreamReader reader, AscTableRows rows, boolean[] started)
            throws XMLStreamException, Refused {
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
                started[0] = true;
                depth++;
                String name = reader.getLocalName();
                checkLengths(fileName, reader);
                if (depth == 1) {
                    if (!name.equals("timetable")) {
                        throw new Refused(new RecordError(fileName, "-", NOT_ASC_TIMETABLE, "Файл отклонён: это не выгрузка «aSc Timetables XML»"
                                + " — корневой элемент «" + shortened(name) + "», а не «timetable»"));
                    }
                    rows.version(reader.getAttributeValue(null, "ascttversion"));
                } else if (depth == 2) {
                    table = TABLES.get(name);
                    columns = columns(reader.getAttributeValue(null, "columns"));
                    if (table != null && columns != null && !columns.containsAll(List.of(table.required()))) {
                        rows.error(new RecordError("table " + name, "columns", "MISSING_COLUMN", "Таблица «" + name
                                + "»: в columns нет обязательных колонок " + String.join(",", table.required()) + "; таблица пропущена"));
                        table = null;
                    }
                } else if (depth == 3 && table != null && name.equals(table.row())) {
                    rows.add(new AscElement(name, attributes(reader), columns));
                }
            }
        }
        if (!started[0]) {
            throw new Refused(new RecordError(fileName, "-", EMPTY_FILE, "Файл отклонён: он пуст — в нём нет ни одного элемента XML"));
        }
    }

    private static void checkLengths(String fileName, XMLStreamReader reader) throws Refused {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            int length = reader.getAttributeValue(i).length();
            if (length > MAX_ATTRIBUTE_CHARS) {
                throw new Refused(new RecordError(fileName, shortened(reader.getAttributeLocalName(i)), ATTRIBUTE_TOO_LONG,
                        "Файл отклонён как повреждённый" + at(reader.getLocation()) + ": атрибут " + shortened(reader.getAttributeLocalName(i))
                                + " элемента «" + shortened(reader.getLocalName()) + "» длиной " + length + " символов (допустимо до "
                                + MAX_ATTRIBUTE_CHARS + "); в выгрузке aSc таких значений не бывает. Из файла ничего не принято"));
            }
        }
    }

    /** A name from the file, cut so that a hostile file cannot fill a message. */
    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
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
