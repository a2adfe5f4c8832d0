package ru.spobridge.routes.archive.store;

import java.nio.file.Path;

/** Relative paths of archives and their files, refused when they would lead out of where they belong. */
final class StorePaths {

    private StorePaths() {
    }

    static Path inside(Path folder, String path) {
        Path root = folder.toAbsolutePath().normalize();
        if (path == null || path.isBlank() || path.contains("\\") || Path.of(path).isAbsolute()) {
            throw new IllegalArgumentException("Путь «" + path + "» ведёт за пределы архива");
        }
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("Путь «" + path + "» ведёт за пределы архива");
        }
        return resolved;
    }

    /** The same check for a key in a bucket: no empty segments, no "." or "..". */
    static String key(String archiveId, String path) {
        String joined = archiveId + "/" + path;
        for (String segment : joined.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                throw new IllegalArgumentException("Путь «" + path + "» ведёт за пределы архива");
            }
        }
        return joined;
    }
}
