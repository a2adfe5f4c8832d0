package ru.spobridge.simulators.contingent.demo;

import java.util.regex.Pattern;

/** СНИЛС checksum (ПФР rule) and the {@code XXX-XXX-XXX YY} format used by the demo data. */
public final class Snils {

    private static final Pattern FORMATTED = Pattern.compile("^\\d{3}-\\d{3}-\\d{3} \\d{2}$");

    private Snils() {
    }

    /** Control number of nine digits: weights 9..1; under 100 as is, 100 and 101 give 00, above 101 mod 101. */
    public static int checksum(String nineDigits) {
        if (nineDigits.length() != 9 || !nineDigits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("nine digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (9 - i);
        }
        if (sum < 100) {
            return sum;
        }
        if (sum <= 101) {
            return 0;
        }
        int rest = sum % 101;
        return rest == 100 ? 0 : rest;
    }

    /** {@code XXX-XXX-XXX YY} with the given control number. */
    public static String format(String nineDigits, int control) {
        return nineDigits.substring(0, 3) + "-" + nineDigits.substring(3, 6) + "-" + nineDigits.substring(6, 9)
                + " " + String.format("%02d", control);
    }

    public static String withChecksum(String nineDigits) {
        return format(nineDigits, checksum(nineDigits));
    }

    /** True for a formatted СНИЛС whose control number matches. */
    public static boolean isValid(String formatted) {
        if (formatted == null || !FORMATTED.matcher(formatted).matches()) {
            return false;
        }
        String digits = formatted.replaceAll("\\D", "");
        return checksum(digits.substring(0, 9)) == Integer.parseInt(digits.substring(9));
    }
}
