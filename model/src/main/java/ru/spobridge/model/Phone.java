package ru.spobridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A Russian mobile phone, normalised to +79XXXXXXXXX (platform accounts need a mobile, seed 001 §3.1). */
public record Phone(String value) {

    public Phone {
        if (value == null || !value.matches("\\+79\\d{9}")) {
            throw new InvalidValueException("phone", "INVALID_FORMAT", "Номер мобильного телефона должен иметь вид +79XXXXXXXXX");
        }
    }

    /** Accepts the ways people write numbers: "8 (912) 345-67-89", "+7 912 345 67 89", "9123456789". */
    @JsonCreator
    public static Phone parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("phone", "REQUIRED", "Не указан мобильный телефон: без него нельзя создать учётную запись (seed 001 §3.1)");
        }
        String digits = raw.replaceAll("[\\s()\\-.]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (!digits.matches("\\d+")) {
            throw new InvalidValueException("phone", "INVALID_FORMAT", "Номер телефона содержит недопустимые символы");
        }
        if (digits.length() == 11 && (digits.startsWith("8") || digits.startsWith("7"))) {
            digits = digits.substring(1);
        }
        if (digits.length() != 10) {
            throw new InvalidValueException("phone", "INVALID_FORMAT", "В номере телефона должно быть 10 цифр после кода страны");
        }
        return new Phone("+7" + digits);
    }

    @JsonValue
    public String value() {
        return value;
    }

    public String masked() {
        return "+7*******" + value.substring(value.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }
}
