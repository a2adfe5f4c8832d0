package ru.spobridge.routes.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.flow.CollegeRoute;
import ru.spobridge.routes.flow.Flow;

/** The staff flow in the kernel: accounts, workload and substitute accesses; 1С:ЗУП polled, HR files in an inbox. */
@Component
public class StaffFlow implements Flow {

    @Override
    public String name() {
        return StaffIntake.FLOW;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(StaffProvisioner.ACCOUNT, StaffIntake.WORKLOAD, StaffProvisioner.GRANT);
    }

    @Override
    public List<CollegeRoute> collegeRoutes(String collegeId, CollegeSettings college, boolean schedules) {
        List<CollegeRoute> routes = new ArrayList<>();
        if (college.staff().inbox() != null) {
            routes.add(CollegeRoute.inbox("staff-inbox-" + collegeId, StaffIntake.FLOW, collegeId, college.staff().inbox(), "(?i).*\\.(xml|csv)", StaffRoutes.FILE));
        }
        if (!schedules) {
            return routes;
        }
        if (college.staff().zup() != null) {
            routes.add(CollegeRoute.schedule("staff-zup-schedule-" + collegeId, StaffIntake.FLOW, "staff-zup", collegeId, college.staff().zup().schedule(),
                    college.zone(), "schedule", StaffRoutes.ZUP));
        }
        // the persistent triggers fire at each change; this nightly pass catches anything they could not
        routes.add(CollegeRoute.schedule("staff-daily-" + collegeId, StaffIntake.FLOW, "staff-daily", collegeId, "0 5 0 * * ?", college.zone(), "daily",
                StaffRoutes.REFRESH));
        return routes;
    }

    /** Reads HR orders where there is a source; in any case recomputes and applies what is due today. */
    @Override
    public Optional<String> runEntry(String collegeId, CollegeSettings college) {
        return Optional.of(college.staff().zup() != null ? StaffRoutes.ZUP : StaffRoutes.REFRESH);
    }
}
