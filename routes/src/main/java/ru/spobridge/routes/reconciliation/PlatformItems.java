package ru.spobridge.routes.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.routes.marks.MarksIntake;

/** Reading a platform's listed items: which sent fields differ, and a journal value back in canonical text. */
final class PlatformItems {

    private PlatformItems() {
    }

    /** Fields the platform should have and holds otherwise; numbers and booleans compared as JSON values. */
    static List<String> differentFields(ObjectMapper mapper, Map<String, Object> shouldBe, Map<String, Object> is) {
        TreeSet<String> fields = new TreeSet<>();
        for (Map.Entry<String, Object> field : shouldBe.entrySet()) {
            JsonNode expected = mapper.valueToTree(field.getValue());
            JsonNode actual = mapper.valueToTree(is.get(field.getKey()));
            if (!Objects.equals(expected, actual)) {
                fields.add(field.getKey());
            }
        }
        return List.copyOf(fields);
    }

    /**
     * The value of a listed item as the journal writes it: ЭПОС's text «5/4», СГО's 5 or [5, 4] or «НПА», АИС ЭПО's
     * ["5", "4"] or its attestation in words (shared/contracts); an absence's code; a lesson entry's topic.
     */
    static String value(String entityType, Map<String, Object> item) {
        return switch (entityType) {
            case MarksIntake.MARK -> mark(item);
            case MarksIntake.ATTENDANCE -> ReadBack.text(item, "reason_code", "code");
            case LessonEntry.ENTITY_TYPE -> ReadBack.text(item, "topic", "topic");
            default -> null;
        };
    }

    static String homework(Map<String, Object> item) {
        return ReadBack.text(item, "homework", "homework");
    }

    private static String mark(Map<String, Object> item) {
        Object value = item.get("value");
        if (value == null && item.get("marks") instanceof List<?> marks && !marks.isEmpty()) {
            value = marks;
        }
        if (value == null && item.get("attestation") != null) {
            return switch (String.valueOf(item.get("attestation"))) {
                case "зачтено" -> "зач";
                case "академическая задолженность" -> "а/з";
                case "не аттестован" -> "н/а";
                case "не прошёл по уважительной причине" -> "НПА";
                default -> String.valueOf(item.get("attestation"));
            };
        }
        if (value instanceof List<?> grades) {
            return String.join("/", grades.stream().map(String::valueOf).toList());
        }
        return value == null ? null : String.valueOf(value);
    }
}
