package ru.spobridge.simulators.state;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.spobridge.simulators.platform.PlatformSimulator;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * Keeps what the platform simulators stored in one JSON file each ({@code <dir>/<platform>.json}), so that a
 * restarted demo agrees with the hub's own store in ./data: loaded once before the simulators serve, written a
 * short delay after a change (one write for a burst of requests), through a temporary file and an atomic move.
 */
public class PlatformStateFiles implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformStateFiles.class);
    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
    };

    private final Path directory;
    private final Duration delay;
    private final List<PlatformSimulator> platforms;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Map<String, byte[]> written = new HashMap<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "simulator-state");
        thread.setDaemon(true);
        return thread;
    });

    public PlatformStateFiles(Path directory, Duration delay, PlatformSimulator... platforms) {
        this.directory = directory;
        this.delay = delay;
        this.platforms = Arrays.asList(platforms);
    }

    /** Reads the files that exist into the (empty) simulators; an unreadable file is set aside, not fatal. */
    public void load() {
        for (PlatformSimulator platform : platforms) {
            Path file = file(platform);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                byte[] json = Files.readAllBytes(file);
                platform.restore(JsonBodies.MAPPER.readValue(json, STATE));
                synchronized (written) {
                    written.put(platform.description().id(), json);
                }
                log.info("Simulator {}: state restored from {}", platform.description().id(), file);
            } catch (IOException | RuntimeException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + System.currentTimeMillis());
                log.warn("Simulator {}: state file {} cannot be read ({}); starting empty, the file is kept as {}",
                        platform.description().id(), file, e.getMessage(), aside);
                platform.reset();
                moveQuietly(file, aside);
            }
        }
    }

    /** Something changed: the files are written after the delay, once for every change within it. */
    public void changed() {
        if (pending.compareAndSet(false, true)) {
            writer.schedule(this::writeNow, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Writes every platform whose state differs from its file. */
    public void writeNow() {
        pending.set(false);
        synchronized (written) {
            for (PlatformSimulator platform : platforms) {
                try {
                    byte[] json = JsonBodies.MAPPER.writeValueAsBytes(platform.snapshot());
                    if (!Arrays.equals(json, written.get(platform.description().id()))) {
                        write(file(platform), json);
                        written.put(platform.description().id(), json);
                    }
                } catch (IOException | RuntimeException e) {
                    // the next change tries again; the previous file stays whole
                    log.warn("Simulator {}: state not written to {}: {}", platform.description().id(), file(platform),
                            e.toString());
                }
            }
        }
    }

    /** Stops the writer and writes what is still pending. */
    @Override
    public void close() {
        writer.shutdownNow();
        if (pending.get()) {
            writeNow();
        }
    }

    private Path file(PlatformSimulator platform) {
        return directory.resolve(platform.description().id() + ".json");
    }

    private static void write(Path file, byte[] json) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, json);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void moveQuietly(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set aside " + from, e);
        }
    }
}
