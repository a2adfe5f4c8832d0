package ru.spobridge.app.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refreshes the meters read from the store every {@code spo.metrics.refresh} (default 15 s, the usual scrape
 * interval), on a thread of its own: a scrape never waits for the database, and a store that is down leaves the last
 * figures in place.
 */
@Component
public class MetricsRefresh implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MetricsRefresh.class);

    private final RunMeters runs;
    private final DeadLetterMeters deadLetters;
    private final Duration every;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean failing;

    public MetricsRefresh(RunMeters runs, DeadLetterMeters deadLetters, @Value("${spo.metrics.refresh:15s}") Duration every) {
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        executor.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the store into the meters now. */
    public synchronized void refresh() {
        runs.refresh();
        deadLetters.refresh();
    }

    private void refreshQuietly() {
        try {
            refresh();
            if (failing) {
                log.info("Метрики из хранилища снова обновляются");
            }
            failing = false;
        } catch (RuntimeException e) {
            // one line per outage, not one per refresh
            if (!failing) {
                log.warn("Метрики из хранилища не обновлены: {}", e.getMessage());
            }
            failing = true;
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
