package ru.spobridge.bench.region;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.camel.ProducerTemplate;
import ru.spobridge.connectors.aisepo.AisEpo;
import ru.spobridge.connectors.common.BatchResult;
import ru.spobridge.connectors.common.IntegrationApiClient;
import ru.spobridge.connectors.common.PlatformProtocol;
import ru.spobridge.connectors.common.PlatformSettings;
import ru.spobridge.connectors.contingent.ContingentRead;
import ru.spobridge.connectors.contingent.ContingentSettings;
import ru.spobridge.connectors.contingent.ContingentSoapClient;
import ru.spobridge.connectors.epos.EposSpo;
import ru.spobridge.connectors.journal.CollegeJournalClient;
import ru.spobridge.connectors.sgo.Sgo;
import ru.spobridge.mappings.Mapped;
import ru.spobridge.mappings.aisepo.AisEpoContingentMapping;
import ru.spobridge.mappings.contingent.ContingentGroupMapping;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.mappings.contingent.ContingentGuardianMapping;
import ru.spobridge.mappings.contingent.ContingentMovementMapping;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentMapping;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;
import ru.spobridge.mappings.epos.EposContingentMapping;
import ru.spobridge.mappings.marks.JournalChange;
import ru.spobridge.mappings.marks.JournalMapping;
import ru.spobridge.mappings.marks.MarksPlatformItems;
import ru.spobridge.mappings.sgo.SgoContingentMapping;
import ru.spobridge.model.Group;
import ru.spobridge.model.GuardianLinks;
import ru.spobridge.model.Movement;
import ru.spobridge.model.Student;
import ru.spobridge.model.marks.Attendance;
import ru.spobridge.model.marks.Mark;
import ru.spobridge.routes.CanonicalJson;

/**
 * The baseline: one college's contingent moved by hand with the hub's own parts and nothing else — the connector
 * reads the Контингент simulator page by page (the region's page size), the mappings make canonical records and the
 * platform's items, and the platform connector POSTs them in the region's batch size, groups, students, guardians,
 * then movements. No store, no bus, no ledger: what it remembers between runs is its cursor and a digest of each item
 * sent (in memory), so that a second read sends only what changed. It signs in to the platform under its own client
 * id, so the platform keeps its records apart from the hub's and both start from an empty account.
 */
public final class BareClient {

    /** What one pass sent. */
    public record Pass(int read, int sent, int accepted) {
    }

    private record Resource<T>(String path, Function<T, Object> mapper, Function<T, String> key) {
    }

    private static final String SECRET = "demo-simulator";

    private final BenchRegion.College college;
    private final ContingentSoapClient contingent;
    private final IntegrationApiClient platform;
    private final ObjectMapper json;
    private final CollegeJournalClient journal;
    private final Map<String, String> sentDigests = new HashMap<>();
    private final List<Map<String, String>> pupils = new ArrayList<>();
    private Instant cursor;
    private String journalCursor = "";

    public BareClient(BenchRegion.College college, String simulators, ProducerTemplate camel, HttpClient http, ObjectMapper json) {
        this.college = college;
        this.json = json;
        Clock clock = Clock.systemUTC();
        this.contingent = new ContingentSoapClient(camel, new ContingentSettings(URI.create(simulators + "/contingent-sim/ws"),
                URI.create(simulators + "/contingent-sim/integration/v1/token"), "bare-" + college.id(), SECRET, 200,
                Duration.ofSeconds(30)), http, clock);
        this.platform = new IntegrationApiClient(protocol(college.platform()), new PlatformSettings(
                URI.create(simulators + "/" + college.platform().base()), "bare-" + college.id(), SECRET,
                college.platform().batchLimit(), Duration.ofSeconds(30)), json, http, clock);
        this.journal = new CollegeJournalClient(new CollegeJournalClient.Settings(URI.create(simulators + "/journal-sim/api/v1/"),
                college.id(), "bare-" + college.id(), SECRET, Duration.ofSeconds(30)), http, json, clock);
    }

    /** The students of the last full pass that the platform holds, with their groups: who gets the seeded marks. */
    public List<Map<String, String>> pupils() {
        return pupils;
    }

    /** Pulls the journal's changes since the last pull (pages of 500, as the hub) and sends the marks and absences. */
    public Pass marksPass() {
        List<JournalChange> changes = new ArrayList<>();
        CollegeJournalClient.Page page;
        do {
            page = journal.changes(journalCursor, 500);
            changes.addAll(page.changes());
            journalCursor = page.next() == null ? journalCursor : page.next();
        } while (page.hasMore() && !page.changes().isEmpty());
        Instant now = Instant.now();
        List<Mark> marks = new ArrayList<>();
        List<Attendance> absences = new ArrayList<>();
        for (JournalChange change : changes) {
            if ("attendance".equalsIgnoreCase(change.type())) {
                Mapped<Attendance> mapped = JournalMapping.toAttendance(college.id(), change, now);
                if (mapped.isValid()) {
                    absences.add(mapped.value());
                }
            } else {
                Mapped<Mark> mapped = JournalMapping.toMark(college.id(), change, Map.of(), now);
                if (mapped.isValid()) {
                    marks.add(mapped.value());
                }
            }
        }
        int[] counts = new int[2];
        send(marks, markResource(), counts);
        send(absences, absenceResource(), counts);
        return new Pass(changes.size(), counts[0], counts[1]);
    }

    /** Reads everything ({@code full}) or what changed since the last pass, and sends what differs from what it sent. */
    public Pass pass(boolean full) {
        List<ContingentGroupRecord> groupRecords = contingent.fetchGroups(college.ogrn());
        ContingentRead read = contingent.readStudents(college.ogrn(), full ? null : cursor);
        cursor = read.asOf();
        Map<String, Group> groups = new HashMap<>();
        for (ContingentGroupRecord record : groupRecords) {
            Mapped<Group> mapped = ContingentGroupMapping.toGroup(college.id(), record);
            if (mapped.isValid()) {
                groups.put(mapped.value().code(), mapped.value());
            }
        }
        List<Student> students = new ArrayList<>();
        List<ContingentStudentRecord> validRecords = new ArrayList<>();
        if (full) {
            pupils.clear();
        }
        for (ContingentStudentMapping.ReadStudent student : ContingentStudentMapping.toStudents(college.id(), read.students(), groups)) {
            if (student.mapped().isValid()) {
                students.add(student.mapped().value());
                validRecords.add(student.record());
                if (full) {
                    pupils.add(Map.of("id", student.mapped().value().key().sourceId(), "group", student.mapped().value().groupCode()));
                }
            }
        }
        List<GuardianLinks> guardians = ContingentGuardianMapping.toGuardians(validRecords).stream()
                .filter(Mapped::isValid).map(Mapped::value).toList();
        List<Movement> movements = new ArrayList<>();
        for (ContingentMovementRecord record : read.movements()) {
            Mapped<Movement> mapped = ContingentMovementMapping.toMovement(college.id(), record);
            if (mapped.isValid()) {
                movements.add(mapped.value());
            }
        }
        int[] counts = new int[2];
        send(groups.values().stream().toList(), groupResource(), counts);
        send(students, studentResource(), counts);
        send(guardians, guardianResource(), counts);
        send(movements, movementResource(), counts);
        return new Pass(groups.size() + read.students().size() + guardians.size() + read.movements().size(), counts[0], counts[1]);
    }

    private <T> void send(List<T> records, Resource<T> resource, int[] counts) {
        List<Object> batch = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (T record : records) {
            Object item = resource.mapper().apply(record);
            String digest = digest(item);
            String key = resource.path() + ":" + resource.key().apply(record);
            if (digest.equals(sentDigests.get(key))) {
                continue;
            }
            batch.add(item);
            digests.add(digest);
            keys.add(key);
            if (batch.size() == platform.batchLimit()) {
                post(resource.path(), batch, keys, digests, counts);
            }
        }
        if (!batch.isEmpty()) {
            post(resource.path(), batch, keys, digests, counts);
        }
    }

    private void post(String path, List<Object> batch, List<String> keys, List<String> digests, int[] counts) {
        BatchResult result = platform.post(path, batch, UUID.randomUUID().toString());
        counts[0] += batch.size();
        for (BatchResult.ItemResult item : result.results()) {
            if (item.accepted()) {
                counts[1]++;
                sentDigests.put(keys.get(item.index()), digests.get(item.index()));
            }
        }
        batch.clear();
        keys.clear();
        digests.clear();
    }

    private String digest(Object item) {
        try {
            return CanonicalJson.sha256(json.writeValueAsString(item));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + item.getClass().getSimpleName(), e);
        }
    }

    static PlatformProtocol protocol(BenchRegion.Platform platform) {
        return switch (platform) {
            case EPOS -> EposSpo.PROTOCOL;
            case SGO -> Sgo.PROTOCOL;
            case AISEPO -> AisEpo.PROTOCOL;
        };
    }

    private Resource<Group> groupResource() {
        return switch (college.platform()) {
            case EPOS -> new Resource<>("groups", EposContingentMapping::toGroup, Group::code);
            case SGO -> new Resource<>("groups", SgoContingentMapping::toGroup, Group::code);
            case AISEPO -> new Resource<>("groups", AisEpoContingentMapping::toGroup, Group::code);
        };
    }

    private Resource<Student> studentResource() {
        return switch (college.platform()) {
            case EPOS -> new Resource<>("student_profiles", EposContingentMapping::toProfile, student -> student.key().sourceId());
            case SGO -> new Resource<>("students", SgoContingentMapping::toStudent, student -> student.key().sourceId());
            case AISEPO -> new Resource<>("students", AisEpoContingentMapping::toStudent, student -> student.key().sourceId());
        };
    }

    private Resource<GuardianLinks> guardianResource() {
        return switch (college.platform()) {
            case EPOS -> new Resource<>("guardians", EposContingentMapping::toGuardian, links -> links.guardian().key().sourceId());
            case SGO -> new Resource<>("guardians", SgoContingentMapping::toGuardian, links -> links.guardian().key().sourceId());
            case AISEPO -> new Resource<>("guardians", AisEpoContingentMapping::toGuardian, links -> links.guardian().key().sourceId());
        };
    }

    private Resource<Mark> markResource() {
        return switch (college.platform()) {
            case EPOS -> new Resource<>("marks", (Mark mark) -> MarksPlatformItems.toEpos(mark), Mark::id);
            case SGO -> new Resource<>("marks", MarksPlatformItems::toSgo, Mark::id);
            case AISEPO -> new Resource<>("marks", MarksPlatformItems::toAisEpo, Mark::id);
        };
    }

    private Resource<Attendance> absenceResource() {
        return switch (college.platform()) {
            case EPOS -> new Resource<>("attendances", (Attendance absence) -> MarksPlatformItems.toEpos(absence), Attendance::id);
            case SGO, AISEPO -> new Resource<>("attendance", MarksPlatformItems::toAttendance, Attendance::id);
        };
    }

    private Resource<Movement> movementResource() {
        return switch (college.platform()) {
            case EPOS -> new Resource<>("movements", EposContingentMapping::toMovement, movement -> movement.key().sourceId());
            case SGO -> new Resource<>("movements", SgoContingentMapping::toMovement, movement -> movement.key().sourceId());
            case AISEPO -> new Resource<>("movements", AisEpoContingentMapping::toMovement, movement -> movement.key().sourceId());
        };
    }
}
