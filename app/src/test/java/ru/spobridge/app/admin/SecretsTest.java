package ru.spobridge.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import ru.spobridge.routes.config.Secrets;
import ru.spobridge.routes.config.SecretsSettings;

/** Secret references resolved the way the hub does, on a migrated store (H2): environment, files, encrypted values. */
class SecretsTest {

    private static final String KEY = "correct horse battery staple";

    @TempDir
    Path folder;

    private final NamedParameterJdbcTemplate store = migratedStore();

    private static NamedParameterJdbcTemplate migratedStore() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:secrets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return new NamedParameterJdbcTemplate(h2);
    }

    private Secrets secrets(StandardEnvironment environment, String key) {
        return new Secrets(environment, new SecretsSettings(folder, key), store, Clock.systemUTC());
    }

    private Secrets secrets(String key) {
        return secrets(new StandardEnvironment(), key);
    }

    @Test
    void an_env_reference_reads_the_environment_including_profile_properties() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        // what Spring Boot does with application-demo.yml: a profile's properties are one more source of the environment
        environment.getPropertySources().addLast(new YamlPropertySourceLoader().load("application-demo.yml",
                new ByteArrayResource("CHEL_SGO_SECRET: demo-sgo-secret\n".getBytes(StandardCharsets.UTF_8))).get(0));
        String variable = System.getenv().keySet().stream().filter(name -> !System.getenv(name).isBlank()).findFirst().orElseThrow();

        Secrets secrets = secrets(environment, null);

        assertThat(secrets.lookup("chel-demo", "targets.sgo.client-secret", "env:CHEL_SGO_SECRET")).contains("demo-sgo-secret");
        assertThat(secrets.lookup("chel-demo", "targets.sgo.client-secret", "env:" + variable)).contains(System.getenv(variable));
        assertThat(secrets.lookup("chel-demo", "targets.sgo.client-secret", "env:NOT_SET_ANYWHERE_" + UUID.randomUUID())).isEmpty();
        assertThat(secrets.lookup("chel-demo", "targets.sgo.client-id", "chel-demo")).as("a literal is its own value").contains("chel-demo");
    }

    @Test
    void a_file_reference_cannot_leave_the_secrets_folder() throws IOException {
        Files.createDirectories(folder.resolve("chel-demo"));
        Files.writeString(folder.resolve("chel-demo/sgo"), "from-a-file\n");
        Path outside = Files.writeString(folder.getParent().resolve("outside-" + UUID.randomUUID()), "not-yours");
        Secrets secrets = secrets(null);

        assertThat(secrets.lookup("chel-demo", "targets.sgo.client-secret", "file:chel-demo/sgo")).as("one trailing newline trimmed")
                .contains("from-a-file");
        assertThat(secrets.lookup("chel-demo", "targets.sgo.client-secret", "file:chel-demo/absent")).isEmpty();
        for (String escape : new String[] {"file:../" + outside.getFileName(), "file:chel-demo/../../" + outside.getFileName(),
                "file:" + outside.toAbsolutePath()}) {
            assertThatThrownBy(() -> secrets.lookup("chel-demo", "targets.sgo.client-secret", escape))
                    .as(escape).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("внутри папки секретов");
        }
        Files.createSymbolicLink(folder.resolve("chel-demo/link"), outside);
        assertThatThrownBy(() -> secrets.lookup("chel-demo", "targets.sgo.client-secret", "file:chel-demo/link"))
                .hasMessageContaining("за пределы папки секретов");
    }

    @Test
    void a_stored_secret_round_trips_and_a_wrong_key_says_so() {
        Secrets secrets = secrets(KEY);

        secrets.store("chel-demo", "targets.sgo.client-secret", "planted-value-1", "tester");

        assertThat(secrets.lookup("chel-demo", "targets.sgo.client-secret", "stored")).contains("planted-value-1");
        assertThat(store.queryForObject("SELECT ciphertext FROM college_secret", Map.of(), String.class))
                .startsWith("v1:").doesNotContain("planted-value-1");
        assertThat(secrets.listed("chel-demo")).containsExactly(new Secrets.Listed("targets.sgo.client-secret", "stored", "stored", true));

        secrets.store("chel-demo", "targets.sgo.client-secret", "planted-value-2", "tester");
        assertThat(secrets.lookup("chel-demo", "targets.sgo.client-secret", "stored")).as("replaced").contains("planted-value-2");

        assertThatThrownBy(() -> secrets("another key").lookup("chel-demo", "targets.sgo.client-secret", "stored"))
                .isInstanceOf(Secrets.SecretException.class)
                .hasMessageContaining("ключ SPO_SECRETS_KEY не тот")
                .hasMessageNotContaining("planted");
        assertThatThrownBy(() -> secrets(null).store("chel-demo", "targets.sgo.client-secret", "x", "tester"))
                .isInstanceOf(Secrets.SecretException.class).hasMessageContaining("не задан ключ шифрования");

        assertThat(secrets.forget("chel-demo", "targets.sgo.client-secret")).isTrue();
        assertThat(secrets.lookup("chel-demo", "targets.sgo.client-secret", "stored")).isEmpty();
        assertThat(secrets.listed("chel-demo")).isEmpty();
    }
}
