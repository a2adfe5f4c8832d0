package ru.spobridge.app.notify;

import java.util.Map;

/** The console's Russian names of flows, run statuses and platforms, for texts that leave the hub. */
final class RussianNames {

    private static final Map<String, String> FLOWS = Map.of("contingent", "Контингент", "staff", "Кадры",
            "marks", "Отметки и посещаемость", "schedule", "Расписание", "reference", "Справочники", "archive", "Архивы журналов");
    private static final Map<String, String> STATUSES = Map.ofEntries(Map.entry("READING", "чтение источника"),
            Map.entry("DELIVERING", "доставка"), Map.entry("COMPLETED", "завершён"), Map.entry("HELD", "задержан"),
            Map.entry("REJECTED", "отклонён оператором"), Map.entry("COMPLETED_WITH_ERRORS", "завершён с ошибками"),
            Map.entry("FAILED", "не выполнен"), Map.entry("INTERRUPTED", "прерван"), Map.entry("SKIPPED", "пропущен"),
            Map.entry("FILE_REFUSED", "файл отклонён"));
    private static final Map<String, String> TARGETS = Map.of("epos", "ЭПОС.СПО", "sgo", "СГО", "aisepo", "АИС ЭПО");
    private static final Map<String, String> ORDER_KINDS = Map.of("hire", "приём", "transfer", "перевод", "dismissal", "увольнение");

    private RussianNames() {
    }

    static String flow(String flow) {
        return FLOWS.getOrDefault(flow, flow);
    }

    static String status(String status) {
        return STATUSES.getOrDefault(status, status);
    }

    static String target(String target) {
        return TARGETS.getOrDefault(target, target);
    }

    static String orderKind(String kind) {
        return ORDER_KINDS.getOrDefault(kind, kind);
    }

    /** «1 запуск», «2 запуска», «5 запусков». */
    static String plural(int count, String one, String few, String many) {
        int tens = count % 100;
        int units = count % 10;
        String word = tens >= 11 && tens <= 14 ? many : units == 1 ? one : units >= 2 && units <= 4 ? few : many;
        return count + " " + word;
    }
}
