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
