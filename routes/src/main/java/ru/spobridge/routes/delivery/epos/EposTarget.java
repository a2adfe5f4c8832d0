package ru.spobridge.routes.delivery.epos;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.common.BatchResult;
import ru.spobridge.connectors.epos.EposSpoClient;
import ru.spobridge.connectors.epos.EposSpoSettings;
import ru.spobridge.mappings.epos.EposContingentMapping;
import ru.spobridge.model.Group;
import ru.spobridge.model.Student;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.delivery.DeliveryBatch;
import ru.spobridge.routes.delivery.TargetAdapter;

/** ЭПОС.СПО (Perm) as a delivery target: groups, then student profiles. */
@Component
public class EposTarget implements TargetAdapter {

    public static final String NAME = "epos";

    private final Colleges colleges;
    private final HubProperties properties;
    private final CanonicalJson json;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, EposSpoClient> clients = new ConcurrentHashMap<>();

    public EposTarget(Colleges colleges, HubProperties properties, CanonicalJson json, HttpClient http, Clock clock) {
        this.colleges = colleges;
        this.properties = properties;
        this.json = json;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> entityTypes() {
        return List.of(ContingentIntake.GROUP, ContingentIntake.STUDENT);
    }

    @Override
    public int batchLimit(String collegeId) {
        return client(collegeId).batchLimit();
    }

    @Override
    public BatchResult send(DeliveryBatch batch) {
        EposSpoClient client = client(batch.collegeId());
        return switch (batch.entityType()) {
            case ContingentIntake.GROUP -> client.post("groups", batch.items().stream()
                    .map(item -> EposContingentMapping.toGroup(json.read(item.payload(), Group.class))).toList(), batch.idempotencyKey());
            case ContingentIntake.STUDENT -> client.post("student_profiles", batch.items().stream()
                    .map(item -> EposContingentMapping.toProfile(json.read(item.payload(), Student.class))).toList(), batch.idempotencyKey());
            default -> throw new IllegalArgumentException("ЭПОС.СПО не принимает записи вида " + batch.entityType());
        };
    }

    /** The client of one college; reading the settings here lets a wrong setting fail the batch, not the hub. */
    public EposSpoClient client(String collegeId) {
        return clients.computeIfAbsent(collegeId, id -> {
            HubProperties.TargetSettings target = colleges.settings(id).targets().get(NAME);
            if (target == null) {
                throw new IllegalStateException("У колледжа " + id + " не настроена платформа ЭПОС.СПО");
            }
            return new EposSpoClient(new EposSpoSettings(target.baseUrl(), target.clientId(), target.clientSecret(),
                    target.batchLimit(), properties.delivery().httpTimeout()), json.mapper(), http, clock);
        });
    }
}
