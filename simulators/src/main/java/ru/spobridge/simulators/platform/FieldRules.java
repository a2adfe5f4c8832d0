package ru.spobridge.simulators.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import ru.spobridge.simulators.contingent.demo.Snils;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * Field types (envelope, 400 MALFORMED) and per-record field rules (rejections) of batch items, keyed by the
 * canonical field name so that a platform gets a rule by having the field.
 */
final class FieldRules {

    static final Set<String> STUDY_FORMS = Set.of("очная", "заочная", "очно-заочная");
    static final Set<String> DISCIPLINE_KINDS = Set.of("УД", "МДК", "ПМ", "практика");
    /** Date fields whose names do not end in {@code Date}. */
    private static final Set<String> OTHER_DATES = Set.of("hiredOn", "dateFrom", "dateTo", "date", "from", "to");
    private static final Pattern PHONE = Pattern.compile("^\\+7\\d{10}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    /** What the rules may ask of the tenant: which groups, students and staff accounts it already has. */
    interface Known {
        boolean group(String externalId);

        boolean student(String externalId);

        boolean staff(String externalId);

        /** Whether a reference item of kind {@code building} with this code was posted. */
        boolean building(String code);

        /** Whether a schedule item with this lesson key was posted. */
        boolean lesson(String key);
    }

    /** Attributes of reference items: camelCase on every platform. */
    private static final FieldRules ATTRIBUTES = new FieldRules(FieldNaming.CAMEL_CASE);

    private final FieldNaming naming;
    private final MarkRules marks;
    private final SchoolRules school;

    FieldRules(FieldNaming naming) {
        this.naming = naming;
        this.marks = new MarkRules(naming);
        this.school = new SchoolRules(naming);
    }

    /** Wire path of the first field with a wrong JSON type, relative to the item; empty when the types are right. */
    Optional<String> typeProblem(ResourceSchema schema, JsonNode item) {
        for (FieldSpec field : schema.fields()) {
            String name = naming.wire(field.name());
            JsonNode value = item.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            Optional<String> problem = switch (field.type()) {
                case TEXT -> value.isTextual() ? Optional.empty() : Optional.of(name);
                case INTEGER -> value.isIntegralNumber() ? Optional.empty() : Optional.of(name);
                case BOOLEAN -> value.isBoolean() ? Optional.empty() : Optional.of(name);
                case TEXT_LIST -> listProblem(name, value, JsonNode::isTextual);
                case SUBGROUPS -> objectListProblem(name, value, List.of("code", "name"));
                case SCOPE -> objectListProblem(name, value, scopeParts());
                case TEXT_MAP -> textMapProblem(name, value);
                case MARK_CELL -> value.isTextual() || value.isIntegralNumber() ? Optional.empty()
                        : listProblem(name, value, JsonNode::isIntegralNumber);
            };
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Every field-level rejection of one well-typed item; state rules of movements and lessons come later. */
    List<RecordError> errors(ResourceSchema schema, JsonNode item, Known known) {
        List<RecordError> errors = errors(schema.kind(), schema.fields(), item, known);
        if (schema.kind() == ResourceKind.MOVEMENTS && "transfer".equals(text(item, "kind"))
                && blank(item.get(naming.wire("toGroupExternalId")))) {
            errors.add(error("toGroupExternalId", "REQUIRED", "Для перевода нужна группа, в которую переводят"));
        }
        if (schema.kind() == ResourceKind.MARKS) {
            errors.addAll(marks.errors(schema, item));
        }
        errors.addAll(school.errors(schema, item));
        if (schema.kind() == ResourceKind.REFERENCE) {
            JsonNode attributes = item.get(naming.wire("attributes"));
            String prefix = naming.wire("attributes") + ".";
            ATTRIBUTES.errors(schema.kind(), ResourceSchema.referenceAttributes(text(item, "kind")),
                    attributes == null || !attributes.isObject() ? JsonBodies.MAPPER.createObjectNode() : attributes,
                    known).forEach(e -> errors.add(new RecordError(prefix + e.field(), e.code(), e.message())));
        }
        return errors;
    }

    private List<RecordError> errors(ResourceKind kind, List<FieldSpec> fields, JsonNode item, Known known) {
        List<RecordError> errors = new ArrayList<>();
        for (FieldSpec field : fields) {
            JsonNode value = item.get(naming.wire(field.name()));
            if (field.required() && (blank(value) || value.isArray() && value.isEmpty())) {
                errors.add(error(field.name(), "REQUIRED", "Не заполнено обязательное поле «"
                        + FieldLabels.of(field.name()) + "»"));
            } else if (!blank(value) && field.values().isEmpty()) {
                check(kind, field.name(), value, known, errors);
            } else if (!blank(value) && !field.values().contains(value.asText())) {
                errors.add(error(field.name(), "INVALID_VALUE", "Недопустимое значение поля «"
                        + FieldLabels.of(field.name()) + "»"));
            }
        }
        ValueFormats.rangeErrors(item, naming).forEach(e -> errors.add(error(e.field(), e.code(), e.message())));
        return errors;
    }

    private void check(ResourceKind kind, String name, JsonNode value, Known known, List<RecordError> errors) {
        String text = value.asText();
        switch (name) {
            case "email" -> {
                if (!EMAIL.matcher(text).matches()) {
                    errors.add(invalidFormat(name, "ожидается адрес вида имя@домен"));
                }
            }
            case "phone" -> {
                if (!PHONE.matcher(text).matches()) {
                    errors.add(invalidFormat(name, "ожидается +7 и 10 цифр"));
                }
            }
            case "snils" -> {
                if (!Snils.isValid(text)) {
                    errors.add(error(name, "INVALID_SNILS",
                            "СНИЛС не соответствует формату XXX-XXX-XXX YY или контрольному числу"));
                }
            }
            case "form", "studyForm" -> {
                if (!STUDY_FORMS.contains(text)) {
                    errors.add(error(name, "INVALID_VALUE", "Недопустимое значение поля «" + FieldLabels.of(name)
                            + "»: ожидается очная, заочная или очно-заочная"));
                }
            }
            case "course" -> {
                if (value.asInt() < 1 || value.asInt() > 6) {
                    errors.add(error(name, "INVALID_VALUE", "Курс должен быть от 1 до 6"));
                }
            }
            case "kind" -> {
                if (!MovementKind.known(text)) {
                    errors.add(error(name, "INVALID_VALUE", "Недопустимый вид движения"));
                }
            }
            case "groupExternalId", "toGroupExternalId" -> {
                if (!known.group(text)) {
                    errors.add(naming == FieldNaming.SCHOOL_SNAKE_CASE
                            ? error(name, "UNKNOWN_CLASS_UNIT", "Класс не найден: сначала передайте его в class_units")
                            : error(name, "UNKNOWN_GROUP", "Группа не найдена: сначала передайте её в groups"));
                }
            }
            case "studentExternalId" -> {
                if (!known.student(text)) {
                    errors.add(unknownStudent(naming.wire(name)));
                }
            }
            case "studentExternalIds" -> {
                for (int i = 0; i < value.size(); i++) {
                    if (!known.student(value.get(i).asText())) {
                        errors.add(unknownStudent(naming.wire(name) + "[" + i + "]"));
                    }
                }
            }
            case "subgroups" -> requireParts(name, value, List.of("code"), "Не указан код подгруппы", errors);
            case "scope" -> requireParts(name, value, scopeParts(), "Не указаны группа или дисциплина замены",
                    errors);
            case "teacherExternalId", "absentTeacherExternalId", "substituteTeacherExternalId" -> {
                // the schedule and lesson records name teachers as the timetable and journal have them, accounts or not
                if (kind != ResourceKind.SCHEDULE && kind != ResourceKind.LESSONS && !known.staff(text)) {
                    errors.add(error(name, "UNKNOWN_STAFF",
                            "Сотрудник не найден: сначала передайте его учётную запись"));
                }
            }
            case "disciplineKind" -> {
                if (!DISCIPLINE_KINDS.contains(text)) {
                    errors.add(error(name, "INVALID_VALUE",
                            "Недопустимый вид дисциплины: ожидается УД, МДК, ПМ или практика"));
                }
            }
            case "hours", "weight", "lessonNo", "workNo", "orderNo" -> {
                // a movement's orderNo is the order's text number; only a lesson's is the КТП row number
                if (name.equals("orderNo") && kind != ResourceKind.LESSONS) {
                    return;
                }
                if (value.asInt() <= 0) {
                    // АИС ЭПО numbers a lesson's КТП row orderNo, as its КТП does; the label list names a movement's
                    String label = name.equals("orderNo") ? "номер занятия по КТП" : FieldLabels.of(name);
                    errors.add(error(name, "INVALID_VALUE", "Значение поля «" + label + "» должно быть больше нуля"));
                }
            }
            case "lessonKey" -> {
                if (!text.startsWith(ResourceSchema.LESSON_BY_DATE_PREFIX) && !known.lesson(text)) {
                    errors.add(error(name, "UNKNOWN_LESSON", "Урок не найден: передайте его в расписании "
                            + "или укажите ключ по дате, звонку, группе и дисциплине"));
                }
            }
            case "recordedAt" -> {
                if (!instant(text)) {
                    errors.add(invalidFormat(name, "ожидается время ISO 8601, например 2026-09-07T10:15:00Z"));
                }
            }
            case "start", "end" -> {
                if (ValueFormats.time(text).isEmpty()) {
                    errors.add(invalidFormat(name, "ожидается время Ч:ММ или ЧЧ:ММ"));
                }
            }
            case "bellNo", "pairNo" -> {
                if (value.asInt() < 0) {
                    errors.add(error(name, "INVALID_VALUE", "Номер урока не может быть отрицательным"));
                }
            }
            case "building" -> {
                if (!known.building(text)) {
                    errors.add(error(name, "UNKNOWN_REFERENCE",
                            "Корпус не найден: сначала передайте его в справочник"));
                }
            }
            default -> {
                if ((name.endsWith("Date") || OTHER_DATES.contains(name)) && !realDate(text)) {
                    errors.add(invalidFormat(name, "ожидается существующая дата ГГГГ-ММ-ДД"));
                }
            }
        }
    }

    /** The text of a canonical field of an item, or null when absent. */
    String text(JsonNode item, String canonical) {
        JsonNode value = item.get(naming.wire(canonical));
        return blank(value) ? null : value.asText();
    }

    RecordError error(String canonical, String code, String message) {
        return new RecordError(naming.wire(canonical), code, message);
    }

    static boolean instant(String text) {
        try {
            java.time.Instant.parse(text.strip());
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    static boolean realDate(String text) {
        return ValueFormats.date(text).isPresent();
    }

    static boolean blank(JsonNode value) {
        return value == null || value.isNull() || value.isValueNode() && value.asText().isBlank();
    }

    private RecordError invalidFormat(String name, String expected) {
        return error(name, "INVALID_FORMAT", "Неверный формат поля «" + FieldLabels.of(name) + "»: " + expected);
    }

    private static RecordError unknownStudent(String field) {
        return new RecordError(field, "UNKNOWN_STUDENT", "Студент не найден: сначала передайте его профиль");
    }

    /** Path of the first value of an object that is not text; the object itself when it is not one. */
    private static Optional<String> textMapProblem(String name, JsonNode value) {
        if (!value.isObject()) {
            return Optional.of(name);
        }
        for (var fields = value.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (!field.getValue().isTextual()) {
                return Optional.of(name + "." + field.getKey());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> listProblem(String name, JsonNode value, Predicate<JsonNode> element) {
        if (!value.isArray()) {
            return Optional.of(name);
        }
        for (int i = 0; i < value.size(); i++) {
            if (!element.test(value.get(i))) {
                return Optional.of(name + "[" + i + "]");
            }
        }
        return Optional.empty();
    }

    /** Wire names of the two parts of a substitution scope element. */
    private List<String> scopeParts() {
        return List.of(naming.wire("groupExternalId"), naming.wire("disciplineCode"));
    }

    /** A REQUIRED error for every element of an object list that lacks one of the (wire-named) parts. */
    private void requireParts(String name, JsonNode value, List<String> parts, String message,
                              List<RecordError> errors) {
        for (int i = 0; i < value.size(); i++) {
            for (String part : parts) {
                if (blank(value.get(i).get(part))) {
                    errors.add(new RecordError(naming.wire(name) + "[" + i + "]." + part, "REQUIRED", message));
                }
            }
        }
    }

    /** Path of the first element that is not an object or whose text part is not text; empty when right. */
    private static Optional<String> objectListProblem(String name, JsonNode value, List<String> parts) {
        Optional<String> notObjects = listProblem(name, value, JsonNode::isObject);
        if (notObjects.isPresent()) {
            return notObjects;
        }
        for (int i = 0; i < value.size(); i++) {
            for (String field : parts) {
                JsonNode part = value.get(i).get(field);
                if (part != null && !part.isNull() && !part.isTextual()) {
                    return Optional.of(name + "[" + i + "]." + field);
                }
            }
        }
        return Optional.empty();
    }
}
