package ru.spobridge.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.store.DeadLetters;

/**
 * {@code spo.dead_letters.open}: records not delivered and not given up, by college, target and status (retrying =
 * the hub sends them again itself, open = waiting for an operator). Every running college's enabled targets answer
 * 0 when they have none, so that an alert compares a figure, not an absent series. One grouped count per refresh.
 */
@Component
public class DeadLetterMeters {

    public static final String DEAD_LETTERS_OPEN = "spo.dead_letters.open";
    private static final List<String> STATUSES = List.of(DeadLetters.OPEN, DeadLetters.RETRYING);

    private final NamedParameterJdbcTemplate jdbc;
    private final MeterRegistry registry;
    private final Colleges colleges;
    private final Map<List<String>, AtomicLong> open = new ConcurrentHashMap<>();

    public DeadLetterMeters(NamedParameterJdbcTemplate jdbc, MeterRegistry registry, Colleges colleges) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.colleges = colleges;
    }

    public void refresh() {
        Map<List<String>, Long> counts = new HashMap<>();
        for (String college : colleges.ids()) {
            for (String target : enabledTargets(college)) {
                STATUSES.forEach(status -> counts.put(List.of(college, target, status), 0L));
            }
        }
        jdbc.query("SELECT college_id, target, status, COUNT(*) FROM dead_letter WHERE status IN (:statuses) GROUP BY college_id, target, status",
                Map.of("statuses", STATUSES), rs -> {
                    counts.put(List.of(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                });
        // a series once shown and now without letters drops to 0 rather than vanishing
        open.forEach((key, value) -> counts.putIfAbsent(key, 0L));
        counts.forEach((key, count) -> gauge(key).set(count));
    }

    private List<String> enabledTargets(String college) {
        try {
            return colleges.enabledTargets(college);
        } catch (RuntimeException notResolved) {
            return List.of(); // a college whose settings are not resolved has no targets to show yet
        }
    }

    private AtomicLong gauge(List<String> key) {
        return open.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(DEAD_LETTERS_OPEN, value, AtomicLong::get).description("Недоставленные записи, ожидающие повтора или оператора")
                    .tag("college", k.get(0)).tag("target", k.get(1)).tag("status", k.get(2).toLowerCase(Locale.ROOT))
                    .register(registry);
            return value;
        });
    }
}
