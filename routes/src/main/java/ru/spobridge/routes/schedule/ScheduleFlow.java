package ru.spobridge.routes.schedule;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.flow.CollegeRoute;
import ru.spobridge.routes.flow.Flow;

/** The schedule flow in the kernel: dated lessons and attestation events; aSc exports from an inbox; held imports. */
@Component
public class ScheduleFlow implements Flow {

    @Override
    public String name() {
        return ScheduleState.FLOW;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(ScheduleState.LESSON, ScheduleState.ATTESTATION);
    }

    @Override
    public List<CollegeRoute> collegeRoutes(String collegeId, CollegeSettings college, boolean schedules) {
        String inbox = college.schedule().inbox();
        return inbox == null ? List.of()
                : List.of(CollegeRoute.inbox("schedule-inbox-" + collegeId, ScheduleState.FLOW, collegeId, inbox, ScheduleRoutes.INBOX_FILES, ScheduleRoutes.INBOX));
    }

    @Override
    public Optional<HeldReads> heldReads() {
        return Optional.of(new HeldReads(ScheduleSnapshot.class, ScheduleRoutes.APPLY));
    }
}
