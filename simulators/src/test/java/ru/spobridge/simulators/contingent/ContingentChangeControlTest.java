package ru.spobridge.simulators.contingent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.spobridge.simulators.SimulatorWebTest;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;

/** {@code POST /contingent-sim/_control/change}: N % of a college's students changed, found by the next delta read. */
class ContingentChangeControlTest extends SimulatorWebTest {

    private static final String OGRN = "1025900000015";

    @Test
    void one_percent_of_two_thousand_students_change_and_the_delta_read_returns_exactly_them() {
        seed(2_000);
        Map<String, String> phonesBefore = snapshot(s -> s.getPhone());
        Map<String, String> groupsBefore = snapshot(s -> s.getStudy().getGroup());
        clock.advance(Duration.ofSeconds(10));
        Instant since = clock.instant();
        clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> response = change("ogrn=" + OGRN + "&percent=1&seed=42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("changed").asInt()).isEqualTo(20);
        int movements = json(response).get("movements").asInt();
        assertThat(movements).isBetween(1, 4);   // every fifth changed student is transferred: 4 at most

        ContingentSimulator.StudentPage delta = contingent.page(OGRN, since, 1, 500);
        Set<String> changedIds = delta.students().stream().map(Student::getExternalId).collect(Collectors.toSet());
        assertThat(delta.totalCount()).isEqualTo(20);
        assertThat(changedIds).hasSize(20);
        Map<String, String> phonesAfter = snapshot(s -> s.getPhone());
        Set<String> phoneChanged = new HashSet<>();
        phonesAfter.forEach((id, phone) -> {
            if (!phone.equals(phonesBefore.get(id))) {
                phoneChanged.add(id);
            }
        });
        assertThat(phoneChanged).isEqualTo(changedIds);
        // the answer names the changed students and the instant they carry, for a benchmark to pair with deliveries
        Set<String> answered = new HashSet<>();
        json(response).get("externalIds").forEach(id -> answered.add(id.asText()));
        assertThat(answered).isEqualTo(changedIds);
        assertThat(Instant.parse(json(response).get("at").asText())).isAfter(since).isBeforeOrEqualTo(clock.instant());
        assertThat(delta.movements()).hasSize(movements).allSatisfy(m -> {
            assertThat(m.getKind()).isEqualTo("transfer");
            assertThat(changedIds).contains(m.getStudentExternalId());
            assertThat(m.getFromGroup()).isEqualTo(groupsBefore.get(m.getStudentExternalId()));
            assertThat(m.getToGroup()).isNotEqualTo(m.getFromGroup())
                    .isEqualTo(snapshot(s -> s.getStudy().getGroup()).get(m.getStudentExternalId()));
        });
        assertThat(contingent.page(OGRN, null, 1, 500).totalCount()).isEqualTo(2_000);
    }

    @Test
    void the_same_seed_on_the_same_college_changes_the_same_students() {
        seed(300);
        List<String> first = contingent.change(OGRN, 5, 9L).externalIds();
        contingent.reset();
        seed(300);
        List<String> second = contingent.change(OGRN, 5, 9L).externalIds();

        assertThat(first).hasSize(15).doesNotHaveDuplicates().isEqualTo(second);
        assertThat(contingent.change(OGRN, 5, 10L).externalIds()).isNotEqualTo(first);
    }

    @Test
    void unknown_college_and_bad_percent_are_refused() {
        seed(10);

        assertThat(change("ogrn=1000000000000&percent=1&seed=1").statusCode()).isEqualTo(404);
        assertThat(change("ogrn=" + OGRN + "&percent=101&seed=1").statusCode()).isEqualTo(400);
        assertThat(change("ogrn=" + OGRN + "&percent=много&seed=1").statusCode()).isEqualTo(400);
    }

    private void seed(int students) {
        DemoCollege college = DemoContingent.generate(OGRN, students, Math.max(2, students / 25), 3L, 0);
        college.groups().forEach(g -> contingent.putGroup(OGRN, g));
        college.students().forEach(s -> contingent.putStudent(OGRN, s));
    }

    private Map<String, String> snapshot(Function<Student, String> field) {
        return contingent.students(OGRN).stream()
                .collect(Collectors.toMap(Student::getExternalId, s -> String.valueOf(field.apply(s))));
    }

    private HttpResponse<String> change(String query) {
        return send(HttpRequest.newBuilder(URI.create(url("/contingent-sim/_control/change?" + query)))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }
}
