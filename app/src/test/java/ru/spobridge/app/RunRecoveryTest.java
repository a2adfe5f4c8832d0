package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.app.console.ConsoleApi;
import ru.spobridge.app.wiring.RunRecovery;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.SyncRuns;

/** What the start-up recovery does with runs a crash left open: closes them as interrupted and sends what they owed. */
class RunRecoveryTest extends HubIntegrationTest {

    @Autowired
    private RunRecovery recovery;

    @Autowired
    private ConsoleApi console;

    @Test
    void runs_left_open_by_a_crash_are_closed_as_interrupted_with_their_counts_and_their_due_records_go_out() {
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        List<String> students = List.of("stu-7001", "stu-7002", "stu-7003", "stu-7004");
        students.forEach(id -> contingent.putStudent(OGRN, SourceData.student(id, s -> { })));
        assertThat(syncAndWait(false).status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.students(COLLEGE).keySet()).containsExactlyInAnyOrderElementsOf(students);
        // as after a crash between the publish's commit and the send: two students marked on their way, none on the bus,
        // and two stored as read, not yet published
        jdbc.update("UPDATE sync_state SET delivered_hash = NULL, published_hash = NULL, published_at = NULL "
                + "WHERE college_id = ? AND entity_type = 'student'", COLLEGE);
        jdbc.update("UPDATE sync_state s SET published_hash = (SELECT c.content_hash FROM canonical_record c WHERE c.college_id = s.college_id "
                + "AND c.entity_type = s.entity_type AND c.entity_key = s.entity_key), published_at = CURRENT_TIMESTAMP "
                + "WHERE college_id = ? AND entity_type = 'student' AND entity_key IN ('stu-7001', 'stu-7002')", COLLEGE);
        assertThat(console.inFlight(COLLEGE).getBody()).as("the console's account of what is on its way")
                .isEqualTo(new ConsoleApi.InFlightView(2, List.of(new CanonicalRecords.InFlight("epos", "student", 2)), 0));
        long reading = runs.start(COLLEGE, "contingent", "schedule");
        runs.readFinished(reading, false, 4, 0, 4, 0);
        long delivering = runs.start(COLLEGE, "contingent", "operator:tester");
        runs.publishing(delivering, 9);
        runs.addOutcome(delivering, 3, 1, 0);
        long held = runs.start(COLLEGE, "contingent", "schedule");
        runs.held(held, "слишком много отчислений");

        List<SyncRuns.Run> closed = recovery.recover();

        assertThat(closed).extracting(SyncRuns.Run::id).containsExactly(reading, delivering);
        SyncRuns.Run wasReading = runs.get(reading).orElseThrow();
        assertThat(wasReading.status()).isEqualTo(SyncRuns.INTERRUPTED);
        assertThat(wasReading.finished()).isTrue();
        assertThat(wasReading.error()).contains("чтения", "прочитано 4");
        SyncRuns.Run wasDelivering = runs.get(delivering).orElseThrow();
        assertThat(wasDelivering.status()).isEqualTo(SyncRuns.INTERRUPTED);
        assertThat(wasDelivering.delivered()).as("what it had done is kept").isEqualTo(3);
        assertThat(wasDelivering.error()).contains("доставки", "отправлено 9", "доставлено 3");
        assertThat(runs.get(held).orElseThrow().status()).as("a held run waits for its operator").isEqualTo(SyncRuns.HELD);

        // the rest goes out as part of the latest interrupted run, which stays closed as «прерван»
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM sync_state WHERE college_id = ? AND entity_type = 'student' AND delivered_hash IS NOT NULL",
                Integer.class, COLLEGE) == students.size());
        SyncRuns.Run resumed = runs.get(delivering).orElseThrow();
        assertThat(resumed.status()).isEqualTo(SyncRuns.INTERRUPTED);
        assertThat(resumed.delivered()).as("its figures include the resumed rest").isGreaterThanOrEqualTo(3 + students.size());
        // the platform already had these versions: it recognises them by their per-record keys and applies none twice
        assertThat(students).allMatch(id -> epos.deliveries(COLLEGE, id) == 1);
        assertThat(runs.open()).as("no run left open").isEmpty();
        assertThat(console.inFlight(COLLEGE).getBody().total()).as("nothing left on its way").isZero();
        assertThat(console.inFlight(COLLEGE).getBody().openRuns()).isZero();
        assertThat(recovery.recover()).as("a second pass finds nothing").isEmpty();
    }
}
