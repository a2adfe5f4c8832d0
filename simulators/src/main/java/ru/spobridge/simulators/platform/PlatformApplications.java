package ru.spobridge.simulators.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import ru.spobridge.simulators.web.Digests;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * How many times the platform applied each version of each record: one count per client, resource, externalId and
 * content, raised for every accepted item of a write that was processed (an idempotent replay applies nothing,
 * nor does an item answered from its per-item key, see {@link PlatformBatch}).
 * A version applied more than once is a duplicate the hub sent; tests read the figure here, not from the hub.
 */
public final class PlatformApplications {

    /** One record version: whose, which resource, which record, and a digest of its content as received. */
    public record Version(String clientId, String resource, String externalId, String content) {
    }

    private final Map<Version, Integer> counts = new ConcurrentHashMap<>();

    void applied(String clientId, ResourceKind kind, String externalId, Map<String, Object> fields) {
        counts.merge(new Version(clientId, kind.name().toLowerCase(Locale.ROOT), externalId, digest(fields)), 1, Integer::sum);
    }

    /** Record versions applied more than once. */
    public int appliedTwice() {
        return (int) counts.values().stream().filter(times -> times > 1).count();
    }

    /** The control API's view: totals and every version applied more than once. */
    public Map<String, Object> report() {
        List<Map<String, Object>> repeated = new ArrayList<>();
        counts.forEach((version, times) -> {
            if (times > 1) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("client", version.clientId());
                row.put("resource", version.resource());
                row.put("externalId", version.externalId());
                row.put("version", version.content());
                row.put("applied", times);
                repeated.add(row);
            }
        });
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("appliedTwice", repeated.size());
        report.put("versions", counts.size());
        report.put("applications", counts.values().stream().mapToInt(Integer::intValue).sum());
        report.put("records", repeated);
        return report;
    }

    void clear() {
        counts.clear();
    }

    /** Content digest independent of the order the fields came in. */
    static String digest(Map<String, Object> fields) {
        try {
            byte[] json = JsonBodies.MAPPER.writeValueAsString(new TreeMap<>(fields)).getBytes(StandardCharsets.UTF_8);
            return Digests.sha256Hex(json).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an accepted item is always JSON", e);
        }
    }
}
