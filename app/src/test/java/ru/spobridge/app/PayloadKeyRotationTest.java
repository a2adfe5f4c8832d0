package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import ru.spobridge.routes.flow.PersonalDataPurge;
import ru.spobridge.routes.protection.DataProtectionSettings;
import ru.spobridge.routes.protection.PayloadCipher;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.DeadLetters;
import ru.spobridge.routes.store.HeldRuns;
import ru.spobridge.routes.store.PayloadReseal;

/**
 * Sealed payloads on the embedded default store (H2, the hub's migrations): rows written before sealing existed and
 * rows sealed with a rotated-out key are re-sealed with the current key, after which the old key can go; a value of
 * a key the hub lacks is reported, not looped on; closed payloads are purged after their retention.
 */
class PayloadKeyRotationTest {

    private static final String STUDENT = "{\"snils\":\"112-233-445 95\",\"email\":\"d.proverkina@test.spo-college.example\"}";
    private static final String LEGACY = "{\"snils\":\"271-828-183 42\",\"email\":\"old.clear@test.spo-college.example\"}";

    private final MutableClock clock = new MutableClock();

    @Test
    void clear_and_old_key_rows_are_resealed_with_the_new_key_and_stay_readable_once_the_old_key_is_gone() {
        NamedParameterJdbcTemplate jdbc = store("rotation");
        String oldKey = key();
        String newKey = key();
        PayloadCipher before = cipher(oldKey, null);
        new CanonicalRecords(jdbc, clock, before).save("college-a", "student",
                List.of(new CanonicalRecords.Row("stu-1", "stu-1", "contingent", "h1", STUDENT, "П*********а Д.")), Map.of());
        new DeadLetters(jdbc, clock, before).store("college-a", "contingent", "epos", "student", "idem-1",
                List.of(new DeadLetters.Letter("stu-1", "h1", STUDENT, "П*********а Д.")), "UNAVAILABLE", "503", 3, null);
        new HeldRuns(jdbc, clock, before).hold(7, "college-a", "contingent", "READ_INTERRUPTED", "чтение прервалось", STUDENT);
        // what a hub of the previous version left: payloads in clear
        jdbc.getJdbcTemplate().update("INSERT INTO canonical_record (college_id, entity_type, entity_key, source_system, content_hash, payload, "
                + "updated_at) VALUES ('college-a', 'student', 'stu-0', 'contingent', 'h0', ?, CURRENT_TIMESTAMP)", LEGACY);
        jdbc.getJdbcTemplate().update("INSERT INTO dead_letter (college_id, flow, target, entity_type, entity_key, content_hash, payload, "
                + "idempotency_key, error_code, cause, attempts, status, created_at) VALUES ('college-a', 'contingent', 'epos', 'student', "
                + "'stu-0', 'h0', ?, 'idem-0', 'UNAVAILABLE', '503', 3, 'OPEN', CURRENT_TIMESTAMP)", LEGACY);
        jdbc.getJdbcTemplate().update("INSERT INTO held_run (run_id, college_id, flow, reason_code, reason, snapshot, created_at) VALUES "
                + "(6, 'college-a', 'contingent', 'READ_INTERRUPTED', 'чтение прервалось', ?, CURRENT_TIMESTAMP)", LEGACY);

        PayloadCipher rotated = cipher(newKey, oldKey);
        Map<String, PayloadReseal.Resealed> resealed = new PayloadReseal(jdbc, rotated, new AuditLog(jdbc, clock)).resealAll();

        assertThat(resealed).containsEntry("canonical_record", new PayloadReseal.Resealed(2, 0))
                .containsEntry("dead_letter", new PayloadReseal.Resealed(2, 0)).containsEntry("held_run", new PayloadReseal.Resealed(2, 0));
        assertThat(stored(jdbc)).hasSize(6).allSatisfy(value -> assertThat(value).startsWith(rotated.currentPrefix()))
                .noneMatch(value -> value.contains("test.spo-college.example"));
        assertThat(jdbc.getJdbcTemplate().queryForList("SELECT details FROM audit_log WHERE action = 'PERSONAL_DATA_SEALED'", String.class))
                .singleElement().asString().contains(rotated.currentKeyId(), "canonical_record — 2");

        PayloadCipher newOnly = cipher(newKey, null);
        assertThat(new CanonicalRecords(jdbc, clock, newOnly).payloads("college-a", "student"))
                .isEqualTo(Map.of("stu-1", STUDENT, "stu-0", LEGACY));
        assertThat(new DeadLetters(jdbc, clock, newOnly).openPayloadsByKey("college-a", "epos", "student"))
                .isEqualTo(Map.of("stu-1", STUDENT, "stu-0", LEGACY));
        assertThat(new HeldRuns(jdbc, clock, newOnly).snapshot(7)).contains(STUDENT);
        assertThat(new HeldRuns(jdbc, clock, newOnly).snapshot(6)).contains(LEGACY);
        assertThat(new PayloadReseal(jdbc, newOnly, new AuditLog(jdbc, clock)).resealAll().values())
                .as("nothing left to re-seal").allMatch(counts -> counts.resealed() == 0 && counts.unreadable() == 0);
    }

    @Test
    void a_value_sealed_with_a_key_this_hub_lacks_is_counted_unreadable_and_left_as_it_is() {
        NamedParameterJdbcTemplate jdbc = store("foreign-key");
        PayloadCipher foreign = cipher(key(), null);
        new CanonicalRecords(jdbc, clock, foreign).save("college-a", "student",
                List.of(new CanonicalRecords.Row("stu-1", "stu-1", "contingent", "h1", STUDENT, null)), Map.of());
        String before = stored(jdbc).get(0);

        Map<String, PayloadReseal.Resealed> resealed = new PayloadReseal(jdbc, cipher(key(), null), new AuditLog(jdbc, clock)).resealAll();

        assertThat(resealed.get("canonical_record")).isEqualTo(new PayloadReseal.Resealed(0, 1));
        assertThat(stored(jdbc)).containsExactly(before);
    }

    @Test
    void closed_dead_letters_and_decided_holds_lose_their_payloads_after_the_retention_open_ones_never() {
        NamedParameterJdbcTemplate jdbc = store("purge");
        PayloadCipher cipher = cipher(key(), null);
        DeadLetters letters = new DeadLetters(jdbc, clock, cipher);
        HeldRuns held = new HeldRuns(jdbc, clock, cipher);
        clock.set(Instant.parse("2027-01-10T10:00:00Z"));
        for (String key : List.of("stu-1", "stu-2", "stu-3")) {
            letters.store("college-a", "contingent", "epos", "student", "idem-" + key,
                    List.of(new DeadLetters.Letter(key, "h-" + key, STUDENT, null)), "UNAVAILABLE", "503", 3, null);
        }
        letters.resolveDelivered("college-a", "epos", "student", List.of("stu-1"));
        long second = letters.find("college-a", null, null, null, null, 10).stream()
                .filter(letter -> letter.entityKey().equals("stu-2")).findFirst().orElseThrow().id();
        assertThat(letters.discard(second, "дубль")).isTrue();
        held.hold(1, "college-a", "contingent", "READ_INTERRUPTED", "чтение прервалось", STUDENT);
        held.hold(2, "college-b", "contingent", "READ_INTERRUPTED", "чтение прервалось", STUDENT);
        held.decide(1, HeldRuns.APPROVED, "operator");
        AuditLog audit = new AuditLog(jdbc, clock);
        PersonalDataPurge purge = new PersonalDataPurge(new DataProtectionSettings(null, null, null, Duration.ofDays(30),
                Duration.ofDays(10), null), letters, held, audit, clock);

        clock.set(Instant.parse("2027-02-08T10:00:00Z"));
        assertThat(purge.purge()).as("29 days: only the decided hold (10-day retention) goes")
                .isEqualTo(Map.of("college-a", new PersonalDataPurge.Purged(0, 1)));
        clock.set(Instant.parse("2027-02-09T10:00:01Z"));
        assertThat(purge.purge()).isEqualTo(Map.of("college-a", new PersonalDataPurge.Purged(2, 0)));

        assertThat(letters.openPayloadsByKey("college-a", "epos", "student")).as("the open letter keeps its payload")
                .isEqualTo(Map.of("stu-3", STUDENT));
        assertThat(held.snapshot(1)).isEmpty();
        assertThat(held.snapshot(2)).as("an undecided hold keeps its snapshot").contains(STUDENT);
        assertThat(jdbc.getJdbcTemplate().queryForList("SELECT details FROM audit_log WHERE action = ? ORDER BY id", String.class,
                PersonalDataPurge.AUDIT_ACTION)).hasSize(2);
        assertThat(purge.purge()).isEmpty();
    }

    private static List<String> stored(NamedParameterJdbcTemplate jdbc) {
        return jdbc.getJdbcTemplate().queryForList("SELECT payload FROM canonical_record UNION ALL SELECT payload FROM dead_letter "
                + "UNION ALL SELECT snapshot FROM held_run", String.class);
    }

    private static NamedParameterJdbcTemplate store(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return new NamedParameterJdbcTemplate(h2);
    }

    private static PayloadCipher cipher(String key, String oldKeys) {
        return new PayloadCipher(new DataProtectionSettings(key, oldKeys, null, null, null, null));
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
