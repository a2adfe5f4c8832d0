package ru.spobridge.simulators;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the in-app simulators of the external platforms ({@code spo.simulators.*}).
 * A wrong value fails the start with the property name. {@code stateDirectory}: where the platform simulators keep
 * what they stored across restarts (unset = in memory only).
 */
@Validated
@ConfigurationProperties(prefix = "spo.simulators")
public record SimulatorProperties(
        boolean enabled,
        @DefaultValue @Valid @NotNull Contingent contingent,
        @DefaultValue @Valid @NotNull Platform epos,
        @DefaultValue @Valid @NotNull Platform sgo,
        @DefaultValue @Valid @NotNull Platform aisepo,
        @DefaultValue @Valid @NotNull Platform eposSchool,
        @DefaultValue @Valid @NotNull Zup zup,
        @DefaultValue @Valid @NotNull Journal journal,
        @DefaultValue @Valid @NotNull Demo demo,
        @DefaultValue("1") @Min(0) @Max(3600) int retryAfterSeconds,
        String stateDirectory) {

    public SimulatorProperties {
        // each platform's defaults follow its contract file
        epos = epos.withDefaults(Duration.ofHours(1), 500, 5);
        sgo = sgo.withDefaults(Duration.ofSeconds(900), 500, 10);
        aisepo = aisepo.withDefaults(Duration.ofHours(1), 300, 5);
        eposSchool = eposSchool.withDefaults(Duration.ofHours(1), 500, 5);
    }

    /** ИС «Контингент» simulator: token lifetime and known clients (empty = any non-blank secret). */
    public record Contingent(
            @DefaultValue("3600s") @NotNull Duration tokenTtl,
            Map<String, String> clients) {
        public Contingent {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }
    }

    /**
     * A REST platform simulator: token lifetime, batch limit, per-client rate limit (0 = off) and clients
     * (empty = any non-blank secret). Unset values take the platform's defaults.
     */
    public record Platform(
            Duration tokenTtl,
            @Min(1) @Max(10_000) Integer batchLimit,
            @Min(0) Integer rateLimitPerSecond,
            Map<String, String> clients) {
        public Platform {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
        }

        Platform withDefaults(Duration ttl, int batch, int perSecond) {
            return new Platform(tokenTtl == null ? ttl : tokenTtl, batchLimit == null ? batch : batchLimit,
                    rateLimitPerSecond == null ? perSecond : rateLimitPerSecond, clients);
        }
    }

    /**
     * The college's own journal (change feed) simulator: token lifetime, clients (empty = any non-blank secret) and
     * the journal college ids seeded with the demo lessons' topics and homework at start ({@code JournalDemo}).
     */
    public record Journal(
            @DefaultValue("3600s") @NotNull Duration tokenTtl,
            Map<String, String> clients,
            List<String> demoColleges) {
        public Journal {
            clients = clients == null ? Map.of() : Map.copyOf(clients);
            demoColleges = demoColleges == null ? List.of() : List.copyOf(demoColleges);
        }
    }

    /**
     * 1С:ЗУП OData simulator: HTTP Basic users (user to password; empty = any user with a non-blank password) and
     * its demo staff, one publication per demo college.
     */
    public record Zup(Map<String, String> users, @DefaultValue @Valid @NotNull ZupDemo demo) {
        public Zup {
            users = users == null ? Map.of() : Map.copyOf(users);
        }
    }

    /** Whether ЗУП serves demo staff for every demo college at start, and how many people each. */
    public record ZupDemo(boolean enabled, @DefaultValue("40") @Min(10) @Max(2000) int staff) {
    }

    /** Demo colleges seeded into the Контингент (and, when its demo is on, the ЗУП) simulator at start. */
    public record Demo(boolean enabled, @Valid @NotEmpty List<College> colleges) {
        public Demo {
            colleges = colleges == null || colleges.isEmpty()
                    ? List.of(new College("1025900000015", 640, 27, 42, 40, false)) : List.copyOf(colleges);
        }
    }

    /**
     * One demo college: its ОГРН, size, random seed and how many movements it has; {@code school} makes it a school
     * whose groups are classes («5А», «7Б», …; see {@code DemoSchool}).
     */
    public record College(
            @NotBlank String ogrn,
            @DefaultValue("640") @Min(9) int students,
            @DefaultValue("27") @Min(1) int groups,
            @DefaultValue("42") long seed,
            @DefaultValue("40") @Min(0) int movements,
            boolean school) {
    }
}
