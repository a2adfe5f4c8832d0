package ru.spobridge.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.store.HubInstances;
import ru.spobridge.routes.store.SyncRuns;

/**
 * Meters read from the runs table, so that no flow needs a metrics call of its own: {@code spo.run.duration} (runs
 * of this instance, by college, flow and final status), {@code spo.intake.records} (what this instance's runs read:
 * read, changed, unchanged, rejected at intake) and {@code spo.source.lag.seconds} (time since the last run of any
 * instance that found a change in the source). Each refresh reads only the runs not yet finished at the last one and
 * those started since (by primary key), never the whole history.
 */
@Component
public class RunMeters {

    public static final String RUN_DURATION = "spo.run.duration";
    public static final String INTAKE_RECORDS = "spo.intake.records";
    public static final String SOURCE_LAG = "spo.source.lag.seconds";

    /** A run open for longer than this (held for an operator for days) no longer keeps the window of rows read open. */
    private static final Duration OPEN_RUN_HORIZON = Duration.ofDays(1);
    private static final Duration[] DURATION_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3)};

    private record Row(long id, String collegeId, String flow, String status, String owner, Instant startedAt, Instant readFinishedAt,
                       Instant finishedAt, int read, int changed, int unchanged, int rejected) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String self;
    private final Map<List<String>, AtomicReference<Instant>> lastChange = new ConcurrentHashMap<>();
    private final Set<Long> read = new HashSet<>();
    private final Set<Long> timed = new HashSet<>();
    private long from = -1;

    public RunMeters(NamedParameterJdbcTemplate jdbc, MeterRegistry registry, Clock clock, HubInstances instances) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
        this.self = instances.self();
    }

    /** Reads the runs changed since the last refresh into the meters. */
    public synchronized void refresh() {
        boolean first = from < 0;
        if (first) {
            start();
        }
        List<Row> rows = jdbc.query("SELECT id, college_id, flow, status, owner, started_at, read_finished_at, finished_at, read_count, "
                + "changed_count, unchanged_count, rejected_count FROM sync_run WHERE id >= :from ORDER BY id", Map.of("from", from), RunMeters::row);
        Instant openSince = clock.instant().minus(OPEN_RUN_HORIZON);
        long next = from;
        Long firstOpen = null;
        for (Row row : rows) {
            next = Math.max(next, row.id() + 1);
            if (row.finishedAt() == null && firstOpen == null && row.startedAt().isAfter(openSince)) {
                firstOpen = row.id();
            }
            if (row.readFinishedAt() != null && row.changed() > 0) {
                changeSeen(row.collegeId(), row.flow(), row.readFinishedAt());
            }
            boolean mine = self.equals(row.owner());
            if (row.readFinishedAt() != null && read.add(row.id()) && mine && !first) {
                countIntake(row);
            }
            if (row.finishedAt() != null && timed.add(row.id()) && mine && !first && !SyncRuns.SKIPPED.equals(row.status())) {
                timer(row.collegeId(), row.flow(), row.status()).record(Duration.between(row.startedAt(), row.finishedAt()));
            }
        }
        from = firstOpen == null ? next : firstOpen;
        long keepFrom = from;
        read.removeIf(id -> id < keepFrom);
        timed.removeIf(id -> id < keepFrom);
    }

    /** At the first refresh: the last change of every source so far, and the window starting at the oldest open run. */
    private void start() {
        jdbc.query("SELECT college_id, flow, MAX(read_finished_at) FROM sync_run WHERE changed_count > 0 AND read_finished_at IS NOT NULL "
                + "GROUP BY college_id, flow", Map.of(), rs -> {
                    changeSeen(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant());
                });
        Long open = jdbc.queryForObject("SELECT MIN(id) FROM sync_run WHERE finished_at IS NULL AND started_at > :since",
                Map.of("since", Timestamp.from(clock.instant().minus(OPEN_RUN_HORIZON))), Long.class);
        Long last = jdbc.queryForObject("SELECT MAX(id) FROM sync_run", Map.of(), Long.class);
        from = open != null ? open : last == null ? 0 : last + 1;
    }

    private void changeSeen(String collegeId, String flow, Instant at) {
        lastChange.computeIfAbsent(List.of(collegeId, flow), key -> {
            AtomicReference<Instant> seen = new AtomicReference<>(at);
            Gauge.builder(SOURCE_LAG, seen, value -> Math.max(0, Duration.between(value.get(), clock.instant()).toMillis() / 1000.0))
                    .description("Секунд с последнего изменения, прочитанного из источника")
                    .tag("college", collegeId).tag("flow", flow).register(registry);
            return seen;
        }).accumulateAndGet(at, (old, now) -> now.isAfter(old) ? now : old);
    }

    private void countIntake(Row row) {
        intake(row, "read", row.read());
        intake(row, "changed", row.changed());
        intake(row, "unchanged", row.unchanged());
        intake(row, "rejected", row.rejected());
    }

    private void intake(Row row, String outcome, int records) {
        Counter.builder(INTAKE_RECORDS).description("Записи, прочитанные из источника, по исходу проверки")
                .tag("college", row.collegeId()).tag("flow", row.flow()).tag("outcome", outcome)
                .register(registry).increment(records);
    }

    private Timer timer(String collegeId, String flow, String status) {
        return Timer.builder(RUN_DURATION).description("Длительность запусков от начала чтения до последнего исхода")
                .tag("college", collegeId).tag("flow", flow).tag("status", status.toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry);
    }

    private static Row row(ResultSet rs, int number) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("college_id"), rs.getString("flow"), rs.getString("status"), rs.getString("owner"),
                instant(rs, "started_at"), instant(rs, "read_finished_at"), instant(rs, "finished_at"), rs.getInt("read_count"),
                rs.getInt("changed_count"), rs.getInt("unchanged_count"), rs.getInt("rejected_count"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
