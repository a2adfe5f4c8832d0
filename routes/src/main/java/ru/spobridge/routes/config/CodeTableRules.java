package ru.spobridge.routes.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import ru.spobridge.model.InvalidValueException;
import ru.spobridge.model.marks.AbsenceReason;
import ru.spobridge.model.marks.MarkValue;
import ru.spobridge.model.staff.StaffRole;
import ru.spobridge.routes.config.region.SettingError;

/**
 * What a code table row may hold, checked before it is stored: a scale converts to a mark the platforms accept, a
 * reason code to Н, УП or НУ, a position has a title and a journal role, an aSc row points at a known canonical code.
 * Pure: the known codes are passed in.
 */
public final class CodeTableRules {

    public static final String ASC_TEACHERS = "asc.teachers";
    public static final String ASC_GROUPS = "asc.groups";
    public static final String ASC_SUBGROUPS = "asc.subgroups";
    public static final String ASC_ROOMS = "asc.rooms";
    public static final String ASC_SUBJECTS = "asc.subjects";
    public static final String POSITIONS = "staff.positions";
    public static final String MARK_SCALE = "marks.scale";
    public static final String ABSENCE_REASONS = "attendance.reasons";

    public static final List<String> TABLES = List.of(ASC_TEACHERS, ASC_GROUPS, ASC_SUBGROUPS, ASC_ROOMS, ASC_SUBJECTS, POSITIONS,
            MARK_SCALE, ABSENCE_REASONS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private CodeTableRules() {
    }

    /** A position row's value: title and journal role. */
    public record PositionValue(String title, StaffRole role) {
    }

    /**
     * @param knownCodes for an aSc table, the canonical codes the row may point at; null when they cannot be listed
     *                   (subgroups), then any code is taken
     */
    public static List<SettingError> check(String table, String sourceCode, String value, Set<String> knownCodes) {
        List<SettingError> errors = new ArrayList<>();
        if (!TABLES.contains(table)) {
            errors.add(new SettingError("table", "Неизвестная таблица кодов «" + table + "»: " + String.join(", ", TABLES)));
            return errors;
        }
        if (sourceCode == null || sourceCode.isBlank()) {
            errors.add(new SettingError("sourceCode", "Не указан исходный код"));
        } else if (sourceCode.strip().length() > 200) {
            errors.add(new SettingError("sourceCode", "Исходный код длиннее 200 символов"));
        }
        if (value == null || value.isBlank()) {
            errors.add(new SettingError("value", "Не указано значение"));
            return errors;
        }
        switch (table) {
            case MARK_SCALE -> refusal(() -> MarkValue.parse(value)).ifPresent(errors::add);
            case ABSENCE_REASONS -> refusal(() -> AbsenceReason.fromCode(value)).ifPresent(errors::add);
            case POSITIONS -> errors.addAll(position(value));
            default -> {
                if (knownCodes != null && !knownCodes.contains(value.strip())) {
                    errors.add(new SettingError("value", "Код «" + value.strip() + "» не найден среди кодов колледжа"));
                }
            }
        }
        return errors;
    }

    /** The key a row is stored and looked up by: scale and reason codes are compared without case, as the flows read them. */
    public static String key(String table, String sourceCode) {
        String code = sourceCode == null ? "" : sourceCode.strip();
        return MARK_SCALE.equals(table) || ABSENCE_REASONS.equals(table) ? code.toLowerCase(Locale.ROOT) : code;
    }

    /** A checked position value; call {@link #check} first. */
    public static PositionValue position(String table, String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return new PositionValue(node.path("title").asText().strip(), StaffRole.valueOf(node.path("role").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a position: " + table, e);
        }
    }

    public static String positionJson(String title, StaffRole role) {
        return JSON.createObjectNode().put("title", title).put("role", role.name()).toString();
    }

    private static List<SettingError> position(String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return List.of(new SettingError("value", "Должность задаётся как {\"title\": \"…\", \"role\": \"TEACHER\"}"));
        }
        List<SettingError> errors = new ArrayList<>();
        if (node.path("title").asText("").isBlank()) {
            errors.add(new SettingError("value.title", "Не указано название должности"));
        }
        String role = node.path("role").asText("");
        if (Arrays.stream(StaffRole.values()).noneMatch(known -> known.name().equals(role))) {
            errors.add(new SettingError("value.role", "Неизвестная роль «" + role + "»: "
                    + Arrays.stream(StaffRole.values()).map(Enum::name).collect(Collectors.joining(", "))));
        }
        return errors;
    }

    private static java.util.Optional<SettingError> refusal(Runnable parse) {
        try {
            parse.run();
            return java.util.Optional.empty();
        } catch (InvalidValueException e) {
            return java.util.Optional.of(new SettingError("value", e.getMessage()));
        }
    }
}
