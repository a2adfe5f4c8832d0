package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import ru.spobridge.mappings.ktp.TopicFinding;
import ru.spobridge.model.journal.LessonEntry;
import ru.spobridge.model.journal.PlanItem;
import ru.spobridge.model.journal.ThematicPlan;
import ru.spobridge.model.journal.WorkKind;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.ktp.TopicFindings;
import ru.spobridge.routes.protection.DataProtectionSettings;
import ru.spobridge.routes.protection.PayloadCipher;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.ThematicPlans;

/**
 * Plans are stored and replaced whole per group and discipline, with who and when, on both stores; the topic check
 * reads the journal's lesson entries from the canonical store and cuts its findings to the period asked.
 */
class ThematicPlansStoreTest {

    private static final Instant MORNING = Instant.parse("2025-09-10T06:00:00Z");

    @Test
    void plans_are_replaced_whole_and_checked_against_the_journal_on_h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:thematic-plans;DB_CLOSE_DELAY=-1");
        storeAndCheck(h2);
    }

    @Test
    void plans_are_replaced_whole_and_checked_against_the_journal_on_postgresql() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            storeAndCheck(postgres.getPostgresDatabase());
        }
    }

    private static void storeAndCheck(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        ThematicPlans plans = new ThematicPlans(jdbc, Clock.fixed(MORNING, ZoneOffset.UTC));
        ThematicPlan first = plan("ИС-21", "ОП.01", new PlanItem(1, "Введение", 2, WorkKind.LECTURE, null),
                new PlanItem(2, "Решение задач по кинематике", 2, WorkKind.PRACTICAL, 1),
                new PlanItem(3, "Законы Ньютона", 2, WorkKind.LECTURE, null));
        ThematicPlan other = plan("ИС-22", "ОП.01", new PlanItem(1, "Введение", 2, WorkKind.LECTURE, null));

        assertThat(plans.replace(List.of(first, other), "ktp-1.csv", "operator-1")).isZero();
        ThematicPlan shorter = plan("ИС-21", "ОП.01", new PlanItem(1, "Введение в физику", 2, WorkKind.LECTURE, null),
                new PlanItem(2, "Решение задач по кинематике", 2, WorkKind.PRACTICAL, 1));
        assertThat(new ThematicPlans(jdbc, Clock.fixed(MORNING.plusSeconds(3600), ZoneOffset.UTC))
                .replace(List.of(shorter), "ktp-2.xlsx", "operator-2")).isEqualTo(1);

        List<ThematicPlans.Stored> stored = plans.plans("college-a");
        assertThat(stored).extracting(s -> s.plan().groupCode(), ThematicPlans.Stored::fileName, ThematicPlans.Stored::importedBy,
                ThematicPlans.Stored::importedAt).containsExactly(
                tuple("ИС-21", "ktp-2.xlsx", "operator-2", MORNING.plusSeconds(3600)),
                tuple("ИС-22", "ktp-1.csv", "operator-1", MORNING));
        assertThat(stored.get(0).plan()).isEqualTo(shorter);
        assertThat(plans.plans("college-b")).isEmpty();

        CanonicalRecords canonical = new CanonicalRecords(jdbc, Clock.systemUTC(),
                new PayloadCipher(new DataProtectionSettings(null, null, null, null, null, null)));
        CanonicalJson json = new CanonicalJson();
        List<LessonEntry> journal = List.of(
                entry("ИС-21", LocalDate.of(2025, 9, 1), 1, "Введение в физику", null),
                entry("ИС-21", LocalDate.of(2025, 9, 8), 2, "Реш. задач по кинематике", 1),
                entry("ИС-23", LocalDate.of(2025, 9, 8), 1, "Введение", null));
        canonical.saveChanged("college-a", LessonEntry.ENTITY_TYPE, "journal", journal.stream()
                .map(entry -> new CanonicalRecords.Candidate(entry.lessonKey(), entry.lessonKey(), entry, null)).toList(), json, new HashMap<>());

        TopicFindings findings = new TopicFindings(plans, canonical, json);
        TopicFindings.Report september = findings.report("college-a", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30));
        assertThat(september.findings()).extracting(TopicFinding::kind, TopicFinding::groupCode, TopicFinding::lessonNo, TopicFinding::recordedTopic)
                .containsExactly(tuple(TopicFinding.Kind.ABBREVIATED, "ИС-21", 2, "Реш. задач по кинематике"));
        assertThat(september.plans()).isEqualTo(2);
        assertThat(september.lessons()).isEqualTo(2);
        assertThat(september.withoutPlan()).containsExactly("ИС-23 — ОП.01");
        assertThat(findings.report("college-a", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 7)).findings())
                .as("the finding of 8 September is outside the first week").isEmpty();
    }

    private static ThematicPlan plan(String group, String discipline, PlanItem... items) {
        return new ThematicPlan("college-a", group, discipline, List.of(items));
    }

    private static LessonEntry entry(String group, LocalDate date, int lessonNo, String topic, Integer workNo) {
        return new LessonEntry("college-a", "les-" + date + "-1-" + group + "-ОП.01", 1, date, 1, group, "ОП.01", "t-1", lessonNo, topic,
                workNo, "§ " + lessonNo, date.atTime(12, 0).toInstant(ZoneOffset.UTC), date.atTime(12, 5).toInstant(ZoneOffset.UTC), false);
    }
}
