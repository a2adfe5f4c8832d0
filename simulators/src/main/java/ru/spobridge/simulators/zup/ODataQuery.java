package ru.spobridge.simulators.zup;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OData query options the ЗУП simulator understands: {@code $format=json}, {@code $top} (default 1000),
 * {@code $skip}, {@code $select}, and on documents exactly {@code $filter=Date gt datetime'…'} (OData 3 literal:
 * {@code yyyy-mm-ddThh:mm[:ss[.fffffff]]}).
 *
 * @param after the posting date-time documents must be later than; null without a filter
 * @param select the properties to keep; empty keeps every one
 */
record ODataQuery(int top, int skip, LocalDateTime after, List<String> select) {

    static final int DEFAULT_TOP = 1000;
    private static final Set<String> OPTIONS = Set.of("$format", "$top", "$skip", "$filter", "$select");
    private static final Pattern DATE_AFTER =
            Pattern.compile("^\\s*Date\\s+gt\\s+datetime'(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,7})?)?)'\\s*$");

    /** A query option the simulator refuses, with a Russian message that never repeats the option's value. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Parses the first value of each option; {@code document} says whether the entity set is a document. */
    static ODataQuery parse(Map<String, List<String>> params, boolean document) {
        for (String name : params.keySet()) {
            if (name.startsWith("$") && !OPTIONS.contains(name)) {
                throw new Refused("Параметр запроса " + name + " не поддерживается симулятором");
            }
        }
        String format = first(params, "$format");
        if (format != null && !format.strip().equalsIgnoreCase("json")) {
            throw new Refused("Симулятор отдаёт только JSON: $format=json");
        }
        return new ODataQuery(count(params, "$top", DEFAULT_TOP), count(params, "$skip", 0),
                after(first(params, "$filter"), document), select(first(params, "$select")));
    }

    /** The rows this query selects, in the order given: filtered, then skipped, then cut to {@code $top}. */
    List<Map<String, Object>> apply(List<Map<String, Object>> rows) {
        return rows.stream()
                .filter(row -> after == null || LocalDateTime.parse((String) row.get("Date")).isAfter(after))
                .skip(skip)
                .limit(top)
                .map(this::project)
                .toList();
    }

    Map<String, Object> project(Map<String, Object> row) {
        if (select.isEmpty()) {
            return row;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        select.stream().filter(row::containsKey).forEach(name -> kept.put(name, row.get(name)));
        return kept;
    }

    private static LocalDateTime after(String filter, boolean document) {
        if (filter == null) {
            return null;
        }
        Matcher matcher = DATE_AFTER.matcher(filter);
        if (!document || !matcher.matches()) {
            throw new Refused("Симулятор поддерживает в $filter только условие документа"
                    + " Date gt datetime'ГГГГ-ММ-ДДTЧЧ:ММ:СС'");
        }
        try {
            return LocalDateTime.parse(matcher.group(1));
        } catch (DateTimeParseException e) {
            throw new Refused("Неверная дата в $filter: ожидается существующая дата и время");
        }
    }

    private static List<String> select(String select) {
        if (select == null || select.isBlank()) {
            return List.of();
        }
        return Arrays.stream(select.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int count(Map<String, List<String>> params, String name, int fallback) {
        String value = first(params, name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new Refused("Параметр " + name + " должен быть неотрицательным целым числом");
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
