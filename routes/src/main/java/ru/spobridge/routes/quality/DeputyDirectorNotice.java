package ru.spobridge.routes.quality;

/**
 * Tells the college's deputy director for studies that the month's journal-quality report is ready (seed 002 §3.10:
 * the findings go to the deputy director). Implemented by the application's notifications; the address comes from
 * {@link QualitySettings} and is never logged.
 */
public interface DeputyDirectorNotice {

    /** @return whether a message went (or had gone before) to the deputy director */
    boolean send(QualityReport report, String deputyEmail);
}
