package ru.spobridge.routes.archive;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Paths inside an archive and the digest of its files. */
final class ArchivePaths {

    private ArchivePaths() {
    }

    /** The file a relative path names inside the archive; a path leading out of it (absolute, "..") is refused. */
    static Path inside(Path folder, String path) {
        Path root = folder.toAbsolutePath().normalize();
        Path resolved = root.resolve(path).normalize();
        if (path.isBlank() || Path.of(path).isAbsolute() || !resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("Путь «" + path + "» ведёт за пределы архива");
        }
        return resolved;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
