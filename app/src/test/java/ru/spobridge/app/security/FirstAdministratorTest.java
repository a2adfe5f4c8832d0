package ru.spobridge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import ru.spobridge.routes.store.AuditLog;
import ru.spobridge.routes.store.UserScopes;

/** The first administrator: from the environment, or a generated password written to a file and never to the log. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void with_no_password_set_and_no_account_a_generated_password_goes_to_an_owner_only_file_not_to_the_log(
            @TempDir Path dir, CapturedOutput output) throws Exception {
        Store store = new Store("first-admin-file");
        Path file = dir.resolve("data").resolve("initial-admin-password");
        Accounts accounts = store.accounts(new OperatorProperties(Map.of(), new OperatorProperties.Admin("admin", ""), 5, null, file));

        accounts.bootstrap();

        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        HubUsers.Account admin = store.users.find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo("ADMIN");
        assertThat(encoder.matches(password, admin.passwordHash())).isTrue();
        assertThat(store.scopes.scopes("admin")).containsExactly(new UserScopes.Scope("ALL", "*"));
        assertThat(output.getAll()).contains(file.toAbsolutePath().toString()).doesNotContain(password);

        // a second start keeps the account and writes no new password
        Files.delete(file);
        accounts.bootstrap();
        assertThat(file).doesNotExist();
        assertThat(encoder.matches(password, store.users.find("admin").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void a_password_from_the_environment_is_the_administrators_and_a_changed_one_replaces_it(@TempDir Path dir) {
        Store store = new Store("first-admin-env");
        Path file = dir.resolve("initial-admin-password");
        store.accounts(new OperatorProperties(Map.of(), new OperatorProperties.Admin("chief", "from-the-environment"), 5, null, file)).bootstrap();
        assertThat(encoder.matches("from-the-environment", store.users.find("chief").orElseThrow().passwordHash())).isTrue();
        assertThat(file).doesNotExist();

        store.accounts(new OperatorProperties(Map.of(), new OperatorProperties.Admin("chief", "rotated-in-the-environment"), 5, null, file)).bootstrap();
        assertThat(encoder.matches("rotated-in-the-environment", store.users.find("chief").orElseThrow().passwordHash())).isTrue();
        assertThat(store.jdbc.queryForList("SELECT action FROM audit_log WHERE subject = 'chief' ORDER BY id", Map.of(), String.class))
                .containsExactly("USER_CREATED", "USER_PASSWORD_SET");
    }

    private final class Store {
        final NamedParameterJdbcTemplate jdbc;
        final HubUsers users;
        final UserScopes scopes;
        final AuditLog audit;

        Store(String name) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
            jdbc = new NamedParameterJdbcTemplate(h2);
            Clock clock = Clock.systemUTC();
            users = new HubUsers(jdbc, clock);
            scopes = new UserScopes(jdbc, new TransactionTemplate(new DataSourceTransactionManager(h2)), clock);
            audit = new AuditLog(jdbc, clock);
        }

        Accounts accounts(OperatorProperties properties) {
            return new Accounts(users, scopes, audit, encoder, properties, Clock.systemUTC());
        }
    }
}
