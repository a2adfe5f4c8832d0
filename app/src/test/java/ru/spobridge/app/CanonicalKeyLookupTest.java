package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import ru.spobridge.routes.CanonicalJson;
import ru.spobridge.routes.protection.DataProtectionSettings;
import ru.spobridge.routes.protection.PayloadCipher;
import ru.spobridge.model.RecordError;
import ru.spobridge.routes.store.CanonicalRecords;
import ru.spobridge.routes.store.RejectedRecords;

/**
 * Looking up records by key (a chunk of marks against what the store has of it) answers exactly the stored keys asked
 * for, past one chunk of keys, on both stores: the keys travel as a VALUES list, which each database must accept typed;
 * closing refusals found fixed looks up the keys read the same way.
 */
class CanonicalKeyLookupTest {

    @Test
    void hashes_and_payloads_of_given_keys_on_h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:key-lookup;DB_CLOSE_DELAY=-1");
        lookUp(h2);
    }

    @Test
    void hashes_and_payloads_of_given_keys_on_postgresql() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            lookUp(postgres.getPostgresDatabase());
        }
    }

    private static void lookUp(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        CanonicalRecords canonical = new CanonicalRecords(new NamedParameterJdbcTemplate(dataSource), Clock.systemUTC(),
                new PayloadCipher(new DataProtectionSettings(null, null, null, null, null, null)));
        CanonicalJson json = new CanonicalJson();
        List<CanonicalRecords.Candidate> stored = IntStream.range(0, 1_500)
                .mapToObj(i -> new CanonicalRecords.Candidate("m-" + i, "m-" + i, Map.of("value", i), null)).toList();
        canonical.saveChanged("college", "mark", "journal", stored, json, new HashMap<>());
        canonical.saveChanged("other-college", "mark", "journal", stored.subList(0, 10), json, new HashMap<>());
        // every third stored key, across the chunk of 1,000, and keys the store does not have
        List<String> asked = new ArrayList<>();
        IntStream.range(0, 1_500).filter(i -> i % 3 == 0).forEach(i -> asked.add("m-" + i));
        asked.addAll(List.of("m-absent", "m-1500"));

        Map<String, String> hashes = canonical.hashes("college", "mark", asked);
        Map<String, String> payloads = canonical.payloads("college", "mark", asked);

        assertThat(hashes).hasSize(500).containsOnlyKeys(asked.subList(0, 500));
        assertThat(hashes.get("m-999")).isEqualTo(canonical.hashes("college", "mark").get("m-999"));
        assertThat(payloads).hasSize(500);
        assertThat(payloads.get("m-1200")).isEqualTo(json.write(Map.of("value", 1200)));
        assertThat(canonical.hashes("college", "mark", List.of())).isEmpty();

        // refusals at intake: only those of the keys read again are closed, past one chunk of keys
        RejectedRecords rejected = new RejectedRecords(new NamedParameterJdbcTemplate(dataSource), Clock.systemUTC());
        for (String key : List.of("m-3", "m-1203", "m-4", "m-1400")) {
            rejected.reject("college", "marks", "mark", key, RejectedRecords.INTAKE,
                    List.of(new RecordError(key, "value", "NOT_ON_SCALE", "Отметка вне шкалы")), null, 1L);
        }
        assertThat(rejected.closeFixed("college", "mark", asked)).isEqualTo(2);
        assertThat(rejected.openIntakeKeys("college", "mark")).containsExactlyInAnyOrder("m-4", "m-1400");
    }
}
