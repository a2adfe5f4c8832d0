package ru.spobridge.routes.delivery;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import ru.spobridge.connectors.common.BatchResult;
import ru.spobridge.connectors.common.IntegrationApiClient;
import ru.spobridge.connectors.common.PlatformProtocol;
import ru.spobridge.connectors.common.PlatformSettings;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.ClientsBySettings;
import ru.spobridge.routes.config.HubProperties;

/**
 * A regional platform as a delivery target, described rather than coded: its protocol, and per entity type the
 * resource path and the pure mapping from the canonical record to the platform's item.
 */
public class PlatformTarget implements TargetAdapter {

    /**
     * One kind of record the platform takes, in delivery order. A record for which {@code removes} holds is
     * deleted ({@code DELETE path/key}) instead of posted: a dismissed teacher, a revoked substitution.
     */
    public record Resource<T>(String entityType, String path, Class<T> canonicalType, Function<T, Object> toItem,
                              Predicate<T> removes) {

        public Resource(String entityType, String path, Class<T> canonicalType, Function<T, Object> toItem) {
            this(entityType, path, canonicalType, toItem, never());
        }

        @SuppressWarnings("unchecked")
        private static <T> Predicate<T> never() {
            return (Predicate<T>) NEVER;
        }

        Object item(CanonicalJson json, String payload) {
            return toItem.apply(json.read(payload, canonicalType));
        }

        boolean isRemoval(CanonicalJson json, String payload) {
            // a kind that is never removed needs no parse (the publisher asks for every record it counts)
            return removes != NEVER && removes.test(json.read(payload, canonicalType));
        }
    }

    private static final Predicate<Object> NEVER = record -> false;

    private final PlatformProtocol protocol;
    private final String keyField;
    private final Map<String, Resource<?>> resources = new LinkedHashMap<>();
    private final Colleges colleges;
    private final HubProperties properties;
    private final CanonicalJson json;
    private final HttpClient http;
    private final Clock clock;
    private final ClientsBySettings<HubProperties.TargetSettings, IntegrationApiClient> clients = new ClientsBySettings<>();

    public PlatformTarget(PlatformProtocol protocol, String keyField, List<Resource<?>> resources, Colleges colleges,
                          HubProperties properties, CanonicalJson json, HttpClient http, Clock clock) {
        this.protocol = protocol;
        this.keyField = keyField;
        resources.forEach(resource -> this.resources.put(resource.entityType(), resource));
        this.colleges = colleges;
        this.properties = properties;
        this.json = json;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String name() {
        return protocol.name();
    }

    public String title() {
        return protocol.title();
    }

    @Override
    public List<String> entityTypes() {
        return List.copyOf(resources.keySet());
    }

    @Override
    public int batchLimit(String collegeId) {
        return client(collegeId).batchLimit();
    }

    @Override
    public BatchResult send(DeliveryBatch batch) {
        Resource<?> resource = resource(batch.entityType());
        IntegrationApiClient client = client(batch.collegeId());
        List<Integer> posted = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            (resource.isRemoval(json, batch.items().get(i).payload()) ? removed : posted).add(i);
        }
        if (removed.isEmpty()) {
            return client.post(resource.path(), batch.items().stream().map(item -> resource.item(json, item.payload())).toList(),
                    batch.idempotencyKey(), batch.itemKeys());
        }
        BatchResult.ItemResult[] results = new BatchResult.ItemResult[batch.items().size()];
        int status = 200;
        if (!posted.isEmpty()) {
            List<String> itemKeys = batch.itemKeys();
            BatchResult post = client.post(resource.path(), posted.stream().map(i -> resource.item(json, batch.items().get(i).payload())).toList(),
                    batch.idempotencyKey() + "-p", posted.stream().map(itemKeys::get).toList());
            status = post.httpStatus();
            for (int j = 0; j < posted.size() && j < post.results().size(); j++) {
                results[posted.get(j)] = post.results().get(j);
            }
        }
        for (int i : removed) {
            DeliveryBatch.Item item = batch.items().get(i);
            // one key per removed record and version: a retry of the batch repeats the same DELETE
            results[i] = client.delete(resource.path(), item.entityKey(), batch.idempotencyKey() + "-d-" + item.contentHash().substring(0, 16));
        }
        if (java.util.Arrays.asList(results).contains(null)) {
            throw new ru.spobridge.connectors.common.TransientTargetException(status, "INCOMPLETE_RESULT", null,
                    protocol.title() + " ответила не на все записи пакета", null);
        }
        return new BatchResult(status, null, false, java.util.Arrays.asList(results));
    }

    @Override
    public boolean removes(String entityType, String payload) {
        return resource(entityType).isRemoval(json, payload);
    }

    /** The item the platform should hold for a canonical record, as JSON fields (reconciliation compares these). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> expectedItem(String entityType, String payload) {
        return json.mapper().convertValue(resource(entityType).item(json, payload), Map.class);
    }

    /** What the platform holds of one entity type for a college. */
    public List<Map<String, Object>> listing(String collegeId, String entityType) {
        return client(collegeId).list(resource(entityType).path());
    }

    /** The field of a listed item that holds our external id. */
    public String keyField() {
        return keyField;
    }

    private Resource<?> resource(String entityType) {
        Resource<?> resource = resources.get(entityType);
        if (resource == null) {
            throw new IllegalArgumentException(protocol.title() + " не принимает записи вида " + entityType);
        }
        return resource;
    }

    /** The client of one college; reading the settings here lets a wrong setting fail the batch, not the hub. */
    private IntegrationApiClient client(String collegeId) {
        HubProperties.TargetSettings settings = colleges.settings(collegeId).targets().get(name());
        if (settings == null) {
            throw new IllegalStateException("У колледжа " + collegeId + " не настроена платформа " + protocol.title());
        }
        return clients.client(collegeId, settings, target -> {
            return new IntegrationApiClient(protocol, new PlatformSettings(target.baseUrl(), target.clientId(), target.clientSecret(),
                    target.batchLimit(), properties.deliveryFor(name()).httpTimeout()), json.mapper(), http, clock);
        });
    }
}
