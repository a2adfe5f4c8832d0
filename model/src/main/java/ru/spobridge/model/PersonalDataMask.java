package ru.spobridge.model;

import java.util.regex.Pattern;

/**
 * Masks personal data that may have slipped into free text (exception messages, third-party log lines):
 * e-mails, phones, СНИЛС, dates and "Фамилия Имя" pairs. A safety net, not a licence to log records.
 */
public final class PersonalDataMask {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    private static final Pattern SNILS = Pattern.compile("\\b\\d{3}-\\d{3}-\\d{3}[ -]?\\d{2}\\b|\\b\\d{11}\\b");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])(\\+7|8)[\\s(-]*\\d{3}[\\s)-]*\\d{3}[\\s-]*\\d{2}[\\s-]*\\d{2}(?![\\w])");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2}|\\d{2}\\.\\d{2}\\.\\d{4})\\b(?![T:\\d])");
    private static final Pattern CYRILLIC_FULL_NAME = Pattern.compile("\\b[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\\s+[А-ЯЁ][а-яё]+){1,2}\\b");

    private PersonalDataMask() {
    }

    /** A masked label for a person whose record may be incomplete (a refused record still needs a label). */
    public static String maskName(String lastName, String firstName, String middleName) {
        StringBuilder label = new StringBuilder();
        if (lastName != null && !lastName.isBlank()) {
            String last = lastName.strip();
            label.append(last.charAt(0)).append("*".repeat(Math.max(1, last.length() - 2)));
            if (last.length() > 1) {
                label.append(last.charAt(last.length() - 1));
            }
        } else {
            label.append("—");
        }
        for (String part : new String[] {firstName, middleName}) {
            if (part != null && !part.isBlank()) {
                label.append(' ').append(part.strip().charAt(0)).append('.');
            }
        }
        return label.toString();
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = EMAIL.matcher(text).replaceAll("***@***");
        masked = SNILS.matcher(masked).replaceAll("***-***-*** **");
        masked = PHONE.matcher(masked).replaceAll("+7**********");
        masked = DATE.matcher(masked).replaceAll("**.**.****");
        return CYRILLIC_FULL_NAME.matcher(masked).replaceAll("*** ***");
    }
}
