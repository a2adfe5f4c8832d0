package ru.spobridge.app.wiring;

import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.contingent.ContingentSyncRoute;
import ru.spobridge.routes.staff.StaffRoutes;

/** Runs the contingent and staff sync of every college once the hub is up (spo.sync.run-at-start), without holding start-up. */
@Component
public class StartupSync {

    private final HubProperties properties;
    private final Colleges colleges;
    private final ProducerTemplate camel;

    public StartupSync(HubProperties properties, Colleges colleges, ProducerTemplate camel) {
        this.properties = properties;
        this.colleges = colleges;
        this.camel = camel;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void syncAllOnce() {
        if (!properties.sync().runAtStart()) {
            return;
        }
        for (String collegeId : colleges.ids()) {
            camel.asyncRequestBodyAndHeaders(ContingentSyncRoute.ENTRY, null,
                    Map.of(ContingentSync.COLLEGE, collegeId, ContingentSync.TRIGGER, "startup"));
            // staff: read HR orders if there is a source, and in any case apply what fell due while the hub was down
            String staffEntry = colleges.settings(collegeId).staff().zup() != null ? StaffRoutes.ZUP : StaffRoutes.REFRESH;
            camel.asyncRequestBodyAndHeaders(staffEntry, null, Map.of(ContingentSync.COLLEGE, collegeId, ContingentSync.TRIGGER, "startup"));
        }
    }
}
