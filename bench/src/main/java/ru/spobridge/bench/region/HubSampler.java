package ru.spobridge.bench.region;

/**
 * Samples the hub every 100 ms while a scenario runs: heap in use (its metrics endpoint) and resident memory
 * (VmRSS of /proc), keeping the peak of each since the last {@link #reset()}.
 */
public final class HubSampler implements AutoCloseable {

    /** Peaks of one scenario in MB; -1 when no sample could be taken. */
    public record Peaks(long heapMb, long rssMb) {
    }

    private final HubApi api;
    private final BenchJvm hub;
    private final Thread thread;
    private volatile double heap = -1;
    private volatile long rss = -1;
    private volatile long highWater = -1;
    private volatile boolean running = true;

    public HubSampler(HubApi api, BenchJvm hub) {
        this.api = api;
        this.hub = hub;
        this.thread = new Thread(this::sample, "hub-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void reset() {
        heap = -1;
        rss = -1;
    }

    public synchronized Peaks peaks() {
        return new Peaks(heap < 0 ? -1 : Math.round(heap / (1024 * 1024)), rss);
    }

    /** VmHWM of the hub at the last sample: its peak RSS so far, still known after it exited. */
    public long lastHighWaterMb() {
        return highWater;
    }

    private void sample() {
        while (running) {
            if (!hub.alive()) {
                // killed on purpose (the crash scenario) and restarted later, or gone for good: nothing to sample now
                if (!pause()) {
                    return;
                }
                continue;
            }
            double used = -1;
            try {
                used = api.heapUsed();
            } catch (Exception busy) {
                // a hub too busy to answer within 5 s is itself a figure: its peak stays the last one seen
            }
            long resident = hub.procStatusMb("VmRSS");
            long mark = hub.procStatusMb("VmHWM");
            if (mark > 0) {
                highWater = mark;
            }
            synchronized (this) {
                heap = Math.max(heap, used);
                rss = Math.max(rss, resident);
            }
            if (!pause()) {
                return;
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
