package ru.spobridge.app.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Russian names of every action code the hub writes to the audit log, and the subject as a person reads it
 * («run 22» → «запуск № 22»). A code missing here shows as itself; AuditActionsTest keeps the table complete.
 */
public final class AuditActions {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("FILE_UPLOADED", "загружен файл");
        NAMES.put("PERSONAL_DATA_PURGED", "удалены персональные данные закрытых записей по сроку хранения");
        NAMES.put("PERSONAL_DATA_SEALED", "персональные данные в хранилище зашифрованы текущим ключом");
        NAMES.put("NOTIFICATION_SUBSCRIPTION_ADDED", "добавлена подписка на уведомления");
        NAMES.put("NOTIFICATION_SUBSCRIPTION_CHANGED", "изменена подписка на уведомления");
        NAMES.put("NOTIFICATION_SUBSCRIPTION_REMOVED", "удалена подписка на уведомления");
        NAMES.put("NOTIFICATION_TEST_SENT", "отправлено проверочное уведомление");
        NAMES.put("NOTIFICATION_DIGEST_SENT", "сводка колледжа отправлена вручную");
        NAMES.put("NOTIFICATION_REGION_SUMMARY_SENT", "сводка региона отправлена вручную");
        NAMES.put("RUN_STARTED", "запущен поток");
        NAMES.put("PREVIEW", "предпросмотр запуска");
        NAMES.put("RUN_WHILE_PAUSED", "запуск во время паузы");
        NAMES.put("PAUSED", "поток приостановлен");
        NAMES.put("RESUMED", "поток возобновлён");
        NAMES.put("HELD_RUN_APPROVED", "задержанный запуск одобрен");
        NAMES.put("HELD_RUN_REJECTED", "задержанный запуск отклонён");
        NAMES.put("DEAD_LETTER_REPLAY", "повтор недоставленной записи");
        NAMES.put("DEAD_LETTER_DISCARDED", "недоставленная запись отброшена");
        NAMES.put("DEAD_LETTER_GAVE_UP", "автоповтор прекращён, нужно решение оператора");
        NAMES.put("RECONCILIATION", "сверка с платформой");
        NAMES.put("RECONCILIATION_REPAIR", "исправление расхождений сверки");
        NAMES.put("DRIFT_REPAIRED", "платформа потеряла записи, отправлены заново");
        NAMES.put("EXPORT", "выгрузка");
        NAMES.put("REVEAL", "просмотр персональных данных");
        NAMES.put("ARCHIVE_BUILT", "архив журнала собран по запросу");
        NAMES.put("ARCHIVE_VERIFIED", "архив журнала проверен по описи");
        NAMES.put("ARCHIVE_VIEW", "просмотр файла архива журнала");
        NAMES.put("ARCHIVE_DOWNLOAD", "выгрузка файла архива журнала");
        NAMES.put("JOURNAL_QUALITY", "построен отчёт о ведении журнала");
        NAMES.put("COLLEGE_CREATED", "колледж добавлен");
        NAMES.put("COLLEGE_CHANGED", "настройки колледжа изменены");
        NAMES.put("COLLEGE_DISABLED", "колледж отключён");
        NAMES.put("COLLEGE_ENABLED", "колледж включён");
        NAMES.put("COLLEGE_REMOVED", "колледж удалён");
        NAMES.put("REGION_CREATED", "регион добавлен");
        NAMES.put("REGION_CHANGED", "настройки региона изменены");
        NAMES.put("CODE_TABLE_SET", "значение справочника задано");
        NAMES.put("CODE_TABLE_REMOVED", "значение справочника удалено");
        NAMES.put("CALENDAR_DAY_SET", "день календаря задан");
        NAMES.put("CALENDAR_DAY_REMOVED", "день календаря удалён");
        NAMES.put("SECRET_SET", "секрет задан");
        NAMES.put("SECRET_FORGOTTEN", "секрет удалён");
        NAMES.put("USER_SCOPES_CHANGED", "доступ пользователя изменён");
        NAMES.put("SIGN_IN", "вход в консоль");
        NAMES.put("SIGN_IN_FAILED", "неудачный вход");
        NAMES.put("SIGN_IN_REFUSED", "вход отклонён");
        NAMES.put("SIGN_OUT", "выход из консоли");
        NAMES.put("ACCOUNT_LOCKED", "учётная запись заблокирована");
        NAMES.put("USER_CREATED", "пользователь добавлен");
        NAMES.put("USER_ROLE_CHANGED", "роль пользователя изменена");
        NAMES.put("USER_PASSWORD_SET", "пароль задан");
        NAMES.put("USER_UNLOCKED", "учётная запись разблокирована");
        NAMES.put("USER_ENABLED", "пользователь включён");
        NAMES.put("USER_DISABLED", "пользователь отключён");
        NAMES.put("TOKEN_ISSUED", "выдан токен API");
        NAMES.put("TOKEN_REVOKED", "токен API отозван");
    }

    private static final Pattern RUN = Pattern.compile("\\brun (\\d+)\\b");
    private static final Pattern REPORT = Pattern.compile("\\breport (\\d+)\\b");
    private static final Pattern DEAD_LETTER = Pattern.compile("\\bdead letter (\\d+)\\b");

    private AuditActions() {
    }

    /** Every known code with its Russian name, in a stable order (for the filter list). */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(NAMES);
    }

    public static String name(String code) {
        return code == null ? null : NAMES.getOrDefault(code, code);
    }

    public static boolean known(String code) {
        return NAMES.containsKey(code);
    }

    /** A subject or details text with the hub's English ids in Russian; platform and entity codes stay as they are. */
    public static String russian(String text) {
        if (text == null) {
            return null;
        }
        String result = replace(RUN, text, "запуск № ");
        result = replace(REPORT, result, "отчёт сверки № ");
        return replace(DEAD_LETTER, result, "недоставленная запись № ");
    }

    private static String replace(Pattern pattern, String text, String prefix) {
        Matcher matcher = pattern.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(prefix + match.group(1)));
    }
}
