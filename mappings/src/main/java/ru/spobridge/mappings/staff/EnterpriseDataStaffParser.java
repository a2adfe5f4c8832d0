package ru.spobridge.mappings.staff;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import ru.spobridge.mappings.Parsed;
import ru.spobridge.mappings.xml.SafeXml;
import ru.spobridge.model.RecordError;

/**
 * HR orders in the 1С EnterpriseData shape (shared/contracts/staff-sources.md; the staff documents' field set is
 * reconstructed): {@code Документ.ПриемНаРаботу}, {@code Документ.КадровыйПеревод}, {@code Документ.Увольнение}
 * inside {@code msg:Message/Body}. Read as a stream, so a file cut short keeps every order before the cut, and
 * with DTDs and external entities switched off.
 */
public final class EnterpriseDataStaffParser {

    private static final Map<String, String> KINDS = Map.of("Документ.ПриемНаРаботу", "hire",
            "Документ.КадровыйПеревод", "transfer", "Документ.Увольнение", "dismissal");
    private static final Map<String, String> EFFECTIVE_DATE = Map.of("hire", "ДатаПриема", "transfer", "ДатаПеревода",
            "dismissal", "ДатаУвольнения");

    private EnterpriseDataStaffParser() {
    }

    public static Parsed<StaffOrderRecord> parse(String fileName, Reader xml) {
        List<Parsed.Line<StaffOrderRecord>> records = new ArrayList<>();
        List<RecordError> errors = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = SafeXml.streamReader(xml);
            boolean rootSeen = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && !rootSeen) {
                    rootSeen = true;
                    if (!"Message".equals(reader.getLocalName())) {
                        errors.add(new RecordError(fileName, reader.getLocalName(), "NOT_ENTERPRISE_DATA",
                                "Корневой элемент не msg:Message: файл не в формате EnterpriseData"));
                        return new Parsed<>(records, errors);
                    }
                }
                if (event == XMLStreamConstants.START_ELEMENT && KINDS.containsKey(reader.getLocalName())) {
                    long line = reader.getLocation().getLineNumber();
                    String kind = KINDS.get(reader.getLocalName());
                    Map<String, String> fields = readDocument(reader);
                    records.add(new Parsed.Line<>(line, new StaffOrderRecord(fields.get("КлючевыеСвойства/Ссылка"), kind,
                            fields.get("КлючевыеСвойства/Номер"), fields.get("КлючевыеСвойства/Дата"), fields.get(EFFECTIVE_DATE.get(kind)),
                            fields.get("ФизическоеЛицо/Ссылка"), fields.get("ФизическоеЛицо/Фамилия"), fields.get("ФизическоеЛицо/Имя"),
                            fields.get("ФизическоеЛицо/Отчество"), fields.get("ФизическоеЛицо/АдресЭП"), fields.get("ФизическоеЛицо/Телефон"),
                            fields.get("Должность/Код"))));
                }
            }
        } catch (SafeXml.DtdRefused e) {
            // a DTD has no place in an exchange message; entity tricks start here
            errors.add(new RecordError(fileName, "DOCTYPE", "DTD_NOT_ALLOWED", "Файл содержит DTD: такие файлы не принимаются"));
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? fileName : fileName + ":" + e.getLocation().getLineNumber();
            errors.add(new RecordError(where, "-", "MALFORMED_XML", "XML-файл повреждён или оборван (после строки "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()) + "): приказы до этого места приняты, дальше — нет"));
        } catch (IOException e) {
            errors.add(new RecordError(fileName, "-", "MALFORMED_XML", "Кадровый файл не удалось прочитать"));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to read
                }
            }
        }
        return new Parsed<>(records, errors);
    }

    /** Text of the document's leaf elements by path relative to the document ("ФизическоеЛицо/Фамилия"). */
    private static Map<String, String> readDocument(XMLStreamReader reader) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        List<String> path = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                path.add(reader.getLocalName());
                text.setLength(0);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (!path.isEmpty()) {
                    String value = text.toString().strip();
                    if (!value.isEmpty()) {
                        fields.putIfAbsent(String.join("/", path), value);
                    }
                    path.remove(path.size() - 1);
                    text.setLength(0);
                }
            }
        }
        if (depth > 0) {
            throw new XMLStreamException("document not closed", reader.getLocation());
        }
        return fields;
    }
}
