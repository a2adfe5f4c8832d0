package ru.spobridge.routes.archive.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Archives as folders under one root: {@code <root>/<archive id>/<path>}. */
public final class FolderArchiveStore implements ArchiveStore {

    private final String name;
    private final Path root;

    public FolderArchiveStore(String name, Path root) {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String location(String archiveId) {
        return folder(archiveId).toString();
    }

    @Override
    public boolean exists(String archiveId) {
        return Files.exists(folder(archiveId));
    }

    @Override
    public void put(String archiveId, String path, byte[] content) {
        Path file = StorePaths.inside(folder(archiveId), path);
        try {
            Files.createDirectories(file.getParent());
            // CREATE_NEW: a file already there is refused, never replaced
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("Файл " + path + " архива " + archiveId + " уже есть в хранилище «" + name + "»: архив не перезаписывается");
        } catch (IOException e) {
            throw new UncheckedIOException("Хранилище «" + name + "»: файл " + path + " архива " + archiveId + " не записан: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> read(String archiveId, String path) {
        Path file = StorePaths.inside(folder(archiveId), path);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Хранилище «" + name + "»: файл " + path + " архива " + archiveId + " не прочитан: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String archiveId) {
        Path folder = folder(archiveId);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Хранилище «" + name + "»: папка архива " + archiveId + " не прочитана: " + e.getMessage(), e);
        }
    }

    private Path folder(String archiveId) {
        return StorePaths.inside(root, archiveId);
    }
}
