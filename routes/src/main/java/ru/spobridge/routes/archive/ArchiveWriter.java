package ru.spobridge.routes.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes one archive into a folder of its own: each file streamed to disk while its SHA-256 is computed, then the
 * manifest last, so that a folder without a manifest is an archive that was never finished.
 */
public final class ArchiveWriter {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Writes one file's content to the stream it is given. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path folder;
    private final String archiveId;
    private final String collegeId;
    private final String kind;
    private final ArchiveManifest.Source source;
    private final List<ArchiveManifest.Entry> entries = new ArrayList<>();

    private ArchiveWriter(Path folder, String archiveId, String collegeId, String kind, ArchiveManifest.Source source) {
        this.folder = folder;
        this.archiveId = archiveId;
        this.collegeId = collegeId;
        this.kind = kind;
        this.source = source;
    }

    /** Starts an archive in a folder that must not exist yet: an archive is never written over. */
    public static ArchiveWriter create(Path folder, String archiveId, String collegeId, String kind, ArchiveManifest.Source source) {
        if (Files.exists(folder)) {
            throw new IllegalStateException("Архив " + archiveId + " уже существует: " + folder);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось создать папку архива " + folder, e);
        }
        return new ArchiveWriter(folder, archiveId, collegeId, kind, source);
    }

    /** Adds one file at a relative path (folders allowed, no way out of the archive). */
    public ArchiveWriter add(String path, String document, LocalDate retainUntil, Content content) {
        Path target = ArchivePaths.inside(folder, path);
        try {
            Files.createDirectories(target.getParent());
            var digest = ArchivePaths.sha256();
            long bytes;
            try (OutputStream file = Files.newOutputStream(target); DigestOutputStream out = new DigestOutputStream(file, digest)) {
                content.writeTo(out);
                out.flush();
                bytes = Files.size(target);
            }
            entries.add(new ArchiveManifest.Entry(path, HexFormat.of().formatHex(digest.digest()), bytes, document, retainUntil));
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось записать файл архива " + path, e);
        }
        return this;
    }

    /** Writes the manifest and returns it: the archive is complete only from here on. */
    public ArchiveManifest finish(Instant createdAt) {
        ArchiveManifest manifest = new ArchiveManifest(archiveId, collegeId, kind, source, createdAt, entries);
        try {
            JSON.writeValue(folder.resolve(ArchiveManifest.FILE_NAME).toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось записать опись архива " + archiveId, e);
        }
        return manifest;
    }
}
