package ru.spobridge.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** СНИЛС: eleven digits whose last two are the checksum of the first nine. */
public record Snils(String digits) {

    public Snils {
        if (digits == null || !digits.matches("\\d{11}")) {
            throw new InvalidValueException("snils", "INVALID_FORMAT", "СНИЛС должен состоять из 11 цифр");
        }
        if (checksum(digits.substring(0, 9)) != Integer.parseInt(digits.substring(9))) {
            throw new InvalidValueException("snils", "INVALID_SNILS", "Не сходится контрольная сумма СНИЛС");
        }
    }

    /** Accepts "112-233-445 95" and "11223344595". */
    @JsonCreator
    public static Snils parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException("snils", "REQUIRED", "Не указан СНИЛС");
        }
        return new Snils(raw.replaceAll("[\\s-]", ""));
    }

    /** Checksum rule of the Pension Fund: weights 9..1, then modulo 101, 100 and 101 become 00. */
    public static int checksum(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (9 - i);
        }
        if (sum < 100) {
            return sum;
        }
        int rest = sum % 101;
        return rest == 100 ? 0 : rest;
    }

    @JsonValue
    public String formatted() {
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " " + digits.substring(9);
    }

    public String masked() {
        return "***-***-*** " + digits.substring(9);
    }

    @Override
    public String toString() {
        return masked();
    }
}
