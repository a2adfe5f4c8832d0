package ru.spobridge.routes.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the planner's statistics of the delivery tables current after a large write. A first full sync fills
 * canonical_record and sync_state from empty; PostgreSQL's autoanalyze comes later, and a next run planned on the
 * "empty" statistics joined 50,000 rows by 50,000 in a nested loop for hours, its run left reading (found at 20,000
 * students). Refreshing them at once costs a fraction of a second.
 */
@Component
public class StoreStatistics {

    private static final Logger log = LoggerFactory.getLogger(StoreStatistics.class);
    /** Below this many rows written the statistics cannot be far enough off to matter. */
    static final int LARGE_WRITE = 1_000;

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public StoreStatistics(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
    }

    /** After a write of {@code rows} records to the delivery tables, committed. */
    public void afterWrite(int rows) {
        if (rows < LARGE_WRITE) {
            return;
        }
        long started = System.nanoTime();
        try {
            for (String table : new String[] {"canonical_record", "sync_state"}) {
                jdbc.execute(postgres ? "ANALYZE " + table : "ANALYZE TABLE " + table);
            }
            log.debug("Статистика таблиц учёта обновлена после записи {} строк за {} мс", rows, (System.nanoTime() - started) / 1_000_000);
        } catch (org.springframework.dao.DataAccessException e) {
            // statistics are an optimisation: the run goes on, autoanalyze catches up
            log.warn("Статистика таблиц учёта не обновлена: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            return false;
        }
    }
}
