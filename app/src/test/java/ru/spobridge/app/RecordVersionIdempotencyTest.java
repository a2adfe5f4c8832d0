package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.routes.contingent.ContingentIntake;
import ru.spobridge.routes.flow.Republish;
import ru.spobridge.routes.store.DeliveryLedger;
import ru.spobridge.routes.store.DueReason;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.platform.PlatformSimulator;

/**
 * Idempotency belongs to the record version, not to the batch: records sent again in another grouping are recognised
 * by the platform item by item ({@code Idempotency-Keys}), counted by the platform simulator's own counter; a platform
 * that lost its data gets a repair applied.
 */
class RecordVersionIdempotencyTest extends HubIntegrationTest {

    private static final String AISEPO_COLLEGE = "test-aisepo";
    private static final String AISEPO_OGRN = "1024200000032";

    @Autowired
    private DeliveryLedger ledger;
    @Autowired
    private Republish republish;

    private void fiveStudents() {
        contingent.putGroup(AISEPO_OGRN, SourceData.group("ИСП-21"));
        for (int i = 1; i <= 5; i++) {
            contingent.putStudent(AISEPO_OGRN, SourceData.student("stu-66%02d".formatted(i), s -> s.getGuardian().clear()));
        }
    }

    @Test
    void records_regrouped_after_their_answer_was_lost_are_applied_once_per_version() {
        fiveStudents();
        syncAndWait(AISEPO_COLLEGE, false);
        int applicationsBefore = applicationsReport(aisepo).path("applications").asInt();
        // the platform applied them but the hub never heard (a timeout): they are sent again, three of five in a batch
        List<String> unheard = List.of("stu-6602", "stu-6603", "stu-6604");
        jdbc.update("UPDATE sync_state SET delivered_hash = NULL WHERE college_id = ? AND entity_type = 'student' "
                + "AND entity_key IN ('stu-6602', 'stu-6603', 'stu-6604')", AISEPO_COLLEGE);
        ledger.makeDue(AISEPO_COLLEGE, ContingentIntake.STUDENT, "aisepo", unheard, DueReason.RETRY);
        int batchesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM delivery_batch", Integer.class);

        SyncRuns.Run again = awaitRun(republish.publish(AISEPO_COLLEGE, ContingentIntake.FLOW, "replay", unheard.size(), null));

        JsonNode report = applicationsReport(aisepo);
        assertThat(again.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_batch", Integer.class))
                .as("the three went in a batch of their own, under a new batch key").isEqualTo(batchesBefore + 1);
        assertThat(report.path("appliedTwice").asInt()).as("versions applied twice: %s", report).isZero();
        assertThat(report.path("applications").asInt()).isEqualTo(applicationsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_state WHERE college_id = ? AND entity_type = 'student' "
                + "AND delivered_hash IS NOT NULL", Integer.class, AISEPO_COLLEGE)).as("the hub learnt the delivery").isEqualTo(5);
        assertThat(aisepo.students(AISEPO_COLLEGE)).hasSize(5);
    }

    @Test
    void a_new_version_of_a_delivered_record_gets_a_new_item_key_and_is_applied() {
        fiveStudents();
        syncAndWait(AISEPO_COLLEGE, false);
        contingent.putStudent(AISEPO_OGRN, SourceData.student("stu-6601", s -> {
            s.getGuardian().clear();
            s.setEmail("changed-stu6601@changed.spo-college.example");
        }));

        syncAndWait(AISEPO_COLLEGE, false);

        JsonNode report = applicationsReport(aisepo);
        assertThat(report.path("appliedTwice").asInt()).isZero();
        assertThat(aisepo.students(AISEPO_COLLEGE).get("stu-6601")).containsEntry("email", "changed-stu6601@changed.spo-college.example");
    }

    @Test
    void a_platform_restored_without_the_records_gets_the_repair_applied_under_the_same_item_keys() {
        fiveStudents();
        syncAndWait(AISEPO_COLLEGE, false);
        // the platform lost everything, its idempotency stores with it (restored from an older backup)
        aisepo.reset();
        ledger.makeDue(AISEPO_COLLEGE, ContingentIntake.GROUP, "aisepo", List.of("ИСП-21"), DueReason.REPAIR);
        ledger.makeDue(AISEPO_COLLEGE, ContingentIntake.STUDENT, "aisepo",
                List.of("stu-6601", "stu-6602", "stu-6603", "stu-6604", "stu-6605"), DueReason.REPAIR);

        SyncRuns.Run repair = awaitRun(republish.publish(AISEPO_COLLEGE, ContingentIntake.FLOW, "repair", 6, null));

        JsonNode report = applicationsReport(aisepo);
        assertThat(repair.status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(aisepo.students(AISEPO_COLLEGE)).hasSize(5);
        assertThat(report.path("applications").asInt()).as("applied, not answered from a store: %s", report).isEqualTo(6);
        assertThat(report.path("appliedTwice").asInt()).isZero();
    }

    /** The platform simulator's own per-record-version application counts, read over its control API. */
    private static JsonNode applicationsReport(PlatformSimulator platform) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + platform.description().base() + "/_control/applications")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
