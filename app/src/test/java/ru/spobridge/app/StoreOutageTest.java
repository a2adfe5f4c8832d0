package ru.spobridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.console.StoreUnavailableAdvice;
import ru.spobridge.app.wiring.StoreAvailabilityCheck;
import ru.spobridge.routes.flow.Flow;
import ru.spobridge.routes.flow.FlowHeaders;
import ru.spobridge.routes.flow.FlowRuns;
import ru.spobridge.routes.flow.Flows;
import ru.spobridge.routes.store.SyncRuns;

/**
 * The store itself failing, without Spring: a store that refuses connections (as a stopped database does) never
 * leaves a run open, never keeps its college locked, and an action that needs it answers 503 «Хранилище недоступно».
 */
class StoreOutageTest {

    @Test
    void a_run_failing_while_the_store_is_down_releases_its_college_and_is_marked_failed_once_the_store_answers() throws Exception {
        SwitchableStore store = new SwitchableStore("outage-" + System.nanoTime());
        SyncRuns runs = new SyncRuns(new NamedParameterJdbcTemplate(store), Clock.systemUTC());
        List<String> ended = new ArrayList<>();
        FlowRuns flowRuns = flowRuns(runs, ended);
        try {
            long runId = runs.start("college-a", "contingent", "schedule");
            store.down();
            Exchange exchange = failedStep(runId, new CannotGetJdbcConnectionException("Connection to localhost:5432 refused"));

            assertThatCode(() -> flowRuns.failed(exchange)).as("the failure handler does not fail").doesNotThrowAnyException();
            assertThat(ended).as("the college's next run is not blocked").containsExactly("college-a " + runId);
            assertThat(flowRuns.failedWhileStoreDown()).containsExactly(runId);
            flowRuns.markFailedWhileStoreDown();
            assertThat(flowRuns.failedWhileStoreDown()).as("still down: kept for the next try").containsExactly(runId);

            store.up();
            flowRuns.markFailedWhileStoreDown();

            SyncRuns.Run run = runs.get(runId).orElseThrow();
            assertThat(run.status()).isEqualTo(SyncRuns.FAILED);
            assertThat(run.finished()).isTrue();
            assertThat(run.error()).contains("Connection to localhost:5432 refused");
            assertThat(flowRuns.failedWhileStoreDown()).isEmpty();
        } finally {
            flowRuns.destroy();
        }
    }

    @Test
    void a_real_database_stopped_mid_run_is_reported_down_within_seconds_and_the_run_is_failed_once_it_is_back() throws Exception {
        Path data = Files.createTempDirectory("outage-postgres");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setConnectionTimeout(3000); // as in application.yml
        pool.setValidationTimeout(2000);
        List<String> ended = new ArrayList<>();
        SyncRuns runs = new SyncRuns(new NamedParameterJdbcTemplate(pool), Clock.systemUTC());
        FlowRuns flowRuns = flowRuns(runs, ended);
        DataSourceHealthIndicator health = new DataSourceHealthIndicator(pool, "SELECT 1");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            long runId = runs.start("college-a", "contingent", "schedule");
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            postgres.close();
            long stopped = System.nanoTime();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            long downAfterMs = (System.nanoTime() - stopped) / 1_000_000;
            assertThatCode(() -> flowRuns.failed(failedStep(runId, new CannotGetJdbcConnectionException("the database went away"))))
                    .doesNotThrowAnyException();
            long failedAfterMs = (System.nanoTime() - stopped) / 1_000_000;
            assertThat(ended).containsExactly("college-a " + runId);
            assertThat(flowRuns.failedWhileStoreDown()).containsExactly(runId);

            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                flowRuns.markFailedWhileStoreDown();
                return flowRuns.failedWhileStoreDown().isEmpty();
            });
            System.out.printf("store outage figures: health DOWN after %d ms, failure handled after %d ms, run %d marked failed after restart%n",
                    downAfterMs, failedAfterMs, runId);
            assertThat(downAfterMs).as("health reports the store down within seconds").isLessThan(8_000);
            assertThat(runs.get(runId).orElseThrow().status()).isEqualTo(SyncRuns.FAILED);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            flowRuns.destroy();
            pool.close();
            postgres.close();
        }
    }

    @Test
    void a_run_that_could_not_even_open_while_the_store_is_down_still_releases_its_college() throws Exception {
        SwitchableStore store = new SwitchableStore("outage-" + System.nanoTime());
        List<String> ended = new ArrayList<>();
        FlowRuns flowRuns = flowRuns(new SyncRuns(new NamedParameterJdbcTemplate(store), Clock.systemUTC()), ended);
        try {
            store.down();
            assertThatCode(() -> flowRuns.failed(failedStep(null, new CannotGetJdbcConnectionException("refused"))))
                    .doesNotThrowAnyException();
            assertThat(ended).containsExactly("college-a null");
            assertThat(flowRuns.failedWhileStoreDown()).isEmpty();
        } finally {
            flowRuns.destroy();
        }
    }

    @Test
    void starting_a_run_while_the_store_is_down_answers_503_store_unavailable_not_already_running() throws Exception {
        SwitchableStore store = new SwitchableStore("outage-" + System.nanoTime());
        MockMvc api = MockMvcBuilders.standaloneSetup(new RunActions()).setControllerAdvice(new StoreUnavailableAdvice())
                .addMappedInterceptors(StoreAvailabilityCheck.RUN_ACTIONS, new StoreAvailabilityCheck(new JdbcTemplate(store))).build();

        api.perform(post("/api/colleges/college-a/contingent/runs")).andExpect(status().isAccepted());
        store.down();
        api.perform(post("/api/colleges/college-a/contingent/runs")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.message", Matchers.startsWith("Хранилище недоступно: ")));
        api.perform(post("/api/colleges/college-a/flows/staff/runs")).andExpect(status().isServiceUnavailable());
        store.up();
        api.perform(post("/api/colleges/college-a/flows/staff/runs")).andExpect(status().isAccepted());
    }

    private static FlowRuns flowRuns(SyncRuns runs, List<String> ended) {
        Flow contingent = new Flow() {
            @Override
            public String name() {
                return "contingent";
            }

            @Override
            public Set<String> entityTypes() {
                return Set.of("student");
            }

            @Override
            public void runEnded(String collegeId, Long runId) {
                ended.add(collegeId + " " + runId);
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("flows", new Flows(List.of(contingent))));
        return new FlowRuns(runs, beans.getBeanProvider(Flows.class));
    }

    private static Exchange failedStep(Long runId, Exception cause) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(FlowHeaders.COLLEGE, "college-a");
        exchange.getIn().setHeader(FlowHeaders.FLOW, "contingent");
        exchange.getIn().setHeader(FlowHeaders.RUN, runId);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, cause);
        return exchange;
    }

    /** The hub's schema on an in-memory H2 whose connections are refused while it is "down". */
    private static final class SwitchableStore extends DelegatingDataSource {

        private final AtomicBoolean available = new AtomicBoolean(true);

        SwitchableStore(String name) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            setTargetDataSource(h2);
            Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        }

        void down() {
            available.set(false);
        }

        void up() {
            available.set(true);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!available.get()) {
                throw new SQLTransientConnectionException("Connection to localhost:5432 refused", "08001");
            }
            return super.getConnection();
        }
    }

    /** The two run actions, reached only when the store answers. */
    @RestController
    static class RunActions {

        @PostMapping("/api/colleges/{college}/contingent/runs")
        ResponseEntity<Map<String, Object>> contingent(@PathVariable String college) {
            return ResponseEntity.accepted().body(Map.of("runId", 1));
        }

        @PostMapping("/api/colleges/{college}/flows/{flow}/runs")
        ResponseEntity<Map<String, Object>> flow(@PathVariable String college, @PathVariable String flow) {
            return ResponseEntity.accepted().body(Map.of("runId", 2));
        }
    }
}
