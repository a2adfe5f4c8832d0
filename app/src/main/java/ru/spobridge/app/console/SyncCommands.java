package ru.spobridge.app.console;

import org.springframework.stereotype.Service;
import ru.spobridge.routes.flow.FlowLauncher;

/** Starts contingent runs on an operator's or a test's command; returns when the read is stored and the batches are on the bus. */
@Service
public class SyncCommands {

    private final FlowLauncher launcher;

    public SyncCommands(FlowLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * @param full read the whole contingent instead of the changes since the last read
     * @return the run id, or null when a run of this college was already reading
     */
    public Long runContingent(String collegeId, boolean full, String trigger) {
        return launcher.run(collegeId, "contingent", trigger, full);
    }
}
