package ru.spobridge.simulators.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules of a mark that no single field states: the platform's cell encoding (a list of text marks, СГО's
 * numbers), exactly one of marks and attestation where both fields exist, and no attestation result for current
 * control. Which rule applies follows from the fields the platform's mark schema has.
 */
final class MarkRules {

    /** Most marks one cell may hold ("5/4"). */
    private static final int MAX_MARKS = 2;
    private static final String CURRENT_CONTROL = "текущая";

    private final FieldNaming naming;

    MarkRules(FieldNaming naming) {
        this.naming = naming;
    }

    List<RecordError> errors(ResourceSchema schema, JsonNode item) {
        List<RecordError> errors = new ArrayList<>();
        for (FieldSpec field : schema.fields()) {
            JsonNode value = item.get(naming.wire(field.name()));
            if (FieldRules.blank(value)) {
                continue;
            }
            if (field.type() == FieldSpec.Type.MARK_CELL && !validCell(value)
                    || "marks".equals(field.name()) && !validMarks(value)) {
                errors.add(error(field.name(), "INVALID_VALUE", "Недопустимое значение отметки: ожидается 5, 4, 3 "
                        + "или 2, не более двух в одной клетке, либо результат аттестации"));
            }
        }
        if (schema.has("marks") && schema.has("attestation")) {
            boolean marks = present(item, "marks");
            boolean attestation = present(item, "attestation");
            if (!marks && !attestation) {
                errors.add(error("marks", "REQUIRED", "Нужны отметки или результат аттестации"));
            } else if (marks && attestation) {
                errors.add(error("attestation", "INVALID_VALUE",
                        "Передайте либо отметки, либо результат аттестации, но не то и другое"));
            }
        }
        String attestationField = attestationField(schema, item);
        if (attestationField != null && currentControl(schema, item)) {
            errors.add(error(attestationField, "INVALID_VALUE",
                    "Результат аттестации недопустим для текущего контроля"));
        }
        return errors;
    }

    /** СГО's cell: a mark as a number, one or two of them as a list, or an attestation code as text. */
    private static boolean validCell(JsonNode value) {
        if (value.isTextual()) {
            return ResourceSchema.ATTESTATION_CODES.contains(value.asText());
        }
        return value.isArray() ? validMarks(value) : ResourceSchema.MARKS.contains(value.asText());
    }

    private static boolean validMarks(JsonNode list) {
        if (list.isEmpty() || list.size() > MAX_MARKS) {
            return false;
        }
        for (JsonNode mark : list) {
            if (!ResourceSchema.MARKS.contains(mark.asText())) {
                return false;
            }
        }
        return true;
    }

    /** The canonical name of the field carrying an attestation result, or null when the mark is a plain mark. */
    private String attestationField(ResourceSchema schema, JsonNode item) {
        if (schema.has("attestation") && present(item, "attestation")) {
            return "attestation";
        }
        JsonNode value = item.get(naming.wire("value"));
        return schema.has("value") && value != null && value.isTextual()
                && ResourceSchema.ATTESTATION_CODES.contains(value.asText()) ? "value" : null;
    }

    /** By the control form where the platform has one, else by the work type: anything but attestation is current. */
    private boolean currentControl(ResourceSchema schema, JsonNode item) {
        String field = schema.has("controlForm") ? "controlForm" : "workType";
        JsonNode value = item.get(naming.wire(field));
        if (FieldRules.blank(value)) {
            return false;
        }
        return "controlForm".equals(field) ? CURRENT_CONTROL.equals(value.asText())
                : !"attestation".equals(value.asText());
    }

    private boolean present(JsonNode item, String canonical) {
        JsonNode value = item.get(naming.wire(canonical));
        return !FieldRules.blank(value) && !(value.isArray() && value.isEmpty());
    }

    private RecordError error(String canonical, String code, String message) {
        return new RecordError(naming.wire(canonical), code, message);
    }
}
