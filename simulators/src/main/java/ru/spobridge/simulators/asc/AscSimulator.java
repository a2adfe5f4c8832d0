package ru.spobridge.simulators.asc;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import ru.spobridge.simulators.faults.FaultInjector;
import ru.spobridge.simulators.web.Digests;

/**
 * Stand-in for the folder a college's aSc Timetables exports land in: the latest export per college, served at
 * {@code /asc-sim/exports/{collegeId}/latest.xml} with its SHA-256 as the ETag. No auth. Thread-safe.
 */
public class AscSimulator {

    public static final String BASE = "/asc-sim";

    /** One published export: the bytes as given and their lower-case hex SHA-256. */
    public record Export(byte[] xml, String sha256) {
    }

    private final Map<String, Export> exports = new ConcurrentHashMap<>();
    private final FaultInjector faults;
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();

    public AscSimulator(FaultInjector faults) {
        this.faults = faults;
    }

    /** Makes {@code xml} (any encoding, as the desktop wrote it) the latest export of the college. */
    public void publish(String collegeId, byte[] xml) {
        Objects.requireNonNull(collegeId, "collegeId");
        byte[] copy = xml.clone();
        exports.put(collegeId, new Export(copy, Digests.sha256Hex(copy)));
    }

    /** Forgets the college's export: its file answers 404 again. */
    public void withdraw(String collegeId) {
        exports.remove(collegeId);
    }

    /** The latest export of the college, if any was published. */
    public Optional<Export> latest(String collegeId) {
        return Optional.ofNullable(exports.get(collegeId));
    }

    /** Forgets every export, clears faults and counters. */
    public void reset() {
        exports.clear();
        faults.clear();
        faults.resetCounters();
        downloads.set(0);
        notModified.set(0);
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Exports served in full (200). */
    public int downloads() {
        return downloads.get();
    }

    /** Conditional requests answered 304 because the export had not changed. */
    public int notModified() {
        return notModified.get();
    }

    int published() {
        return exports.size();
    }

    void countDownload() {
        downloads.incrementAndGet();
    }

    void countNotModified() {
        notModified.incrementAndGet();
    }
}
