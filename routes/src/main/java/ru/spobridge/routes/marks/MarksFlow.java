package ru.spobridge.routes.marks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.flow.CollegeRoute;
import ru.spobridge.routes.flow.Flow;

/** The marks and attendance flow (with the lessons' topics and homework) in the kernel: the college journal pulled on its schedule and a nightly catch-up. */
@Component
public class MarksFlow implements Flow {

    @Override
    public String name() {
        return MarksIntake.FLOW;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(MarksIntake.MARK, MarksIntake.ATTENDANCE, ru.spobridge.model.journal.LessonEntry.ENTITY_TYPE);
    }

    @Override
    public List<CollegeRoute> collegeRoutes(String collegeId, CollegeSettings college, boolean schedules) {
        if (!schedules || college.marks().journal() == null) {
            return List.of();
        }
        return List.of(
                CollegeRoute.schedule("marks-schedule-" + collegeId, MarksIntake.FLOW, "marks", collegeId, college.marks().schedule(), college.zone(),
                        "schedule", MarksRoutes.PULL),
                CollegeRoute.schedule("marks-catch-up-" + collegeId, MarksIntake.FLOW, "marks-catch-up", collegeId, college.marks().catchUp(), college.zone(),
                        "catch-up", MarksRoutes.PULL));
    }

    @Override
    public Optional<String> runEntry(String collegeId, CollegeSettings college) {
        return college.marks().journal() == null ? Optional.empty() : Optional.of(MarksRoutes.PULL);
    }
}
