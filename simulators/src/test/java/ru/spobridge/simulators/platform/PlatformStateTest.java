package ru.spobridge.simulators.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.spobridge.simulators.SimulatorProperties;
import ru.spobridge.simulators.aisepo.AisEpoSimulator;
import ru.spobridge.simulators.auth.TokenRegistry;
import ru.spobridge.simulators.faults.FaultInjector;
import ru.spobridge.simulators.state.PlatformStateFiles;

/** The demo's platform state survives a restart: what was stored, where each student stands, marked lessons. */
class PlatformStateTest {

    private static final String CLIENT = "kuz-demo";

    @TempDir
    Path directory;

    @Test
    void a_restarted_simulator_holds_what_the_stopped_one_had() {
        PlatformSimulator before = simulator();
        PlatformTenant tenant = before.tenant(CLIENT);
        tenant.store(ResourceKind.GROUPS, "g1", item("externalId", "g1", "name", "ИС-21"));
        tenant.store(ResourceKind.GROUPS, "g2", item("externalId", "g2", "name", "ИС-22"));
        tenant.store(ResourceKind.STUDENTS, "s1", item("externalId", "s1", "groupExternalId", "g1", "subgroupNo", 2));
        tenant.store(ResourceKind.STUDENTS, "s2", item("externalId", "s2", "groupExternalId", "g1"));
        tenant.store(ResourceKind.SCHEDULE, "l1", item("externalId", "l1", "pairNo", 3));
        move(tenant, "m1", "s1", MovementKind.TRANSFER, "2026-09-01", "g2");
        move(tenant, "m2", "s1", MovementKind.EXPULSION, "2026-10-01", null);
        before.recordMark(CLIENT, "l1");
        try (PlatformStateFiles files = new PlatformStateFiles(directory, Duration.ofMillis(10), before)) {
            files.changed();
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(directory.resolve("aisepo.json")));
        }

        PlatformSimulator after = simulator();
        new PlatformStateFiles(directory, Duration.ofMillis(10), after).load();

        assertThat(after.groups(CLIENT)).isEqualTo(before.groups(CLIENT));
        assertThat(after.students(CLIENT)).isEqualTo(before.students(CLIENT));
        assertThat(after.students(CLIENT).get("s1")).containsEntry("groupExternalId", "g2").containsEntry("subgroupNo", 2);
        assertThat(after.studentStatus(CLIENT, "s1")).isEqualTo("expelled");
        assertThat(after.studentStatus(CLIENT, "s2")).isEqualTo("active");
        assertThat(after.tenant(CLIENT).lastEffective("s1")).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(after.movements(CLIENT, "s1")).isEqualTo(before.movements(CLIENT, "s1"));
        assertThat(after.lessons(CLIENT)).isEqualTo(before.lessons(CLIENT));
        assertThat(after.tenant(CLIENT).marked("l1")).isTrue();
    }

    @Test
    void an_unreadable_state_file_is_set_aside_and_the_simulator_starts_empty() throws IOException {
        Files.writeString(directory.resolve("aisepo.json"), "{\"kuz-demo\": {\"items\": {\"STUDENTS\": [");

        PlatformSimulator after = simulator();
        new PlatformStateFiles(directory, Duration.ofMillis(10), after).load();

        assertThat(after.students(CLIENT)).isEmpty();
        try (var files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .singleElement().asString().startsWith("aisepo.json.unreadable-");
        }
    }

    @Test
    void nothing_is_written_before_a_change() {
        try (PlatformStateFiles files = new PlatformStateFiles(directory, Duration.ofMillis(10), simulator())) {
            files.load();
        }
        assertThat(directory).isEmptyDirectory();
    }

    private static void move(PlatformTenant tenant, String id, String student, MovementKind kind, String date,
                             String toGroup) {
        Map<String, Object> movement = item("externalId", id, "kind", wire(kind), "studentExternalId", student,
                "effectiveDate", date);
        if (toGroup != null) {
            movement.put("toGroupExternalId", toGroup);
        }
        tenant.applyMovement(id, movement, student, kind, LocalDate.parse(date), toGroup, "groupExternalId");
    }

    private static String wire(MovementKind kind) {
        return switch (kind) {
            case TRANSFER -> "transfer";
            case EXPULSION -> "expulsion";
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static Map<String, Object> item(Object... pairs) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            item.put((String) pairs[i], pairs[i + 1]);
        }
        return item;
    }

    private static AisEpoSimulator simulator() {
        Clock clock = Clock.systemUTC();
        SimulatorProperties.Platform settings = new SimulatorProperties.Platform(Duration.ofHours(1), 300, 0, Map.of());
        return new AisEpoSimulator(clock, new FaultInjector(), new TokenRegistry(Map.of(), Duration.ofHours(1), clock),
                settings);
    }
}
