package ru.spobridge.routes.quality;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.flow.CollegeRoute;
import ru.spobridge.routes.flow.Flow;

/**
 * The monthly journal check in the kernel: a Quartz schedule per college in its zone (clustered, so it fires once
 * with several hubs; a paused college or a blackout skips it like any run). It publishes nothing to the platforms.
 */
@Component
public class QualityFlow implements Flow {

    public static final String NAME = "quality";

    private final QualitySettings settings;

    public QualityFlow(QualitySettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of();
    }

    @Override
    public List<CollegeRoute> collegeRoutes(String collegeId, CollegeSettings college, boolean schedules) {
        if (!schedules || !settings.enabled()) {
            return List.of();
        }
        return List.of(CollegeRoute.schedule("journal-quality-" + collegeId, NAME, "journal-quality", collegeId, settings.scheduleOf(collegeId),
                college.zone(), "schedule", QualityRoutes.MONTHLY));
    }
}
