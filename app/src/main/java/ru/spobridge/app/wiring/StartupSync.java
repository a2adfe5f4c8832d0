package ru.spobridge.app.wiring;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.flow.FlowLauncher;

/** Runs the contingent and staff sync of every college once the hub is up (spo.sync.run-at-start), without holding start-up. */
@Component
public class StartupSync {

    private final HubProperties properties;
    private final Colleges colleges;
    private final FlowLauncher launcher;

    public StartupSync(HubProperties properties, Colleges colleges, FlowLauncher launcher) {
        this.properties = properties;
        this.colleges = colleges;
        this.launcher = launcher;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void syncAllOnce() {
        if (!properties.sync().runAtStart()) {
            return;
        }
        for (String collegeId : colleges.ids()) {
            launcher.runAsync(collegeId, "contingent", "startup");
            // staff: read HR orders if there is a source, and in any case apply what fell due while the hub was down
            launcher.runAsync(collegeId, "staff", "startup");
        }
    }
}
