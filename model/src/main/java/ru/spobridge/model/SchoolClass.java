package ru.spobridge.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school class unit: parallel 1–11 and one capital Cyrillic letter, written together as «7Б». A school's canonical
 * group is its class, so the class is read from the group's code.
 */
public record SchoolClass(int parallel, String letter) {

    private static final Pattern NAME = Pattern.compile("^(\\d{1,2})\\s*-?\\s*([А-ЯЁа-яё])$");

    public SchoolClass {
        if (parallel < 1 || parallel > 11) {
            throw new InvalidValueException("parallel", "INVALID_VALUE", "Параллель класса должна быть от 1 до 11");
        }
        if (letter == null || !letter.matches("[А-ЯЁ]")) {
            throw new InvalidValueException("letter", "INVALID_VALUE", "Литера класса — одна заглавная русская буква");
        }
    }

    /** «7Б», «7 б», «7-Б» → 7 and Б; anything else is refused naming the field {@code class}. */
    public static SchoolClass parse(String text) {
        Matcher matcher = NAME.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new InvalidValueException("class", "INVALID_FORMAT",
                    "Класс записывается параллелью и литерой, например 7Б");
        }
        return new SchoolClass(Integer.parseInt(matcher.group(1)), matcher.group(2).toUpperCase(java.util.Locale.ROOT));
    }

    /** The name the platform shows: «7Б». */
    public String name() {
        return parallel + letter;
    }
}
