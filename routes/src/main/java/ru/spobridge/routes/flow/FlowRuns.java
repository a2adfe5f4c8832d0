package ru.spobridge.routes.flow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The run lifecycle every flow goes through: start (or continue a run a previous step opened), read finished,
 * publish (by the publish route), finish when every published record has an outcome — or failed, once, with the
 * reason; a flow may keep a failed run's read for an operator instead. A run that fails while the store itself is down
 * is remembered here and marked failed as soon as the store answers again (every few seconds, and before a run starts).
 */
@Component
public class FlowRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FlowRuns.class);

    private final SyncRuns runs;
    /** Looked up when a run fails: flows use the run lifecycle, so they cannot be constructor dependencies. */
    private final ObjectProvider<Flows> flows;
    /** Runs that failed while the store was down, with their reason, to be marked failed once it is back. */
    private final Map<Long, String> failedWhileStoreDown = new ConcurrentHashMap<>();
    private final ScheduledExecutorService storeRetry = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "flow-runs-store-retry");
        thread.setDaemon(true);
        return thread;
    });

    public FlowRuns(SyncRuns runs, ObjectProvider<Flows> flows) {
        this.runs = runs;
        this.flows = flows;
        storeRetry.scheduleWithFixedDelay(this::markFailedWhileStoreDown, 5, 5, TimeUnit.SECONDS);
    }

    /** Opens a run of the flow named in the header, or continues the one a previous step opened; sets the run header. */
    public long start(Exchange exchange) {
        markFailedWhileStoreDown();
        Long existing = FlowHeaders.run(exchange);
        long run = existing != null ? existing : runs.start(FlowHeaders.college(exchange), FlowHeaders.flow(exchange), FlowHeaders.trigger(exchange));
        exchange.getIn().setHeader(FlowHeaders.RUN, run);
        return run;
    }

    /** What an intake read, left unchanged, changed and refused. */
    public void readFinished(long runId, boolean fullRead, int read, int unchanged, int changed, int rejected) {
        runs.readFinished(runId, fullRead, read, unchanged, changed, rejected);
    }

    /** A step failed after its retries: the flow may keep the read; otherwise the run is failed; nothing of it is sent. */
    public void failed(Exchange exchange) {
        Long runId = FlowHeaders.run(exchange);
        String college = FlowHeaders.college(exchange);
        String flowName = FlowHeaders.flow(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null || cause.getMessage() == null ? "неизвестная ошибка" : cause.getMessage();
        Flow flow = flows.getObject().find(flowName).orElse(null);
        try {
            boolean kept = false;
            try {
                kept = runId != null && flow != null && flow.keepFailedRun(runId, college, cause);
                if (!kept && runId != null) {
                    runs.failed(runId, reason);
                }
            } catch (DataAccessException storeDown) {
                if (runId != null) {
                    failedWhileStoreDown.put(runId, reason);
                }
                log.error("{} {}: запуск {} не отмечен как не выполненный, хранилище недоступно ({}); будет отмечен, когда оно ответит",
                        flowName, college, runId, storeDown.getMostSpecificCause().getMessage());
            }
            if (!kept) {
                log.error("{} {}: запуск {} не выполнен: {}", flowName, college, runId, reason);
            }
        } finally {
            if (flow != null) {
                flow.runEnded(college, runId);
            }
        }
    }

    /** Marks failed the runs that failed while the store was down; those it still cannot reach stay for the next try. */
    public void markFailedWhileStoreDown() {
        for (Map.Entry<Long, String> run : failedWhileStoreDown.entrySet()) {
            try {
                runs.failed(run.getKey(), run.getValue());
                failedWhileStoreDown.remove(run.getKey(), run.getValue());
                log.warn("Запуск {} отмечен как не выполненный после восстановления хранилища: {}", run.getKey(), run.getValue());
            } catch (DataAccessException stillDown) {
                return;
            }
        }
    }

    /** Runs waiting for the store to be marked failed. */
    public java.util.Set<Long> failedWhileStoreDown() {
        return java.util.Set.copyOf(failedWhileStoreDown.keySet());
    }

    @Override
    public void destroy() {
        storeRetry.shutdownNow();
    }
}
