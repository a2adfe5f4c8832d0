package ru.spobridge.routes.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an archive holds, written beside its files as {@code manifest.json}: each file's SHA-256 and size, the kind of
 * document it is and the day it may be destroyed (never before; expiry is reported, not acted on), and where the data
 * came from — the platform's read-back or the hub's own store (seed 002 §7.2–7.5, seed 004 §5.3–5.5).
 */
public record ArchiveManifest(String archiveId, String collegeId, String kind, Source source, Instant createdAt, List<Entry> files) {

    public static final String FILE_NAME = "manifest.json";

    /** Where the archived data was read from. */
    public enum Source {
        /** What the platform holds, read back through its read side. */
        PLATFORM,
        /** What the hub sent, from its own store. */
        HUB
    }

    /** One archived file, by its path inside the archive. */
    public record Entry(String path, String sha256, long bytes, String document, LocalDate retainUntil) {
    }

    public ArchiveManifest {
        files = List.copyOf(files);
    }
}
