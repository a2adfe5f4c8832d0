package ru.spobridge.routes.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users bound to what they may see and do: a college (its IT specialist), a region (a ministry user) or the whole hub.
 * Data only: the console enforces it.
 */
@Repository
public class UserScopes {

    public static final Set<String> KINDS = Set.of("COLLEGE", "REGION", "ALL");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public UserScopes(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** {@code kind} COLLEGE, REGION or ALL (id "*"). */
    public record Scope(String kind, String id) {
    }

    public record User(String username, List<Scope> scopes) {
    }

    public List<User> users() {
        return jdbc.queryForList("SELECT username FROM hub_user ORDER BY username", Map.of(), String.class).stream()
                .map(name -> new User(name, scopes(name))).toList();
    }

    public List<Scope> scopes(String username) {
        return jdbc.query("SELECT scope_kind, scope_id FROM user_scope WHERE username = :user ORDER BY scope_kind, scope_id",
                Map.of("user", username), (rs, i) -> new Scope(rs.getString(1), rs.getString(2)));
    }

    /** Replaces a user's scopes (the user is created when new). */
    public void replace(String username, List<Scope> scopes, String actor) {
        transaction.executeWithoutResult(tx -> {
            Timestamp now = Timestamp.from(clock.instant());
            if (jdbc.update("UPDATE hub_user SET username = username WHERE username = :user", Map.of("user", username)) == 0) {
                jdbc.update("INSERT INTO hub_user (username, created_at) VALUES (:user, :at)",
                        new MapSqlParameterSource().addValue("user", username).addValue("at", now));
            }
            jdbc.update("DELETE FROM user_scope WHERE username = :user", Map.of("user", username));
            for (Scope scope : scopes) {
                jdbc.update("INSERT INTO user_scope (username, scope_kind, scope_id, granted_by, granted_at) VALUES (:user, :kind, :id, :by, :at)",
                        new MapSqlParameterSource().addValue("user", username).addValue("kind", scope.kind()).addValue("id", scope.id())
                                .addValue("by", actor).addValue("at", now));
            }
        });
    }

    /** Operators from the settings see the whole hub unless someone bound them to less. */
    public void seed(Iterable<String> operators) {
        for (String operator : operators) {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM hub_user WHERE username = :user", Map.of("user", operator), Integer.class);
            if (known == null || known == 0) {
                replace(operator, List.of(new Scope("ALL", "*")), "settings");
            }
        }
    }
}
