package ru.spobridge.routes.staff;

import ru.spobridge.routes.flow.FlowHeaders;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.camel.Header;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * Persistent one-off triggers (Quartz, JDBC job store) at the local midnight when a college's staff state changes:
 * a future hire or dismissal, the first day of a substitution and the day after its last. Kept in the database,
 * so they fire on their day even if the hub was restarted in between; one trigger per college and moment.
 */
@Component
public class StaffSchedule {

    static final JobKey JOB = JobKey.jobKey("staff-refresh", "spo");
    static final String COLLEGE = "college";

    private final Scheduler scheduler;

    public StaffSchedule(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void schedule(@Header(FlowHeaders.COLLEGE) String collegeId, List<Instant> moments) throws SchedulerException {
        ensureJob();
        for (Instant moment : moments) {
            TriggerKey key = triggerKey(collegeId, moment);
            if (scheduler.checkExists(key)) {
                continue;
            }
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(JOB).usingJobData(COLLEGE, collegeId)
                    .startAt(Date.from(moment))
                    // a day missed while the hub was down is applied as soon as it is up again
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            try {
                scheduler.scheduleJob(trigger);
            } catch (SchedulerException raced) {
                // another run or hub instance scheduled the same moment at the same time: one trigger is enough
                if (!scheduler.checkExists(key)) {
                    throw raced;
                }
            }
        }
    }

    /** Runs of several colleges start together; the database would refuse the second insert of the same job. */
    private synchronized void ensureJob() throws SchedulerException {
        if (scheduler.checkExists(JOB)) {
            return;
        }
        JobDetail job = JobBuilder.newJob(StaffRefreshJob.class).withIdentity(JOB).storeDurably()
                .withDescription("Пересчёт учётных записей сотрудников колледжа на наступивший день").build();
        try {
            scheduler.addJob(job, false);
        } catch (SchedulerException raced) {
            if (!scheduler.checkExists(JOB)) {
                throw raced;
            }
        }
    }

    public static TriggerKey triggerKey(String collegeId, Instant moment) {
        return TriggerKey.triggerKey("staff-" + collegeId + "-" + moment.toEpochMilli(), "spo");
    }
}
