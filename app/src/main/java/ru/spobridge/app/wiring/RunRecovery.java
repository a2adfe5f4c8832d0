package ru.spobridge.app.wiring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.flow.Republish;
import ru.spobridge.routes.store.SyncRuns;

/**
 * At start, before the start-up pass and the schedules: runs a crash left reading or delivering are closed as
 * interrupted with what they had done, and what their college and flow still owe the platforms is published again
 * (records still on the bus are not: the publisher skips what is in flight).
 */
@Component
public class RunRecovery {

    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

    private final SyncRuns runs;
    private final Flows flows;
    private final Colleges colleges;
    private final Republish republish;

    public RunRecovery(SyncRuns runs, Flows flows, Colleges colleges, Republish republish) {
        this.runs = runs;
        this.flows = flows;
        this.colleges = colleges;
        this.republish = republish;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void recoverAtStart() {
        recover();
    }

    /** @return the runs closed as interrupted */
    public List<SyncRuns.Run> recover() {
        List<SyncRuns.Run> closed = runs.open().stream().filter(run -> runs.interrupted(run.id(), reason(run))).toList();
        Map<List<String>, Long> toResume = new LinkedHashMap<>();
        for (SyncRuns.Run run : closed) {
            log.warn("{} {}: запуск {} прерван остановкой хаба ({}), остаток будет отправлен повторно", run.flow(), run.collegeId(),
                    run.id(), reason(run));
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
