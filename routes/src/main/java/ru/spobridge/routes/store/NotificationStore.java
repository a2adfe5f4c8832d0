package ru.spobridge.routes.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Who receives which notifications (a college, a region or the whole hub; e-mail or webhook) and which were sent:
 * a message is claimed by a unique row before it goes out, so that an occurrence is told once even with several
 * instances on one store; a failed send gives its claim back. Also the few read-only figures the daily digest needs.
 */
@Repository
public class NotificationStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public NotificationStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code scopeKind} COLLEGE, REGION or ALL (id "*"); {@code kinds} the notification kinds subscribed to. */
    public record Subscription(long id, String scopeKind, String scopeId, String role, String channel, String address,
                               Set<String> kinds, String username, boolean enabled, Instant updatedAt, String updatedBy) {
    }

    /** A message that went out (or is going out): what, about what, to which subscription. */
    public record Sent(long id, String kind, String subjectKey, long subscriptionId, String collegeId, String channel, String title,
                       Instant sentAt) {
    }

    /** One run as the digest counts it. */
    public record RunFigures(long id, String flow, String status, int read, int changed, int rejected, int published, int delivered,
                             int targetRejected, int deadLetters) {
    }

    public List<Subscription> subscriptions() {
        return jdbc.query("SELECT * FROM notification_subscription ORDER BY id", Map.of(), NotificationStore::subscription);
    }

    public Optional<Subscription> subscription(long id) {
        return jdbc.query("SELECT * FROM notification_subscription WHERE id = :id", Map.of("id", id), NotificationStore::subscription)
                .stream().findFirst();
    }

    public long add(Subscription subscription, String actor) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO notification_subscription (scope_kind, scope_id, role_label, channel, address, kinds, username, enabled, "
                + "created_at, updated_at, updated_by) VALUES (:kind, :scope, :role, :channel, :address, :kinds, :username, :enabled, "
                + ":now, :now, :actor)", params(subscription, actor), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    /** False when there is no such subscription. */
    public boolean change(long id, Subscription subscription, String actor) {
        return jdbc.update("UPDATE notification_subscription SET scope_kind = :kind, scope_id = :scope, role_label = :role, channel = :channel, "
                + "address = :address, kinds = :kinds, username = :username, enabled = :enabled, updated_at = :now, updated_by = :actor "
                + "WHERE id = :id", params(subscription, actor).addValue("id", id)) == 1;
    }

    public boolean remove(long id) {
        return jdbc.update("DELETE FROM notification_subscription WHERE id = :id", Map.of("id", id)) == 1;
    }

    /** Claims one message for one subscription; false when it was claimed (sent) before, here or by another instance. */
    public boolean claim(String kind, String subjectKey, long subscriptionId, String collegeId, String channel, String title) {
        try {
            return jdbc.update("INSERT INTO notification_sent (kind, subject_key, subscription_id, college_id, channel, title, sent_at) "
                    + "VALUES (:kind, :key, :subscription, :college, :channel, :title, :now)",
                    new MapSqlParameterSource().addValue("kind", kind).addValue("key", subjectKey).addValue("subscription", subscriptionId)
                            .addValue("college", collegeId).addValue("channel", channel)
                            .addValue("title", title.length() <= 500 ? title : title.substring(0, 500))
                            .addValue("now", Timestamp.from(clock.instant()))) == 1;
        } catch (DuplicateKeyException sentBefore) {
            return false;
        }
    }

    /** Gives a claim back after a failed send: the next poll tries again. */
    public void release(String kind, String subjectKey, long subscriptionId) {
        jdbc.update("DELETE FROM notification_sent WHERE kind = :kind AND subject_key = :key AND subscription_id = :subscription",
                Map.of("kind", kind, "key", subjectKey, "subscription", subscriptionId));
    }

    /** The subscriptions an occurrence was sent (or is being sent) to. */
    public Set<Long> claimedBy(String kind, String subjectKey) {
        return Set.copyOf(jdbc.queryForList("SELECT subscription_id FROM notification_sent WHERE kind = :kind AND subject_key = :key",
                Map.of("kind", kind, "key", subjectKey), Long.class));
    }

    public List<Sent> recent(int limit) {
        return jdbc.query("SELECT * FROM notification_sent ORDER BY id DESC LIMIT :limit", Map.of("limit", limit),
                (rs, i) -> new Sent(rs.getLong("id"), rs.getString("kind"), rs.getString("subject_key"), rs.getLong("subscription_id"),
                        rs.getString("college_id"), rs.getString("channel"), rs.getString("title"), rs.getTimestamp("sent_at").toInstant()));
    }

    /** The runs of a college started since a moment, skipped ones left out (they read nothing), oldest first. */
    public List<RunFigures> runsSince(String collegeId, Instant since) {
        return jdbc.query("SELECT id, flow, status, read_count, changed_count, rejected_count, published_count, delivered_count, "
                        + "target_rejected_count, dead_letter_count FROM sync_run WHERE college_id = :college AND started_at >= :since "
                        + "AND status <> 'SKIPPED' ORDER BY id",
                new MapSqlParameterSource().addValue("college", collegeId).addValue("since", Timestamp.from(since)),
                (rs, i) -> new RunFigures(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10)));
    }

    /** Records of a college refused at intake or by a platform and not fixed yet. */
    public int openRejections(String collegeId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE college_id = :college AND resolved_at IS NULL",
                Map.of("college", collegeId), Integer.class);
        return count == null ? 0 : count;
    }

    private MapSqlParameterSource params(Subscription subscription, String actor) {
        return new MapSqlParameterSource().addValue("kind", subscription.scopeKind()).addValue("scope", subscription.scopeId())
                .addValue("role", subscription.role()).addValue("channel", subscription.channel()).addValue("address", subscription.address())
                .addValue("kinds", String.join(",", subscription.kinds())).addValue("username", subscription.username())
                .addValue("enabled", subscription.enabled()).addValue("now", Timestamp.from(clock.instant())).addValue("actor", actor);
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        Set<String> kinds = new LinkedHashSet<>(Arrays.stream(rs.getString("kinds").split(",")).map(String::strip)
                .filter(kind -> !kind.isEmpty()).toList());
        return new Subscription(rs.getLong("id"), rs.getString("scope_kind"), rs.getString("scope_id"), rs.getString("role_label"),
                rs.getString("channel"), rs.getString("address"), java.util.Collections.unmodifiableSet(kinds), rs.getString("username"), rs.getBoolean("enabled"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
