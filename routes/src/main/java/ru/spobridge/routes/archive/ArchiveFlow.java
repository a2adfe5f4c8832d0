package ru.spobridge.routes.archive;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.flow.CollegeRoute;
import ru.spobridge.routes.flow.Flow;

/**
 * Journal archives in the kernel: each college's calendar looked at daily in its own zone; each archive built is a
 * run of this flow (visible, failed with its reason, paused and blacked out like any flow). It publishes nothing.
 */
@Component
public class ArchiveFlow implements Flow {

    private final ArchiveSettings settings;

    public ArchiveFlow(ArchiveSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return ArchiveRoutes.FLOW;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of();
    }

    @Override
    public List<CollegeRoute> collegeRoutes(String collegeId, CollegeSettings college, boolean schedules) {
        if (!schedules) {
            return List.of();
        }
        return List.of(CollegeRoute.schedule("archive-calendar-" + collegeId, ArchiveRoutes.FLOW, "archive", collegeId, settings.schedule(),
                college.zone(), "calendar", ArchiveRoutes.CALENDAR));
    }

    @Override
    public Optional<String> runEntry(String collegeId, CollegeSettings college) {
        return Optional.of(ArchiveRoutes.CALENDAR);
    }
}
