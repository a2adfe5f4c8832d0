package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The hubs sharing this store and when each last said it was alive (table hub_instance). An instance's name is stable
 * across its restarts ({@code spo.instance.id}, by default host:port), so a restarted hub knows its own runs at once.
 */
public class HubInstances {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final String self;
    private final Instant startedAt;

    public HubInstances(NamedParameterJdbcTemplate jdbc, Clock clock, String self) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.self = self;
        this.startedAt = clock.instant();
    }

    /** This instance's name: the owner of the runs it starts. */
    public String self() {
        return self;
    }

    /** Says this instance is alive. */
    public void heartbeat() {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("id", self)
                .addValue("now", Timestamp.from(clock.instant())).addValue("started", Timestamp.from(startedAt));
        if (jdbc.update("UPDATE hub_instance SET seen_at = :now, started_at = :started WHERE id = :id", params) == 0) {
            jdbc.update("INSERT INTO hub_instance (id, started_at, seen_at) VALUES (:id, :started, :now)", params);
        }
    }

    /** The other instances seen since the given moment. */
    public Set<String> othersAliveSince(Instant since) {
        return new TreeSet<>(jdbc.queryForList("SELECT id FROM hub_instance WHERE seen_at >= :since AND id <> :self",
                Map.of("since", Timestamp.from(since), "self", self), String.class));
    }

    /** Every instance with when it started and was last seen, for the console. */
    public record Instance(String id, Instant startedAt, Instant seenAt, boolean self) {
    }

    public List<Instance> all() {
        return jdbc.query("SELECT id, started_at, seen_at FROM hub_instance ORDER BY id", Map.of(),
                (rs, i) -> new Instance(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
                        self.equals(rs.getString(1))));
    }
}
