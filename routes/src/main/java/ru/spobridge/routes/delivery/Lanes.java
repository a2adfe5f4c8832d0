package ru.spobridge.routes.delivery;

import static ru.spobridge.routes.contingent.ContingentIntake.GROUP;
import static ru.spobridge.routes.contingent.ContingentIntake.GUARDIAN;
import static ru.spobridge.routes.contingent.ContingentIntake.MOVEMENT;
import static ru.spobridge.routes.contingent.ContingentIntake.STUDENT;
import static ru.spobridge.routes.marks.MarksIntake.ATTENDANCE;
import static ru.spobridge.routes.marks.MarksIntake.MARK;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import ru.spobridge.model.Movement;
import ru.spobridge.routes.CanonicalJson;

/**
 * Which lane of the bus a record takes. Only types whose records are independent of one another are spread: students,
 * guardians, movement orders (by their student, so that one student's orders keep their order), marks, absences and
 * lesson entries (topics and homework, by lesson key).
 * Every other type (groups, staff, reference data, lessons, whose records name one another) stays on lane 0, in order.
 * A record's versions always take the same lane, so one lane — one message group — keeps them in order.
 */
@Component
@EnableConfigurationProperties(LaneSettings.class)
public class Lanes {

    /** Types spread over lanes, each record by a stable hash of its key (a movement: of its student). */
    private static final Set<String> SPREAD = Set.of(STUDENT, GUARDIAN, MOVEMENT, MARK, ATTENDANCE,
            ru.spobridge.model.journal.LessonEntry.ENTITY_TYPE);
    /** Types that a later spread type of the same target names: their outcomes are awaited before it is published. */
    private static final Set<String> PARENTS = Set.of(GROUP, STUDENT);

    private final LaneSettings settings;
    private final CanonicalJson json;

    public Lanes(LaneSettings settings, CanonicalJson json) {
        this.settings = settings;
        this.json = json;
    }

    public LaneSettings settings() {
        return settings;
    }

    /** The lane of one record version; 0 with a single lane or for a type that is not spread. */
    public int of(String entityType, String entityKey, String payload) {
        if (settings.count() == 1 || !SPREAD.contains(entityType)) {
            return 0;
        }
        String key = MOVEMENT.equals(entityType) ? json.read(payload, Movement.class).studentId() : entityKey;
        return lane(key, settings.count());
    }

    /** The lane of a batch: all its records share it. */
    public int of(DeliveryBatch batch) {
        DeliveryBatch.Item first = batch.items().get(0);
        return of(batch.entityType(), first.entityKey(), first.payload());
    }

    /**
     * The message group (Artemis JMSXGroupID) and Kafka key of a batch: the college alone with one lane, as before
     * lanes existed; else the college and the lane.
     */
    public String group(DeliveryBatch batch) {
        return settings.count() == 1 ? batch.collegeId() : batch.collegeId() + '|' + of(batch);
    }

    /** True when the next types of a target must wait for this type's outcomes: only with lanes, only for a parent type. */
    public boolean awaitsOutcomes(String entityType) {
        return settings.count() > 1 && PARENTS.contains(entityType);
    }

    /** A stable hash (CRC-32 of the UTF-8 key, the same in every JVM and release) folded onto the lanes. */
    static int lane(String key, int lanes) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % lanes);
    }
}
