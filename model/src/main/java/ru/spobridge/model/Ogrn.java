package ru.spobridge.model;

/** ОГРН of an organisation: thirteen digits, the last being (first twelve mod 11) mod 10. */
public record Ogrn(String digits) {

    public Ogrn {
        if (digits == null || !digits.matches("\\d{13}")) {
            throw new InvalidValueException("ogrn", "INVALID_FORMAT", "ОГРН должен состоять из 13 цифр");
        }
        int expected = checkDigit(digits.substring(0, 12));
        if (expected != digits.charAt(12) - '0') {
            throw new InvalidValueException("ogrn", "INVALID_CHECKSUM", "ОГРН: неверная контрольная цифра (ожидается " + expected + ")");
        }
    }

    public static Ogrn parse(String raw) {
        return new Ogrn(raw == null ? null : raw.strip());
    }

    /** The check digit of the first twelve digits. */
    public static int checkDigit(String twelveDigits) {
        return (int) (Long.parseLong(twelveDigits) % 11 % 10);
    }

    @Override
    public String toString() {
        return digits;
    }
}
