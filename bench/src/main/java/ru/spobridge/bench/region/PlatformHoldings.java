package ru.spobridge.bench.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ru.spobridge.connectors.common.IntegrationApiClient;
import ru.spobridge.connectors.common.PlatformSettings;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.wsdl.Student;

/**
 * What the platforms hold of each college against what the generated source owes them: while the hub works, from the
 * platforms' record of what they accepted (cheap, never faulted); at the end, from their listings for the college's
 * account, as the college would see it.
 */
final class PlatformHoldings {

    private final BenchRegion region;
    private final HubApi api;
    private final HttpClient http;
    private final ObjectMapper json;
    private final String simulators;

    PlatformHoldings(BenchRegion region, HubApi api, HttpClient http, ObjectMapper json, String simulators) {
        this.region = region;
        this.api = api;
        this.http = http;
        this.json = json;
        this.simulators = simulators;
    }

    int studentsAtPlatforms(Set<BenchRegion.Platform> platforms) throws IOException, InterruptedException {
        return acceptedStudents(platforms).values().stream().mapToInt(Set::size).sum();
    }

    /** Students each college's account holds, from the platforms' record of what they accepted (students are never deleted). */
    Map<String, Set<String>> acceptedStudents(Set<BenchRegion.Platform> platforms) throws IOException, InterruptedException {
        Set<String> ours = new HashSet<>();
        region.colleges().forEach(college -> ours.add(college.id()));
        Map<String, Set<String>> held = new HashMap<>();
        for (BenchRegion.Platform platform : platforms) {
            for (HubApi.Accepted record : api.accepted(platform, Instant.EPOCH)) {
                if ("STUDENTS".equals(record.resource()) && ours.contains(record.client())) {
                    held.computeIfAbsent(record.client(), client -> new HashSet<>()).add(record.externalId());
                }
            }
        }
        return held;
    }

    /** What the platform lists for the college's account (its data API, as the hub's own client id) against what is owed. */
    CrashScenario.CollegeCount count(BenchRegion.College college, Set<String> owedStudents, Set<String> owedGuardians)
            throws IOException, InterruptedException {
        IntegrationApiClient platform = new IntegrationApiClient(BareClient.protocol(college.platform()), new PlatformSettings(
                URI.create(simulators + "/" + college.platform().base()), college.id(), "demo-simulator",
                college.platform().batchLimit(), Duration.ofSeconds(60)), json, http, Clock.systemUTC());
        Set<String> students = externalIds(platform.list(college.platform() == BenchRegion.Platform.EPOS ? "student_profiles" : "students"));
        Set<String> guardians = externalIds(platform.list("guardians"));
        // a guardian is owed when its student is, unless the hub refused the guardian itself with a reason
        Set<String> rejectedGuardians = new HashSet<>();
        for (JsonNode rejection : api.hubGet("/api/rejected?college=" + college.id() + "&limit=1000")) {
            if ("guardian".equals(rejection.path("entityType").asText())) {
                rejectedGuardians.add(rejection.path("entityKey").asText());
            }
        }
        Set<String> guardiansOwed = new TreeSet<>(owedGuardians);
        guardiansOwed.removeAll(rejectedGuardians);
        Set<String> lost = new TreeSet<>(owedStudents);
        lost.removeAll(students);
        Set<String> lostGuardians = new TreeSet<>(guardiansOwed);
        lostGuardians.removeAll(guardians);
        lost.addAll(lostGuardians);
        Set<String> notOwed = new HashSet<>(students);
        notOwed.removeAll(owedStudents);
        JsonNode letters = api.hubGet("/api/dead-letters/counts?college=" + college.id());
        JsonNode inFlight = api.hubGet("/api/colleges/" + college.id() + "/in-flight");
        return new CrashScenario.CollegeCount(college, owedStudents.size(), guardiansOwed.size(), students.size(), guardians.size(), lost,
                notOwed.size(), rejectedGuardians.size(), letters.path("open").asInt(-1), letters.path("retrying").asInt(-1),
                inFlight.path("openRuns").asInt(-1));
    }

    private static Set<String> externalIds(List<Map<String, Object>> items) {
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> item : items) {
            Object id = item.containsKey("externalId") ? item.get("externalId") : item.get("external_id");
            if (id != null) {
                ids.add(id.toString());
            }
        }
        return ids;
    }

    /** Every valid generated student: what the platform must hold in the end. */
    static Set<String> owed(DemoCollege demo) {
        Set<String> owed = new TreeSet<>();
        for (Student student : demo.students()) {
            if (!demo.invalidFieldByExternalId().containsKey(student.getExternalId())) {
                owed.add(student.getExternalId());
            }
        }
        return owed;
    }

    static Set<String> guardians(DemoCollege demo, Set<String> owed) {
        Set<String> guardians = new TreeSet<>();
        demo.students().stream().filter(student -> owed.contains(student.getExternalId()))
                .forEach(student -> student.getGuardian().forEach(guardian -> guardians.add(guardian.getExternalId())));
        return guardians;
    }
}
