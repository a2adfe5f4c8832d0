package ru.spobridge.app.notify;

/** What a recipient may subscribe to: two scheduled summaries and the immediate alerts. */
public enum NotificationKind {
    DIGEST("ежедневная сводка по колледжу", false),
    REGION_SUMMARY("ежедневная сводка по региону", true),
    HELD_RUN("задержанный запуск", false),
    SLA_VIOLATION("нарушение срока по кадровому приказу", false),
    DEAD_LETTERS("недоставленных записей больше порога", false),
    CIRCUIT_OPEN("платформа долго отключена предохранителем", false),
    SOURCE_UNREACHABLE("источник недоступен", false),
    MARKS_LATE("отметки внесены позже срока", false),
    ARCHIVE_RETENTION("истёк срок хранения документов архива журнала", false),
    /** The month's journal-quality report of a college (seed 002 §3.10–3.11); its deputy director gets it from config. */
    JOURNAL_QUALITY("ежемесячный отчёт о ведении журнала", false),
    /** A test message sent on an administrator's request; nobody subscribes to it. */
    TEST("проверочное сообщение", false);

    private final String title;
    private final boolean regional;

    NotificationKind(String title, boolean regional) {
        this.title = title;
        this.regional = regional;
    }

    /** Russian name for the admin API and the docs. */
    public String title() {
        return title;
    }

    /** About several colleges at once: only for a region's or the whole hub's recipients. */
    public boolean regional() {
        return regional;
    }
}
