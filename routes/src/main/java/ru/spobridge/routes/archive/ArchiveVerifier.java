package ru.spobridge.routes.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks an archive against its manifest: every listed file present with its SHA-256, nothing unlisted beside them,
 * and documents whose retention has ended reported (never deleted here). Each finding names the file.
 */
public final class ArchiveVerifier {

    /** What a check found. */
    public enum Problem {
        /** No readable manifest: the archive was never finished, or its manifest was damaged. */
        MANIFEST_UNREADABLE,
        /** A listed file is gone. */
        MISSING,
        /** A listed file's content differs from its checksum. */
        CHANGED,
        /** A file in the archive's folder that the manifest does not list. */
        UNLISTED,
        /** A document whose retention period has ended: an administrator decides about it. */
        RETENTION_ENDED
    }

    /** One finding, naming the file, with the message an administrator reads. */
    public record Finding(Problem problem, String path, String message) {
    }

    private ArchiveVerifier() {
    }

    /** @param today the day against which retention is checked */
    public static List<Finding> verify(Path folder, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        ArchiveManifest manifest;
        try {
            manifest = ArchiveWriter.JSON.readValue(folder.resolve(ArchiveManifest.FILE_NAME).toFile(), ArchiveManifest.class);
        } catch (IOException | RuntimeException e) {
            findings.add(new Finding(Problem.MANIFEST_UNREADABLE, ArchiveManifest.FILE_NAME,
                    "Опись архива отсутствует или повреждена: архив не проверить"));
            return findings;
        }
        Set<Path> listed = new HashSet<>();
        for (ArchiveManifest.Entry entry : manifest.files()) {
            Path file;
            try {
                file = ArchivePaths.inside(folder, entry.path());
            } catch (IllegalArgumentException outside) {
                findings.add(new Finding(Problem.CHANGED, entry.path(), "Опись называет файл вне архива: " + entry.path()));
                continue;
            }
            listed.add(file);
            if (!Files.isRegularFile(file)) {
                findings.add(new Finding(Problem.MISSING, entry.path(), "Файл " + entry.path() + " из описи отсутствует"));
                continue;
            }
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(entry.sha256())) {
                findings.add(new Finding(Problem.CHANGED, entry.path(), "Файл " + entry.path() + " изменён: контрольная сумма "
                        + actual + " вместо " + entry.sha256()));
            }
            if (entry.retainUntil() != null && today.isAfter(entry.retainUntil())) {
                findings.add(new Finding(Problem.RETENTION_ENDED, entry.path(), "Срок хранения «" + entry.document() + "» (" + entry.path()
                        + ") истёк " + entry.retainUntil() + ": решение об уничтожении принимает администратор"));
            }
        }
        Path manifestFile = folder.resolve(ArchiveManifest.FILE_NAME).toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).map(path -> path.toAbsolutePath().normalize())
                    .filter(path -> !path.equals(manifestFile) && !listed.contains(path)).sorted()
                    .forEach(path -> {
                        String relative = folder.toAbsolutePath().normalize().relativize(path).toString().replace('\\', '/');
                        findings.add(new Finding(Problem.UNLISTED, relative, "Файл " + relative + " лежит в архиве, но не указан в описи"));
                    });
        } catch (IOException e) {
            findings.add(new Finding(Problem.MANIFEST_UNREADABLE, ".", "Папку архива не прочитать: " + e.getMessage()));
        }
        return findings;
    }

    private static String sha256(Path file) {
        MessageDigest digest = ArchivePaths.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Не удалось прочитать файл архива " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
