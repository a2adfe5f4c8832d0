package ru.spobridge.routes.protection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Personal data at rest: the key that seals payloads ({@code SPO_DATA_KEY}, base64 of 32 bytes), keys of earlier
 * rotations still readable ({@code SPO_DATA_OLD_KEYS}, comma-separated), the file a key is generated into when none is
 * set (the two-command demo), and how long payloads nobody will replay are kept.
 *
 * @param purgeEvery how often the retention purge runs; 0 turns the upkeep route off (tests call it directly)
 */
@ConfigurationProperties("spo.data-protection")
public record DataProtectionSettings(String key, String oldKeys, Path keyFile, Duration deadLetterRetention,
                                     Duration heldRetention, Duration purgeEvery) {

    public DataProtectionSettings {
        key = key == null || key.isBlank() ? null : key.strip();
        oldKeys = oldKeys == null || oldKeys.isBlank() ? null : oldKeys;
        keyFile = keyFile == null ? Path.of("./data/keys/data-key") : keyFile;
        deadLetterRetention = deadLetterRetention == null ? Duration.ofDays(30) : deadLetterRetention;
        heldRetention = heldRetention == null ? Duration.ofDays(30) : heldRetention;
        purgeEvery = purgeEvery == null ? Duration.ofHours(1) : purgeEvery;
        if (deadLetterRetention.isNegative() || heldRetention.isNegative() || purgeEvery.isNegative()) {
            throw new IllegalArgumentException("spo.data-protection: сроки хранения и период очистки не могут быть отрицательными");
        }
    }

    /** Old keys as configured, blanks dropped. */
    public List<String> oldKeyList() {
        return oldKeys == null ? List.of() : Arrays.stream(oldKeys.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
