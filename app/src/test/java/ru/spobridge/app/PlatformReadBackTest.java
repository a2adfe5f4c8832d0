package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.connectors.common.IntegrationApiClient;
import ru.spobridge.connectors.common.PlatformSettings;
import ru.spobridge.connectors.epos.EposSpo;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.marks.MarksRoutes;
import ru.spobridge.routes.reconciliation.Drift;
import ru.spobridge.routes.reconciliation.ReadBack;
import ru.spobridge.routes.store.SyncRuns;
import ru.spobridge.simulators.journal.JournalSimulator;

/**
 * Read-back over the ЭПОС.СПО simulator: marks the hub delivered, then changed at the platform's side through its own
 * API (one removed, one overwritten, one added), are reported per record as missing, different and extra.
 */
class PlatformReadBackTest extends HubIntegrationTest {

    private static final String LESSON = "dbg:2026-09-07:1:ИСП-21:ОП.01";
    private static final Instant GIVEN = Instant.parse("2026-09-07T05:00:00Z");
    private static final LocalDate FROM = LocalDate.parse("2026-09-01");
    private static final LocalDate TO = LocalDate.parse("2026-09-30");

    @Autowired
    private JournalSimulator journal;
    @Autowired
    private ProducerTemplate camel;
    @Autowired
    private ReadBack readBack;

    @BeforeEach
    void marksDeliveredToEpos() {
        journal.reset();
        clock.set(Instant.parse("2026-09-08T06:00:00Z"));
        contingent.putGroup(OGRN, SourceData.group("ИСП-21"));
        contingent.putStudent(OGRN, SourceData.student("stu-9001", s -> s.getGuardian().clear()));
        contingent.putStudent(OGRN, SourceData.student("stu-9002", s -> s.getGuardian().clear()));
        syncAndWait(COLLEGE, false);
        journal.putMark(COLLEGE, "m-1", "stu-9001", LESSON, "5", "current", "per-t1", GIVEN);
        journal.putMark(COLLEGE, "m-2", "stu-9002", LESSON, "5/4", "current", "per-t1", GIVEN);
        journal.putMark(COLLEGE, "m-3", "stu-9002", LESSON, "4", "written", "per-t1", GIVEN);
        journal.putAttendance(COLLEGE, "a-1", "stu-9001", LESSON.replace(":1:", ":2:"), "Н", false, "per-t1", GIVEN);
        Exchange pulled = camel.request(MarksRoutes.PULL, ex -> ex.getIn().setHeaders(Map.of(FlowHeaders.COLLEGE, COLLEGE, FlowHeaders.TRIGGER, "test")));
        assertThat(awaitRun(pulled.getMessage().getHeader(FlowHeaders.RUN, Long.class)).status()).isEqualTo(SyncRuns.COMPLETED);
        assertThat(epos.marks(COLLEGE)).containsOnlyKeys("m-1", "m-2", "m-3");
    }

    @Test
    void what_the_platform_holds_matches_what_was_sent_until_the_platform_side_changes() {
        ReadBack.Comparison clean = readBack.compare(COLLEGE, "epos", FROM, TO);
        assertThat(clean.drift()).isEmpty();
        assertThat(clean.delivered()).as("three marks and one absence").isEqualTo(4);
        assertThat(readBack.marks(COLLEGE, "epos", FROM, TO)).extracting(ReadBack.Row::externalId, ReadBack.Row::value, ReadBack.Row::date,
                ReadBack.Row::groupCode, ReadBack.Row::disciplineCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("m-1", "5", LocalDate.parse("2026-09-07"), "ИСП-21", "ОП.01"),
                org.assertj.core.groups.Tuple.tuple("m-2", "5/4", LocalDate.parse("2026-09-07"), "ИСП-21", "ОП.01"),
                org.assertj.core.groups.Tuple.tuple("m-3", "4", LocalDate.parse("2026-09-07"), "ИСП-21", "ОП.01"));
        assertThat(readBack.attendance(COLLEGE, "epos", FROM, TO)).extracting(ReadBack.Row::externalId, ReadBack.Row::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a-1", "Н"));
        assertThat(readBack.marks(COLLEGE, "epos", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"))).as("another month").isEmpty();

        IntegrationApiClient platform = new IntegrationApiClient(EposSpo.PROTOCOL, new PlatformSettings(URI.create(baseUrl() + "/epos-sim"),
                COLLEGE, "test-secret", 200, Duration.ofSeconds(5)), new ObjectMapper(), HttpClient.newHttpClient(), clock);
        platform.delete("marks", "m-2", "removed-at-the-platform");
        platform.post("marks", List.of(item("m-3", "stu-9002", "2", "written"), item("m-x", "stu-9001", "3", "current")), "changed-at-the-platform");

        ReadBack.Comparison after = readBack.compare(COLLEGE, "epos", FROM, TO);

        assertThat(after.drift()).containsExactlyInAnyOrder(
                new Drift("mark", "m-2", Drift.MISSING, List.of(), after.drift().stream().filter(d -> d.entityKey().equals("m-2")).findFirst().orElseThrow().maskedLabel()),
                new Drift("mark", "m-3", Drift.DIFFERENT, List.of("value"), after.drift().stream().filter(d -> d.entityKey().equals("m-3")).findFirst().orElseThrow().maskedLabel()),
                new Drift("mark", "m-x", Drift.EXTRA, List.of(), null));
        assertThat(after.count(Drift.MISSING)).isEqualTo(1);
        assertThat(readBack.marks(COLLEGE, "epos", FROM, TO)).extracting(ReadBack.Row::externalId).containsExactly("m-1", "m-3", "m-x");
    }

    private static Map<String, Object> item(String id, String student, String value, String workType) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("external_id", id);
        item.put("student_external_id", student);
        item.put("lesson_key", LESSON);
        item.put("value", value);
        item.put("control_form", "текущая");
        item.put("work_type", workType);
        return item;
    }
}
