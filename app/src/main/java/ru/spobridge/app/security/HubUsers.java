package ru.spobridge.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Accounts of the console and API: bcrypt password hash, role, lockout bookkeeping; and machine clients' API tokens,
 * kept only as SHA-256 hashes. Scopes (which colleges a user sees) stay in {@code user_scope} (UserScopes).
 */
@Repository
public class HubUsers {

    public static final Set<String> ROLES = Set.of("ADMIN", "OPERATOR", "OBSERVER");
    /** Tokens start with this prefix, so that a leaked one is recognisable in a scan. */
    public static final String TOKEN_PREFIX = "spo_";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public HubUsers(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Account(String username, String displayName, String passwordHash, String role, boolean enabled,
                          int failedAttempts, Instant lockedUntil, Instant lastSignInAt, Instant createdAt) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public record Token(long id, String name, String username, String createdBy, Instant createdAt, Instant lastUsedAt,
                        Instant revokedAt, String revokedBy) {
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT * FROM hub_user WHERE username = :user", Map.of("user", username), HubUsers::account)
                .stream().findFirst();
    }

    public List<Account> all() {
        return jdbc.query("SELECT * FROM hub_user ORDER BY username", Map.of(), HubUsers::account);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM hub_user WHERE password_hash IS NOT NULL", Map.of(), Long.class);
        return count == null ? 0 : count;
    }

    /** Creates the account or, when it exists, sets its password hash, role and display name. */
    public void save(String username, String displayName, String passwordHash, String role) {
        Timestamp now = Timestamp.from(clock.instant());
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("user", username).addValue("name", displayName)
                .addValue("hash", passwordHash).addValue("role", role).addValue("at", now);
        int updated = jdbc.update("UPDATE hub_user SET password_hash = COALESCE(:hash, password_hash), role = :role, "
                + "display_name = COALESCE(:name, display_name) WHERE username = :user", params);
        if (updated == 0) {
            jdbc.update("INSERT INTO hub_user (username, display_name, password_hash, role, enabled, failed_attempts, created_at) "
                    + "VALUES (:user, :name, :hash, :role, TRUE, 0, :at)", params);
        }
    }

    public void setPasswordHash(String username, String passwordHash) {
        jdbc.update("UPDATE hub_user SET password_hash = :hash, failed_attempts = 0, locked_until = NULL WHERE username = :user",
                Map.of("user", username, "hash", passwordHash));
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.update("UPDATE hub_user SET enabled = :enabled WHERE username = :user", Map.of("user", username, "enabled", enabled));
    }

    public void unlock(String username) {
        jdbc.update("UPDATE hub_user SET failed_attempts = 0, locked_until = NULL WHERE username = :user", Map.of("user", username));
    }

    /** Counts a wrong password; the account locks for {@code lockFor} at {@code maxAttempts}. Answers whether it locked. */
    public boolean failed(String username, int maxAttempts, Duration lockFor) {
        Instant now = clock.instant();
        jdbc.update("UPDATE hub_user SET failed_attempts = failed_attempts + 1 WHERE username = :user", Map.of("user", username));
        return jdbc.update("UPDATE hub_user SET locked_until = :until, failed_attempts = 0 WHERE username = :user AND failed_attempts >= :max",
                new MapSqlParameterSource().addValue("user", username).addValue("max", maxAttempts)
                        .addValue("until", Timestamp.from(now.plus(lockFor)))) > 0;
    }

    public void signedIn(String username) {
        jdbc.update("UPDATE hub_user SET failed_attempts = 0, last_sign_in_at = :at WHERE username = :user",
                Map.of("user", username, "at", Timestamp.from(clock.instant())));
    }

    /** A token just issued: its number and its clear value (answered once; only the hash is kept). */
    public record Issued(long id, String token) {
    }

    /** A new token for a user. */
    public Issued issueToken(String name, String username, String actor) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("INSERT INTO api_token (name, username, token_hash, created_by, created_at) VALUES (:name, :user, :hash, :by, :at)",
                new MapSqlParameterSource().addValue("name", name).addValue("user", username).addValue("hash", hash(token))
                        .addValue("by", actor).addValue("at", Timestamp.from(clock.instant())), key, new String[] {"id"});
        return new Issued(key.getKey().longValue(), token);
    }

    /** The user a valid (not revoked) token acts for; marks it used. */
    public Optional<String> tokenUser(String token) {
        String hash = hash(token);
        List<String> users = jdbc.queryForList("SELECT username FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL",
                Map.of("hash", hash), String.class);
        if (users.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("UPDATE api_token SET last_used_at = :at WHERE token_hash = :hash", Map.of("hash", hash, "at", Timestamp.from(clock.instant())));
        return Optional.of(users.get(0));
    }

    public List<Token> tokens() {
        return jdbc.query("SELECT id, name, username, created_by, created_at, last_used_at, revoked_at, revoked_by FROM api_token ORDER BY id",
                Map.of(), (rs, i) -> new Token(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                        instant(rs, 6), instant(rs, 7), rs.getString(8)));
    }

    public Optional<Token> token(long id) {
        return tokens().stream().filter(token -> token.id() == id).findFirst();
    }

    public boolean revokeToken(long id, String actor) {
        return jdbc.update("UPDATE api_token SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL",
                new MapSqlParameterSource().addValue("id", id).addValue("by", actor).addValue("at", Timestamp.from(clock.instant()))) > 0;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"), rs.getString("role"),
                rs.getBoolean("enabled"), rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "last_sign_in_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
