package ru.spobridge.simulators.epos;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Field types (envelope, 400 MALFORMED) and per-record rules (rejections) of ЭПОС.СПО batch items. */
final class EposRecordRules {

    static final Set<String> STUDY_FORMS = Set.of("очная", "заочная", "очно-заочная");
    private static final Pattern PHONE = Pattern.compile("^\\+7\\d{10}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final List<String> GROUP_TEXT = List.of("external_id", "name", "specialty_code", "form");
    private static final List<String> STUDENT_TEXT = List.of("external_id", "last_name", "first_name", "middle_name",
            "birth_date", "email", "phone", "group_external_id", "study_form");
    private static final List<String> STUDENT_REQUIRED = List.of("external_id", "last_name", "first_name",
            "birth_date", "email", "phone", "group_external_id");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("external_id", "внешний идентификатор"), Map.entry("name", "название"),
            Map.entry("course", "курс"), Map.entry("form", "форма обучения"),
            Map.entry("study_form", "форма обучения"), Map.entry("last_name", "фамилия"),
            Map.entry("first_name", "имя"), Map.entry("birth_date", "дата рождения"),
            Map.entry("email", "e-mail"), Map.entry("phone", "телефон"),
            Map.entry("group_external_id", "группа"));

    private EposRecordRules() {
    }

    /** Path of the first field with a wrong JSON type, relative to the item; empty when the types are right. */
    static Optional<String> typeProblem(EposCollection collection, JsonNode item) {
        List<String> text = collection == EposCollection.GROUPS ? GROUP_TEXT : STUDENT_TEXT;
        for (String field : text) {
            if (wrongType(item.get(field), JsonNode::isTextual)) {
                return Optional.of(field);
            }
        }
        if (collection == EposCollection.STUDENT_PROFILES) {
            return wrongType(item.get("individual_plan"), JsonNode::isBoolean)
                    ? Optional.of("individual_plan") : Optional.empty();
        }
        if (wrongType(item.get("course"), JsonNode::isIntegralNumber)) {
            return Optional.of("course");
        }
        JsonNode subgroups = item.get("subgroups");
        if (wrongType(subgroups, JsonNode::isArray)) {
            return Optional.of("subgroups");
        }
        for (int i = 0; subgroups != null && i < subgroups.size(); i++) {
            JsonNode subgroup = subgroups.get(i);
            if (!subgroup.isObject()) {
                return Optional.of("subgroups[" + i + "]");
            }
            for (String field : List.of("code", "name")) {
                if (wrongType(subgroup.get(field), JsonNode::isTextual)) {
                    return Optional.of("subgroups[" + i + "]." + field);
                }
            }
        }
        return Optional.empty();
    }

    static List<RecordError> groupErrors(JsonNode item) {
        List<RecordError> errors = new ArrayList<>();
        required(item, List.of("external_id", "name"), errors);
        if (item.hasNonNull("course") && (item.get("course").asInt() < 1 || item.get("course").asInt() > 6)) {
            errors.add(new RecordError("course", "INVALID_VALUE", "Курс должен быть от 1 до 6"));
        }
        formValue(item, "form", errors);
        JsonNode subgroups = item.path("subgroups");
        for (int i = 0; i < subgroups.size(); i++) {
            if (blank(subgroups.get(i).get("code"))) {
                errors.add(new RecordError("subgroups[" + i + "].code", "REQUIRED", "Не указан код подгруппы"));
            }
        }
        return errors;
    }

    static List<RecordError> studentErrors(JsonNode item, Predicate<String> knownGroup) {
        List<RecordError> errors = new ArrayList<>();
        required(item, STUDENT_REQUIRED, errors);
        if (!blank(item.get("email")) && !EMAIL.matcher(item.get("email").asText()).matches()) {
            errors.add(invalidFormat("email", "ожидается адрес вида имя@домен"));
        }
        if (!blank(item.get("phone")) && !PHONE.matcher(item.get("phone").asText()).matches()) {
            errors.add(invalidFormat("phone", "ожидается +7 и 10 цифр"));
        }
        if (!blank(item.get("birth_date")) && !realDate(item.get("birth_date").asText())) {
            errors.add(invalidFormat("birth_date", "ожидается существующая дата ГГГГ-ММ-ДД"));
        }
        if (!blank(item.get("group_external_id")) && !knownGroup.test(item.get("group_external_id").asText())) {
            errors.add(new RecordError("group_external_id", "UNKNOWN_GROUP",
                    "Группа не найдена: сначала передайте её в /groups"));
        }
        formValue(item, "study_form", errors);
        return errors;
    }

    private static void required(JsonNode item, List<String> fields, List<RecordError> errors) {
        for (String field : fields) {
            if (blank(item.get(field))) {
                errors.add(new RecordError(field, "REQUIRED",
                        "Не заполнено обязательное поле «" + LABELS.get(field) + "»"));
            }
        }
    }

    private static void formValue(JsonNode item, String field, List<RecordError> errors) {
        if (!blank(item.get(field)) && !STUDY_FORMS.contains(item.get(field).asText())) {
            errors.add(new RecordError(field, "INVALID_VALUE", "Недопустимое значение поля «" + LABELS.get(field)
                    + "»: ожидается очная, заочная или очно-заочная"));
        }
    }

    private static RecordError invalidFormat(String field, String expected) {
        return new RecordError(field, "INVALID_FORMAT",
                "Неверный формат поля «" + LABELS.get(field) + "»: " + expected);
    }

    private static boolean realDate(String text) {
        try {
            // ISO_LOCAL_DATE resolves strictly: 2007-02-31 is not a date
            LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean wrongType(JsonNode value, Predicate<JsonNode> expected) {
        return value != null && !value.isNull() && !expected.test(value);
    }

    private static boolean blank(JsonNode value) {
        return value == null || value.isNull() || value.asText().isBlank();
    }
}
