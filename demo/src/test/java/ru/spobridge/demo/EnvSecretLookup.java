package ru.spobridge.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.env.Environment;
import ru.spobridge.routes.config.region.SecretLookup;

/**
 * For the demo tests, which resolve region files without a store: references resolved from the environment ({@code env:NAME}, also a property of that name, as the demo profile sets
 * them) and from files under {@code spo.secrets.directory} ({@code file:relative/path}). {@code stored} is not known
 * here: encrypted storage is another lookup's.
 */
public class EnvSecretLookup implements SecretLookup {

    private final Environment environment;

    public EnvSecretLookup(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Optional<String> lookup(String collegeId, String field, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        if (reference.startsWith("env:")) {
            return Optional.ofNullable(environment.getProperty(reference.substring(4))).filter(value -> !value.isBlank());
        }
        if (reference.startsWith("file:")) {
            Path directory = Path.of(environment.getProperty("spo.secrets.directory", "./secrets")).toAbsolutePath().normalize();
            Path file = directory.resolve(reference.substring(5)).normalize();
            if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(value -> !value.isEmpty());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return reference.equals("stored") ? Optional.empty() : Optional.of(reference);
    }
}
