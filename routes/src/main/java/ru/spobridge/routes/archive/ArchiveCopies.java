package ru.spobridge.routes.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import ru.spobridge.routes.archive.ArchiveVerifier.Finding;
import ru.spobridge.routes.archive.ArchiveVerifier.Problem;
import ru.spobridge.routes.archive.store.ArchiveCipher;
import ru.spobridge.routes.archive.store.ArchiveStore;

/**
 * The copies of archives in their stores: a finished archive folder written to each store (files sealed when a key is
 * set, the manifest last and plain), each copy verified against its own manifest on the plain content, and a listed
 * file opened read-only. Nothing here overwrites or deletes.
 */
public final class ArchiveCopies {

    /** What writing one copy came to: its store, where it lies, and the error when it failed. */
    public record Written(String store, String location, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private final ArchiveCipher cipher;

    /** @param cipher null: archives written plain, encrypted ones refused with a clear message */
    public ArchiveCopies(ArchiveCipher cipher) {
        this.cipher = cipher;
    }

    public boolean encrypts() {
        return cipher != null;
    }

    /**
     * Writes the archive {@code staged} (a folder finished by {@link ArchiveWriter}) to every store, manifest last.
     *
     * @throws IllegalStateException before anything is written, when any store already holds something of this archive
     */
    public List<Written> write(String archiveId, Path staged, ArchiveManifest manifest, List<ArchiveStore> stores) {
        for (ArchiveStore store : stores) {
            if (store.exists(archiveId)) {
                throw new IllegalStateException("Архив " + archiveId + " уже есть в хранилище «" + store.name() + "» (" + store.location(archiveId)
                        + "): архив не перезаписывается");
            }
        }
        List<Written> copies = new ArrayList<>();
        for (ArchiveStore store : stores) {
            try {
                for (ArchiveManifest.Entry entry : manifest.files()) {
                    byte[] plain = Files.readAllBytes(ArchivePaths.inside(staged, entry.path()));
                    store.put(archiveId, entry.path(), cipher == null ? plain : cipher.seal(plain));
                }
                store.put(archiveId, ArchiveManifest.FILE_NAME, Files.readAllBytes(staged.resolve(ArchiveManifest.FILE_NAME)));
                copies.add(new Written(store.name(), store.location(archiveId), null));
            } catch (IOException e) {
                copies.add(new Written(store.name(), store.location(archiveId), "папка сборки не прочитана: " + e.getMessage()));
            } catch (RuntimeException e) {
                copies.add(new Written(store.name(), store.location(archiveId), String.valueOf(e.getMessage())));
            }
        }
        return copies;
    }

    /** SHA-256 of a finished archive's manifest file, as the catalog keeps it. */
    public static String manifestDigest(Path staged) {
        try {
            return HexFormat.of().formatHex(ArchivePaths.sha256().digest(Files.readAllBytes(staged.resolve(ArchiveManifest.FILE_NAME))));
        } catch (IOException e) {
            throw new UncheckedIOException("Опись архива не прочитана: " + e.getMessage(), e);
        }
    }

    /** The manifest of a copy; empty when it is missing or unreadable. */
    public java.util.Optional<ArchiveManifest> manifest(ArchiveStore store, String archiveId) {
        return store.read(archiveId, ArchiveManifest.FILE_NAME).flatMap(bytes -> {
            try {
                return java.util.Optional.of(ArchiveWriter.JSON.readValue(bytes, ArchiveManifest.class));
            } catch (IOException | RuntimeException e) {
                return java.util.Optional.empty();
            }
        });
    }

    /**
     * Checks one copy against its manifest, on the plain content: every listed file present with its SHA-256, nothing
     * unlisted, retention ended reported. A file that no longer decrypts is CHANGED.
     *
     * @throws ArchiveCipher.ArchiveKeyException when the copy is encrypted and no key, or another key, is set
     */
    public List<Finding> verify(ArchiveStore store, String archiveId, boolean encrypted, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        ArchiveManifest manifest = manifest(store, archiveId).orElse(null);
        if (manifest == null) {
            findings.add(new Finding(Problem.MANIFEST_UNREADABLE, ArchiveManifest.FILE_NAME,
                    "Опись архива в хранилище «" + store.name() + "» отсутствует или повреждена: копию не проверить"));
            return findings;
        }
        Set<String> listed = new HashSet<>();
        for (ArchiveManifest.Entry entry : manifest.files()) {
            listed.add(entry.path());
            byte[] content = store.read(archiveId, entry.path()).orElse(null);
            if (content == null) {
                findings.add(new Finding(Problem.MISSING, entry.path(), "Файл " + entry.path() + " из описи отсутствует в хранилище «" + store.name() + "»"));
                continue;
            }
            String actual;
            try {
                actual = HexFormat.of().formatHex(ArchivePaths.sha256().digest(plain(entry.path(), content, encrypted)));
            } catch (ArchiveCipher.ArchiveKeyException damaged) {
                if (damaged.keyProblem()) {
                    throw damaged;
                }
                findings.add(new Finding(Problem.CHANGED, entry.path(), damaged.getMessage() + " (хранилище «" + store.name() + "»)"));
                continue;
            }
            if (!actual.equalsIgnoreCase(entry.sha256())) {
                findings.add(new Finding(Problem.CHANGED, entry.path(), "Файл " + entry.path() + " в хранилище «" + store.name()
                        + "» изменён: контрольная сумма " + actual + " вместо " + entry.sha256()));
            }
            if (entry.retainUntil() != null && today.isAfter(entry.retainUntil())) {
                findings.add(new Finding(Problem.RETENTION_ENDED, entry.path(), "Срок хранения «" + entry.document() + "» (" + entry.path()
                        + ") истёк " + entry.retainUntil() + ": решение об уничтожении принимает администратор"));
            }
        }
        for (String path : store.list(archiveId)) {
            if (!path.equals(ArchiveManifest.FILE_NAME) && !listed.contains(path)) {
                findings.add(new Finding(Problem.UNLISTED, path, "Файл " + path + " лежит в архиве в хранилище «" + store.name()
                        + "», но не указан в описи"));
            }
        }
        return findings;
    }

    /**
     * One listed file's plain content, read-only; a path the manifest does not list is refused.
     *
     * @throws IllegalArgumentException when the manifest does not list the path or the file is gone
     */
    public byte[] open(ArchiveStore store, String archiveId, String path, boolean encrypted) {
        ArchiveManifest manifest = manifest(store, archiveId).orElseThrow(() -> new IllegalArgumentException(
                "Опись архива " + archiveId + " в хранилище «" + store.name() + "» не прочитать"));
        ArchiveManifest.Entry entry = manifest.files().stream().filter(file -> file.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("В описи архива " + archiveId + " нет файла " + path));
        byte[] content = store.read(archiveId, entry.path()).orElseThrow(() -> new IllegalArgumentException(
                "Файл " + path + " отсутствует в хранилище «" + store.name() + "»"));
        byte[] plain = plain(path, content, encrypted);
        String actual = HexFormat.of().formatHex(ArchivePaths.sha256().digest(plain));
        if (!actual.equalsIgnoreCase(entry.sha256())) {
            throw new ArchiveCipher.ArchiveKeyException("Файл " + path + " в хранилище «" + store.name() + "» изменён после записи: не открыт", false);
        }
        return plain;
    }

    private byte[] plain(String path, byte[] content, boolean encrypted) {
        if (!encrypted) {
            return content;
        }
        if (cipher == null) {
            throw new ArchiveCipher.ArchiveKeyException("Архив записан зашифрованным, а ключ не задан (SPO_ARCHIVE_KEY): файл " + path
                    + " не открыть", true);
        }
        return cipher.open(path, content);
    }
}
