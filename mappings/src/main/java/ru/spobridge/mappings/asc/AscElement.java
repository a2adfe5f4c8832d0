package ru.spobridge.mappings.asc;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import ru.spobridge.mappings.FieldCollector;
import ru.spobridge.model.InvalidValueException;

/**
 * One row element of an aSc table: its attributes as far as the table's {@code columns} lists them (an attribute the
 * table does not declare is ignored, an undeclared table lists nothing and so everything present counts), with the
 * value parsers of the format. A bad value is collected against the element and attribute, never echoed.
 */
final class AscElement {

    static final String INVALID_VALUE = "INVALID_VALUE";
    static final String REQUIRED = "REQUIRED";

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern MASK = Pattern.compile("[01]+");

    private final String element;
    private final Map<String, String> attributes;
    private final Set<String> columns;
    private FieldCollector collector;

    AscElement(String element, Map<String, String> attributes, Set<String> columns) {
        this.element = element;
        this.attributes = attributes;
        this.columns = columns;
    }

    /** Errors are kept under this key, e.g. {@code teacher id=T7} or {@code card lessonid=L1 period=2 days=01000}. */
    FieldCollector keyedBy(String recordKey) {
        collector = new FieldCollector(recordKey);
        return collector;
    }

    String element() {
        return element;
    }

    /** Stripped value, or null when absent, blank, or not among the table's columns. */
    String text(String name) {
        if (columns != null && !columns.contains(name)) {
            return null;
        }
        String value = attributes.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean declares(String name) {
        return columns == null ? attributes.containsKey(name) : columns.contains(name);
    }

    String required(String name) {
        String value = text(name);
        if (value == null) {
            collector.reject(name, REQUIRED, "Элемент «" + element + "»: не заполнен атрибут " + name);
        }
        return value;
    }

    /** Comma-separated ids ({@code classids}, {@code teacherids}, …); empty when absent. */
    List<String> ids(String name) {
        String value = text(name);
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }

    Integer integer(String name, int min) {
        String value = text(name);
        return value == null ? null : collector.field(() -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= min) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(name, "ожидается целое число не меньше " + min);
        });
    }

    /** {@code capacity}: a number, or {@code *} for unlimited (null). */
    Integer capacity(String name) {
        return "*".equals(text(name)) ? null : integer(name, 0);
    }

    /** Decimal with a dot ({@code decimalseparatordot}); a comma is accepted too, the number being alone in its attribute. */
    BigDecimal decimal(String name) {
        String value = text(name);
        return value == null ? null : collector.field(() -> {
            try {
                return new BigDecimal(value.replace(',', '.'));
            } catch (NumberFormatException e) {
                throw invalid(name, "ожидается десятичное число с точкой");
            }
        });
    }

    /** {@code H:MM} without a leading zero (a leading zero is accepted). */
    LocalTime time(String name) {
        String value = text(name);
        return value == null ? null : collector.field(() -> {
            var matcher = TIME.matcher(value);
            if (matcher.matches()) {
                int hour = Integer.parseInt(matcher.group(1));
                int minute = Integer.parseInt(matcher.group(2));
                if (hour < 24 && minute < 60) {
                    return LocalTime.of(hour, minute);
                }
            }
            throw invalid(name, "ожидается время Ч:ММ");
        });
    }

    /** A day/week/term mask of '0' and '1'. */
    String mask(String name) {
        String value = text(name);
        return value == null ? null : collector.field(() -> {
            if (!MASK.matcher(value).matches()) {
                throw invalid(name, "ожидается маска из 0 и 1");
            }
            return value;
        });
    }

    /** The allowed masks of a daysdef/weeksdef/termsdef, comma-separated. */
    List<String> masks(String name) {
        List<String> values = ids(name);
        for (String value : values) {
            if (!MASK.matcher(value).matches()) {
                collector.reject(name, INVALID_VALUE, "Элемент «" + element + "»: атрибут " + name + " — ожидаются маски из 0 и 1 через запятую");
                return List.of();
            }
        }
        return values;
    }

    /** aSc booleans are {@code 0}/{@code 1}; absent is false. */
    boolean flag(String name) {
        String value = text(name);
        if (value == null || value.equals("0")) {
            return false;
        }
        if (!value.equals("1")) {
            collector.reject(name, INVALID_VALUE, "Элемент «" + element + "»: атрибут " + name + " — ожидается 0 или 1");
        }
        return true;
    }

    private InvalidValueException invalid(String name, String expected) {
        return new InvalidValueException(name, INVALID_VALUE, "Элемент «" + element + "»: неверное значение атрибута " + name + " (" + expected + ")");
    }
}
