package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** One migration set for both stores: it must build the same tables on H2 and on a real PostgreSQL. */
class MigrationsTest {

    private static final Set<String> TABLES = Set.of("audit_log", "canonical_record", "dead_letter", "delivery_batch",
            "college_secret",
            "rejected_record", "source_cursor", "sync_run", "sync_state", "held_run", "reconciliation_report", "staff_sla", "qrtz_triggers", "qrtz_job_details",
            "run_pause", "work_calendar_day", "work_calendar_year",
            "region", "college", "college_change", "settings_revision", "hub_user", "user_scope",
            "code_table_entry", "code_table_change", "asc_unmatched", "journal_quality_report");

    @Test
    void migrations_run_on_h2_in_file_compatible_mode() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();

        assertThat(tables(h2)).containsAll(TABLES);
    }

    @Test
    void migrations_run_on_postgresql() throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource pg = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(pg).locations("classpath:db/migration").load().migrate();

            assertThat(tables(pg)).containsAll(TABLES);
        }
    }

    private static Set<String> tables(DataSource dataSource) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }
}
