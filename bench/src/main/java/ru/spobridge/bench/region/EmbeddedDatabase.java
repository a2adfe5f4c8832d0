package ru.spobridge.bench.region;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/** The hub's PostgreSQL for {@code --db=pg}: an embedded server in the benchmark's JVM, data in the run's folder. */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    static EmbeddedDatabase start(Path data) throws IOException {
        int port = BenchJvm.freePort();
        return new EmbeddedDatabase(EmbeddedPostgres.builder().setDataDirectory(data.toFile()).setCleanDataDirectory(true)
                .setPort(port).start(), port);
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return "postgres";
    }

    String password() {
        return "";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
