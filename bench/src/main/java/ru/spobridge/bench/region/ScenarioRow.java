package ru.spobridge.bench.region;

import java.util.Locale;

/**
 * One line of the result table. Negative numbers mean «not measured»; {@code status} says what happened when it was
 * not an ordinary completion (a timeout, a dead hub, failed runs), and then no ratio is given: the hub's time is only
 * how long it lasted.
 */
public record ScenarioRow(String size, String scenario, long records, double hubSeconds, double p50, double p99,
                          long heapMb, long rssMb, double bareSeconds, long bareRecords, boolean completed, String status) {

    public static final String HEADER = "| size | scenario | records | hub s | records/s | p50 s | p99 s | peak heap MB | peak RSS MB"
            + " | bare s | bare records | ratio bare/hub | status |\n"
            + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";

    public String markdown() {
        return "| " + size + " | " + scenario + " | " + records + " | " + seconds(hubSeconds) + " | "
                + (hubSeconds > 0 && records > 0 ? String.format(Locale.ROOT, "%.0f", records / hubSeconds) : "—") + " | "
                + seconds(p50) + " | " + seconds(p99) + " | " + mb(heapMb) + " | " + mb(rssMb) + " | " + seconds(bareSeconds) + " | "
                + (bareRecords < 0 ? "—" : Long.toString(bareRecords)) + " | "
                + (completed && bareSeconds > 0 && hubSeconds > 0 ? String.format(Locale.ROOT, "%.2f", bareSeconds / hubSeconds) : "—") + " | "
                + status + " |";
    }

    private static String seconds(double value) {
        return value < 0 ? "—" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    private static String mb(long value) {
        return value < 0 ? "—" : Long.toString(value);
    }
}
