package ru.spobridge.routes.staff;

import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.RunGate;

/** Fired by a persistent trigger at a college's local midnight: recompute and deliver the staff state. */
@DisallowConcurrentExecution
public class StaffRefreshJob implements Job {

    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private RunGate gate;

    @Override
    public void execute(JobExecutionContext context) {
        String college = context.getMergedJobDataMap().getString(StaffSchedule.COLLEGE);
        // a skipped refresh is recorded; the daily refresh after the pause recomputes what is due "today"
        if (!gate.admit(college, StaffIntake.FLOW, "refresh")) {
            return;
        }
        camel.sendBodyAndHeaders(StaffRoutes.REFRESH, null, Map.of(FlowHeaders.COLLEGE, college,
                FlowHeaders.TRIGGER, "schedule", FlowHeaders.FLOW, StaffIntake.FLOW));
    }
}
