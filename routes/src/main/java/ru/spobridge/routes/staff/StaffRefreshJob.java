package ru.spobridge.routes.staff;

import ru.spobridge.routes.flow.FlowHeaders;

import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/** Fired by a persistent trigger at a college's local midnight: recompute and deliver the staff state. */
@DisallowConcurrentExecution
public class StaffRefreshJob implements Job {

    @Autowired
    private ProducerTemplate camel;

    @Override
    public void execute(JobExecutionContext context) {
        String college = context.getMergedJobDataMap().getString(StaffSchedule.COLLEGE);
        camel.sendBodyAndHeaders(StaffRoutes.REFRESH, null, Map.of(FlowHeaders.COLLEGE, college, FlowHeaders.TRIGGER, "schedule"));
    }
}
