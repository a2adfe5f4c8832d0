package ru.spobridge.app.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.flow.Republish;
import ru.spobridge.routes.store.HubInstances;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Runs a crash left reading or delivering are closed as interrupted with what they had done, and the rest of what
 * their run published goes out again as part of them. At start, before the start-up pass and the schedules: this
 * instance's own runs (its previous process) and those of instances no longer alive; then, while the hub runs, every
 * {@code spo.instance.heartbeat}: this instance says it is alive and closes the runs of an instance silent for
 * {@code spo.instance.stale-after} (several hubs on one store: a dead one's runs resume on a survivor).
 */
@Component
public class RunRecovery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

    private final SyncRuns runs;
    private final Flows flows;
    private final Colleges colleges;
    private final Republish republish;
    private final HubInstances instances;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration staleAfter;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hub-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public RunRecovery(SyncRuns runs, Flows flows, Colleges colleges, Republish republish, HubInstances instances, Clock clock,
                       @Value("${spo.instance.heartbeat:10s}") Duration heartbeat,
                       @Value("${spo.instance.stale-after:60s}") Duration staleAfter) {
        this.runs = runs;
        this.flows = flows;
        this.colleges = colleges;
        this.republish = republish;
        this.instances = instances;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.staleAfter = staleAfter;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void recoverAtStart() {
        recover();
        executor.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                // the store may be down: without a heartbeat of our own we judge nobody else dead
                log.warn("Отметка узла {} в хранилище не записана: {}", instances.self(), e.getMessage());
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** At start: closes this instance's runs left by its previous process and those of dead instances. */
    public List<SyncRuns.Run> recover() {
        return close(true);
    }

    /** While running: closes the runs of instances silent for longer than {@code stale-after}. */
    public List<SyncRuns.Run> sweep() {
        return close(false);
    }

    /** @return the runs closed as interrupted */
    private List<SyncRuns.Run> close(boolean atStart) {
        instances.heartbeat();
        Set<String> alive = instances.othersAliveSince(clock.instant().minus(staleAfter));
        List<SyncRuns.Run> closed = runs.open().stream()
                .filter(run -> run.owner() == null || !alive.contains(run.owner()) && (atStart || !instances.self().equals(run.owner())))
                .filter(run -> runs.interrupted(run.id(), reason(run))).toList();
        Map<List<String>, Long> toResume = new LinkedHashMap<>();
        for (SyncRuns.Run run : closed) {
            log.warn("{} {}: запуск {} прерван остановкой узла {} ({}), остаток будет отправлен повторно", run.flow(), run.collegeId(),
                    run.id(), run.owner() == null ? "—" : run.owner(), reason(run));
            toResume.put(List.of(run.collegeId(), run.flow()), run.id()); // the latest interrupted run carries the rest
        }
        for (Map.Entry<List<String>, Long> resume : toResume.entrySet()) {
            List<String> collegeAndFlow = resume.getKey();
            String collegeId = collegeAndFlow.get(0);
            String flow = collegeAndFlow.get(1);
            if (!colleges.ids().contains(collegeId) || flows.find(flow).isEmpty()) {
                log.warn("{} {}: колледж или поток больше не настроен, прерванный запуск не возобновлён", flow, collegeId);
                continue;
            }
            republish.publishAfterCrash(collegeId, flow, resume.getValue());
        }
        return closed;
    }

    private static String reason(SyncRuns.Run run) {
        return SyncRuns.READING.equals(run.status())
                ? "прерван во время чтения источника: прочитано " + run.read() + ", изменено " + run.changed()
                : "прерван во время доставки: отправлено " + run.published() + ", доставлено " + run.delivered()
                        + ", отклонено платформой " + run.targetRejected() + ", в очереди ошибок " + run.deadLetters();
    }
}
