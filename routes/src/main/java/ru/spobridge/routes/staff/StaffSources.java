package ru.spobridge.routes.staff;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.zup.ZupODataClient;
import ru.spobridge.connectors.zup.ZupSettings;
import ru.spobridge.mappings.staff.StaffOrderRecord;
import ru.spobridge.mappings.zup.ZupStaffMapping;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.ClientsBySettings;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.store.SourceCursors;

/** Reads a college's 1С:ЗУП publication: orders posted since the last read, with the people and positions they name. */
@Component
public class StaffSources {

    private static final String CURSOR = "zup";

    private final Colleges colleges;
    private final HubProperties properties;
    private final HttpClient http;
    private final ObjectMapper json;
    private final SourceCursors cursors;
    /** Counts of the last read per college, taken by the run once its intake is stored. */
    private final Map<String, Map<String, Integer>> pulled = new ConcurrentHashMap<>();
    private final ClientsBySettings<HubProperties.ZupSource, ZupODataClient> clients = new ClientsBySettings<>();

    public StaffSources(Colleges colleges, HubProperties properties, HttpClient http, ObjectMapper json, SourceCursors cursors) {
        this.colleges = colleges;
        this.properties = properties;
        this.http = http;
        this.json = json;
        this.cursors = cursors;
    }

    public List<StaffOrderRecord> readZup(String collegeId) {
        ZupODataClient client = client(collegeId);
        var cursor = cursors.get(collegeId, CURSOR);
        // documents are dated in 1С's local time; a day's overlap re-reads a few orders, which intake sees as unchanged
        LocalDateTime since = cursor == null ? null : LocalDateTime.ofInstant(cursor, colleges.settings(collegeId).zone()).minusDays(1);
        ZupODataClient.Pull pull = client.pull(since);
        Map<String, Integer> read = new LinkedHashMap<>();
        read.put("приказов", pull.documents().size());
        read.put("сотрудников", pull.persons().size());
        read.put("должностей", pull.positions().size());
        read.put("страниц", pull.pages());
        pulled.put(collegeId, read);
        return ZupStaffMapping.orders(pull.documents(), pull.persons(), pull.names(), pull.positions());
    }

    /** What the last read of the college took from the publication, in its own terms; empty when nothing was read. */
    public Map<String, Integer> pulled(String collegeId) {
        Map<String, Integer> read = pulled.remove(collegeId);
        return read == null ? Map.of() : read;
    }

    /** True before the first successful read: it brings the whole history of the publication. */
    public boolean firstRead(String collegeId) {
        return cursors.get(collegeId, CURSOR) == null;
    }

    public void advanceCursor(String collegeId, java.time.Instant startedAt) {
        cursors.put(collegeId, CURSOR, startedAt);
    }

    private ZupODataClient client(String collegeId) {
        return clients.client(collegeId, colleges.settings(collegeId).staff().zup(), zup -> {
            return new ZupODataClient(new ZupSettings(zup.address(), zup.user(), zup.password(), zup.pageSize(),
                    properties.delivery().httpTimeout()), http, json);
        });
    }
}
