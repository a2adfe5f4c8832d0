package ru.spobridge.routes.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.archive.ArchiveCatalog.Archive;

/**
 * Builds one archive: its contents assembled in a staging folder with the manifest, then copied to each of the
 * college's stores; the catalog records the attempt from its start, so a failed build stays visible. An archive
 * already complete is never built again; a failed or incomplete one is built again under a numbered key, leaving
 * the earlier attempt's files where they are.
 */
@Component
public class ArchiveBuilds {

    private static final Logger log = LoggerFactory.getLogger(ArchiveBuilds.class);
    /** A build still marked as running after this long was cut off by a crash: it no longer blocks a new attempt. */
    private static final Duration STALE = Duration.ofHours(2);

    private final ArchiveSettings settings;
    private final ArchiveStores stores;
    private final ArchiveCatalog catalog;
    private final ObjectProvider<ArchiveContents> contents;
    private final Clock clock;

    public ArchiveBuilds(ArchiveSettings settings, ArchiveStores stores, ArchiveCatalog catalog, ObjectProvider<ArchiveContents> contents,
                         Clock clock) {
        this.settings = settings;
        this.stores = stores;
        this.catalog = catalog;
        this.contents = contents;
        this.clock = clock;
    }

    /** Refused before anything is written: the archive exists, or it cannot be built in this hub. */
    public static class ArchiveRefused extends RuntimeException {
        public ArchiveRefused(String message) {
            super(message);
        }
    }

    /**
     * Builds the archive and returns its catalog entry (COMPLETE, or INCOMPLETE when a copy failed).
     *
     * @throws ArchiveRefused when it is complete already, being built, or no contents are available
     * @throws IllegalStateException when the build failed (the catalog holds the attempt as FAILED)
     */
    public Archive build(ArchiveRequest request, Long runId, String requestedBy) {
        ArchiveContents filler = contents.getIfAvailable();
        if (filler == null) {
            throw new ArchiveRefused("Архив не собрать: в этом хабе не подключено содержимое архивов (выгрузки и сводные ведомости)");
        }
        String refused = refusal(request);
        if (refused != null) {
            throw new ArchiveRefused(refused);
        }
        String base = baseKey(request);
        List<Archive> earlier = catalog.attempts(base);
        String key = earlier.isEmpty() ? base : base + "~" + (earlier.size() + 1);
        long id = catalog.open(key, request, stores.copies().encrypts(), runId, requestedBy);
        Path staging = settings.staging().resolve(UUID.randomUUID().toString());
        ArchiveManifest manifest = null;
        String digest = null;
        try {
            Path folder = staging.resolve("archive");
            ArchiveWriter writer = ArchiveWriter.create(folder, key, request.collegeId(), request.kind().name(), request.source());
            filler.fill(request, writer);
            manifest = writer.finish(clock.instant());
            digest = ArchiveCopies.manifestDigest(folder);
            List<ArchiveCopies.Written> written = stores.copies().write(key, folder, manifest, stores.of(request.collegeId()));
            written.forEach(copy -> catalog.copyWritten(id, copy));
            long failed = written.stream().filter(copy -> !copy.ok()).count();
            String status = failed == 0 ? ArchiveCatalog.COMPLETE : failed < written.size() ? ArchiveCatalog.INCOMPLETE : ArchiveCatalog.FAILED;
            String error = failed == 0 ? null : written.stream().filter(copy -> !copy.ok())
                    .map(copy -> "«" + copy.store() + "»: " + copy.error()).reduce((a, b) -> a + "; " + b).orElse(null);
            catalog.finished(id, status, manifest, digest, error == null ? null : "Копия не записана — " + error);
            if (failed > 0) {
                throw new IllegalStateException("Архив " + key + ": копия не записана — " + error);
            }
            log.info("Архив {} ({}): {} файлов, копии: {}", key, request.collegeId(), manifest.files().size(),
                    written.stream().map(ArchiveCopies.Written::store).toList());
            return catalog.get(id).orElseThrow();
        } catch (RuntimeException failure) {
            if (catalog.get(id).map(Archive::status).orElse("").equals(ArchiveCatalog.BUILDING)) {
                catalog.finished(id, ArchiveCatalog.FAILED, manifest, digest, "Архив не собран: " + failure.getMessage());
            }
            log.error("Архив {} ({}) не собран: {}", key, request.collegeId(), failure.getMessage());
            throw failure instanceof ArchiveRefused ? failure : new IllegalStateException("Архив " + key + " не собран: " + failure.getMessage(), failure);
        } finally {
            deleteStaging(staging);
        }
    }

    /** Why this archive is not to be built now (complete already, or being built), or null when it may be. */
    public String refusal(ArchiveRequest request) {
        String base = baseKey(request);
        for (Archive attempt : catalog.attempts(base)) {
            if (attempt.status().equals(ArchiveCatalog.COMPLETE)) {
                return "Архив " + base + " уже создан (№ " + attempt.id() + "): архив не перезаписывается";
            }
            if (attempt.status().equals(ArchiveCatalog.BUILDING) && attempt.createdAt().plus(STALE).isAfter(clock.instant())) {
                return "Архив " + base + " уже собирается (№ " + attempt.id() + ")";
            }
        }
        return null;
    }

    /**
     * The archive's folder in the stores: {@code <college>/<kind>-<period>[-<group>][-<platform>]}, the period as a
     * month (2026-10), a school year (2026-2027) or its first and last day.
     */
    public static String baseKey(ArchiveRequest request) {
        LocalDate from = request.from();
        LocalDate to = request.to();
        String period;
        if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()))) {
            period = from.toString().substring(0, 7);
        } else if (request.kind() == ArchiveRequest.Kind.YEAR && to.getYear() == from.getYear() + 1) {
            period = from.getYear() + "-" + to.getYear();
        } else {
            period = from + "_" + to;
        }
        StringBuilder key = new StringBuilder(safe(request.collegeId())).append('/').append(request.kind().name().toLowerCase())
                .append('-').append(period);
        if (request.groupCode() != null && !request.groupCode().isBlank()) {
            key.append('-').append(safe(request.groupCode()));
        }
        if (request.source() == ArchiveManifest.Source.PLATFORM) {
            key.append('-').append(safe(request.target()));
        }
        return key.toString();
    }

    // a group code may hold "/" or spaces: the key stays one folder name per part, letters (Cyrillic too) kept
    private static String safe(String part) {
        return part.strip().replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }

    private static void deleteStaging(Path staging) {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Папка сборки архива {} не удалена: {}", staging, e.getMessage());
        }
    }
}
