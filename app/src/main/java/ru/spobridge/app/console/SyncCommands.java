package ru.spobridge.app.console;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Service;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.contingent.ContingentSync;
import ru.spobridge.routes.contingent.ContingentSyncRoute;

/** Starts runs on an operator's or a test's command; returns when the read is stored and the batches are on the bus. */
@Service
public class SyncCommands {

    private final ProducerTemplate camel;
    private final Colleges colleges;

    public SyncCommands(ProducerTemplate camel, Colleges colleges) {
        this.camel = camel;
        this.colleges = colleges;
    }

    /**
     * @param full read the whole contingent instead of the changes since the last read
     * @return the run id, or null when a run of this college was already reading
     */
    public Long runContingent(String collegeId, boolean full, String trigger) {
        colleges.settings(collegeId);
        Map<String, Object> headers = new HashMap<>();
        headers.put(ContingentSync.COLLEGE, collegeId);
        headers.put(ContingentSync.TRIGGER, trigger);
        if (full) {
            headers.put(ContingentSync.MODE, ContingentSync.MODE_FULL);
        }
        Exchange exchange = camel.request(ContingentSyncRoute.ENTRY, ex -> ex.getIn().setHeaders(headers));
        return exchange.getMessage().getHeader(ContingentSync.RUN, Long.class);
    }
}
