package ru.spobridge.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A PostgreSQL of the child's own, on a fixed port and data folder, so that it can be stopped and started again. */
final class OwnPostgres implements AutoCloseable {
    private final File data;
    private final int port = ChildHub.freePort();
    private EmbeddedPostgres postgres;

    OwnPostgres(String name) throws IOException {
        data = new File("target/outside-pg-" + name + "-" + System.nanoTime()).getAbsoluteFile();
        start();
    }

    void start() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> hubArguments(File journal) {
        return List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.artemis.embedded.data-directory=" + journal.getAbsolutePath());
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", ""));
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
