package ru.spobridge.routes.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where {@code file:} secrets are mounted and the key that encrypts stored ones. The key comes from the environment
 * ({@code SPO_SECRETS_KEY} binds to {@code spo.secrets.key}); without it nothing can be stored.
 */
@ConfigurationProperties("spo.secrets")
public record SecretsSettings(Path directory, String key) {

    public SecretsSettings {
        directory = directory == null ? Path.of("./secrets") : directory;
        key = key == null || key.isBlank() ? null : key;
    }

    public boolean hasKey() {
        return key != null;
    }
}
