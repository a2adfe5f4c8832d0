package ru.spobridge.app.metrics;

import java.time.Duration;
import java.util.List;
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
 * Refreshes the meters read from the store and the Kafka brokers every {@code spo.metrics.refresh} (default 15 s,
 * the usual scrape interval), on a thread of its own: a scrape never waits for the database or a broker, and a store
 * that is down leaves the last figures in place.
 */
@Component
public class MetricsRefresh implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MetricsRefresh.class);

    private final RunMeters runs;
    private final DeadLetterMeters deadLetters;
    private final KafkaLagMeters kafkaLag;
    private final Duration every;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean failing;

    public MetricsRefresh(RunMeters runs, DeadLetterMeters deadLetters, KafkaLagMeters kafkaLag,
                          @Value("${spo.metrics.refresh:15s}") Duration every) {
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.kafkaLag = kafkaLag;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        executor.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the store into the meters now. */
    public synchronized void refresh() {
        RuntimeException failure = null;
        // each part on its own: a store that is down does not stop the bus figures, nor the reverse
        for (Runnable part : List.<Runnable>of(runs::refresh, deadLetters::refresh, kafkaLag::refresh)) {
            try {
                part.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
            if (failing) {
                log.info("Метрики spo_* снова обновляются");
            }
            failing = false;
        } catch (RuntimeException e) {
            // one line per outage, not one per refresh
            if (!failing) {
                log.warn("Метрики spo_* не обновлены (хранилище или Kafka): {}", e.getMessage());
            }
            failing = true;
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
