package ru.spobridge.simulators;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the in-app simulators of the external platforms ({@code spo.simulators.*}).
 * A wrong value fails the start with the property name.
 */
@Validated
@ConfigurationProperties(prefix = "spo.simulators")
public record SimulatorProperties(
        boolean enabled,
        @DefaultValue @Valid @NotNull Contingent contingent,
        @DefaultValue @Valid @NotNull Epos epos,
        @DefaultValue @Valid @NotNull Demo demo,
        @DefaultValue("1") @Min(0) @Max(3600) int retryAfterSeconds) {

    /** ИС «Контингент» simulator: token lifetime and known clients (empty = any non-blank secret). */
    public record Contingent(
            @DefaultValue("3600s") @NotNull Duration tokenTtl,
            Map<String, String> clients) {
        public Contingent {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }
    }

    /** ЭПОС.СПО simulator: token lifetime, batch limit, per-client rate limit (0 = off), clients. */
    public record Epos(
            @DefaultValue("3600s") @NotNull Duration tokenTtl,
            @DefaultValue("500") @Min(1) @Max(10_000) int batchLimit,
            @DefaultValue("5") @Min(0) int rateLimitPerSecond,
            Map<String, String> clients) {
        public Epos {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }
    }

    /** Demo college seeded into the Контингент simulator at start. */
    public record Demo(
            boolean enabled,
            @DefaultValue("1025900000017") @NotBlank String ogrn,
            @DefaultValue("640") @Min(9) int students,
            @DefaultValue("27") @Min(1) int groups,
            @DefaultValue("42") long seed) {
    }
}
