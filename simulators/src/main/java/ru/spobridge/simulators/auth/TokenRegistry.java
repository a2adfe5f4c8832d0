package ru.spobridge.simulators.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Client-credentials tokens of one simulator: issue, check, expire. Thread-safe. */
public final class TokenRegistry {

    private record Issued(String clientId, Instant expiresAt) {
    }

    private final Map<String, String> clients;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

    /** @param clients clientId to secret; empty accepts any client with a non-blank secret */
    public TokenRegistry(Map<String, String> clients, Duration ttl, Clock clock) {
        this.clients = Map.copyOf(clients);
        this.ttl = ttl;
        this.clock = clock;
    }

    public boolean knows(String clientId, String secret) {
        if (clientId == null || clientId.isBlank() || secret == null || secret.isBlank()) {
            return false;
        }
        return clients.isEmpty() || secret.equals(clients.get(clientId));
    }

    public String issue(String clientId) {
        String token = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, new Issued(clientId, clock.instant().plus(ttl)));
        return token;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The client a live token belongs to; empty for a missing, unknown or expired token. */
    public Optional<String> clientOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Issued issued = tokens.get(token.strip());
        if (issued == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            tokens.remove(token.strip());
            return Optional.empty();
        }
        return Optional.of(issued.clientId());
    }

    /** Forces every issued token to be rejected, as after a platform-side expiry. */
    public void expireAll() {
        tokens.clear();
    }
}
