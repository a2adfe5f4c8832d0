package ru.spobridge.simulators.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rules of ИАС «ЭПОС» for schools that no single field states: a class unit's name is its parallel and letter
 * («7Б»). Applied to platforms whose class unit schema has a {@code parallel}.
 */
public final class SchoolRules {

    /** A class letter: one capital Cyrillic letter (Ё included). */
    private static final Pattern LETTER = Pattern.compile("^[А-ЯЁ]$");
    public static final int FIRST_PARALLEL = 1;
    public static final int LAST_PARALLEL = 11;

    private final FieldNaming naming;

    SchoolRules(FieldNaming naming) {
        this.naming = naming;
    }

    /**
     * Why a class unit named {@code name} with this parallel and letter cannot exist, or empty when it can: the
     * parallel is 1–11, the letter one capital Cyrillic letter, the name exactly the parallel followed by the letter.
     * Each problem is a pair of canonical field and Russian message.
     */
    public static List<String[]> classUnitProblems(String name, Integer parallel, String letter) {
        List<String[]> problems = new ArrayList<>();
        if (parallel != null && (parallel < FIRST_PARALLEL || parallel > LAST_PARALLEL)) {
            problems.add(new String[] {"parallel", "Параллель должна быть от 1 до 11"});
        }
        if (letter != null && !LETTER.matcher(letter).matches()) {
            problems.add(new String[] {"letter", "Литера класса — одна заглавная русская буква"});
        }
        if (problems.isEmpty() && name != null && parallel != null && letter != null
                && !name.strip().equals(parallel + letter)) {
            problems.add(new String[] {"name", "Название класса должно состоять из параллели и литеры: "
                    + parallel + letter});
        }
        return problems;
    }

    List<RecordError> errors(ResourceSchema schema, JsonNode item) {
        List<RecordError> errors = new ArrayList<>();
        if (schema.kind() == ResourceKind.GROUPS && schema.has("parallel")) {
            JsonNode parallel = item.get(naming.wire("parallel"));
            Integer number = parallel != null && parallel.isIntegralNumber() ? parallel.asInt() : null;
            for (String[] problem : classUnitProblems(text(item, "name"), number, text(item, "letter"))) {
                errors.add(new RecordError(naming.wire(problem[0]), "INVALID_VALUE", problem[1]));
            }
        }
        return errors;
    }

    private String text(JsonNode item, String canonical) {
        return Optional.ofNullable(item.get(naming.wire(canonical))).filter(value -> !FieldRules.blank(value))
                .map(JsonNode::asText).orElse(null);
    }
}
