package ru.spobridge.bench.region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time from /proc: how busy the whole machine was over an interval and how much CPU one process used, so that a
 * measurement on a small machine shows whether it was bound by the cores rather than by the hub.
 */
final class CpuMeter {

    // USER_HZ: the unit of /proc times on every Linux the benchmark runs on
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuMeter() {
    }

    /** The machine's CPU ticks now: {busy, total} over all cores (iowait counts as idle). */
    static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The share of all cores' time that was busy between two {@link #machine()} readings; -1 when unknown. */
    static double busyShare(long[] before, long[] after) {
        long total = after[1] - before[1];
        return total > 0 ? (double) (after[0] - before[0]) / total : -1;
    }

    /** Busy CPU seconds of all cores together between two {@link #machine()} readings. */
    static double busySeconds(long[] before, long[] after) {
        return (after[0] - before[0]) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds so far, by pid, of this JVM, every process it started (the hubs, the simulators) and every process
     * whose command line names {@code workDir} with its children: PostgreSQL's server leaves the tree when pg_ctl exits.
     */
    static Map<Long, Double> ownTree(Path workDir) {
        Map<Long, Double> seconds = new HashMap<>();
        ProcessHandle current = ProcessHandle.current();
        seconds.put(current.pid(), processSeconds(current.pid()));
        current.descendants().forEach(process -> seconds.put(process.pid(), processSeconds(process.pid())));
        String marker = workDir.toString();
        ProcessHandle.allProcesses().filter(process -> commandLine(process.pid()).contains(marker)).forEach(process -> {
            seconds.put(process.pid(), processSeconds(process.pid()));
            process.descendants().forEach(child -> seconds.put(child.pid(), processSeconds(child.pid())));
        });
        return seconds;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** CPU seconds the tree used between two {@link #ownTree(Path)} readings (a process born since counts from zero). */
    static double treeSeconds(Map<Long, Double> before, Map<Long, Double> after) {
        double used = 0;
        for (Map.Entry<Long, Double> process : after.entrySet()) {
            if (process.getValue() >= 0) {
                used += process.getValue() - Math.max(0, before.getOrDefault(process.getKey(), 0.0));
            }
        }
        return used;
    }

    /** User and system CPU seconds a process has used so far; -1 when it is gone. */
    static double processSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the fields after the command name, which may itself hold spaces and parentheses
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}
