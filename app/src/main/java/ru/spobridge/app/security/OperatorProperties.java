package ru.spobridge.app.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings. {@code admin}: the first administrator, password from the environment (SPO_ADMIN_PASSWORD); with
 * none set and no account in the store, a password is generated once and written to {@code initialPasswordFile}
 * (never to a log). {@code operators}: accounts kept in the settings (name → password from the environment), created
 * or updated at every start as administrators of the whole hub — for automated installs and tests.
 */
@ConfigurationProperties("spo.security")
public record OperatorProperties(Map<String, String> operators, Admin admin, Integer maxFailedAttempts, Duration lockFor,
                                 Path initialPasswordFile) {

    public record Admin(String username, String password) {
        public Admin {
            username = username == null || username.isBlank() ? "admin" : username;
        }
    }

    public OperatorProperties {
        operators = operators == null ? Map.of() : Map.copyOf(operators);
        admin = admin == null ? new Admin(null, null) : admin;
        maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
        lockFor = lockFor == null ? Duration.ofMinutes(15) : lockFor;
        initialPasswordFile = initialPasswordFile == null ? Path.of("data", "initial-admin-password") : initialPasswordFile;
    }
}
