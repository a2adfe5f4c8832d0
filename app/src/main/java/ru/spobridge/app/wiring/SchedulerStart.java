package ru.spobridge.app.wiring;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts the schedules only once the hub is ready and {@link RunRecovery} has closed what a crash left open: a trigger
 * that fired earlier (a missed night run fires at once) would open a run that recovery then took for an orphan, or
 * reach a Camel context that is not started yet.
 */
@Component
public class SchedulerStart {

    private static final Logger log = LoggerFactory.getLogger(SchedulerStart.class);

    private final Scheduler scheduler;

    public SchedulerStart(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void startSchedules() throws SchedulerException {
        if (!scheduler.isStarted() || scheduler.isInStandbyMode()) {
            scheduler.start();
            log.info("Расписания запущены");
        }
    }
}
