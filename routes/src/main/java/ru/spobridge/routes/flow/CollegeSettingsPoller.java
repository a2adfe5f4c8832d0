package ru.spobridge.routes.flow;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/** Follows college settings changed on other instances: polls the settings revision on a thread of its own. */
public class CollegeSettingsPoller implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CollegeSettingsPoller.class);

    private final CollegeRegistry registry;
    private final Duration every;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "college-settings-poller");
        thread.setDaemon(true);
        return thread;
    });

    public CollegeSettingsPoller(CollegeRegistry registry, Duration every) {
        this.registry = registry;
        this.every = every;
    }

    public void start() {
        executor.scheduleWithFixedDelay(() -> {
            try {
                registry.refreshIfChanged();
            } catch (RuntimeException e) {
                // the store may be down for a while: the next poll tries again
                log.warn("Настройки колледжей не перечитаны: {}", e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
