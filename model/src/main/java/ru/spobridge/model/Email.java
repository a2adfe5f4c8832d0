package ru.spobridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, trimmed and with its domain in lower case. */
public record Email(String value) {

    // Deliberately simple: one @, no spaces, a dot in the domain; RFC 5322 in full accepts what no platform does.
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");

    public Email {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("email", "INVALID_FORMAT", "Адрес электронной почты указан неверно");
        }
    }

    @JsonCreator
    public static Email parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("email", "REQUIRED", "Не указан адрес электронной почты: без него нельзя создать учётную запись (seed 001 §3.1)");
        }
        String trimmed = raw.trim();
        int at = trimmed.lastIndexOf('@');
        if (at > 0) {
            trimmed = trimmed.substring(0, at) + trimmed.substring(at).toLowerCase(Locale.ROOT);
        }
        return new Email(trimmed);
    }

    @JsonValue
    public String value() {
        return value;
    }

    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return masked();
    }
}
