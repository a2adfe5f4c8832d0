package ru.spobridge.routes.archive;

import java.time.LocalDate;

/**
 * One archive to build: a college's journal over a period, for one group or for all ({@code groupCode} null), from
 * the platform's read-back or the hub's own store. The kinds follow the seeds' calendar (seed 000 §6.1–6.2, seed 002
 * §7.2–7.5, seed 004 §5.3–5.5).
 */
public record ArchiveRequest(String collegeId, Kind kind, LocalDate from, LocalDate to, String groupCode, String target,
                             ArchiveManifest.Source source) {

    public enum Kind {
        /** The month's journal, kept until the end of the school year. */
        MONTHLY,
        /** The semester's journal, written after the three weeks of checking. */
        SEMESTER,
        /** A group's year, after the deputy director's check; holds the summary statement of final marks. */
        YEAR
    }

    public ArchiveRequest {
        if (collegeId == null || kind == null || from == null || to == null || source == null) {
            throw new IllegalArgumentException("college, kind, period and source of an archive are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("archive period ends before it starts: " + from + " … " + to);
        }
        if (source == ArchiveManifest.Source.PLATFORM && (target == null || target.isBlank())) {
            throw new IllegalArgumentException("an archive read back from a platform names the platform");
        }
    }
}
