package ru.spobridge.routes.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.spobridge.routes.config.region.SecretLookup;

/**
 * A college's credentials behind references: {@code env:NAME} (the environment, profile properties included),
 * {@code file:relative/path} (inside {@code spo.secrets.directory}) or {@code stored} (encrypted in the store with
 * {@code spo.secrets.key}, AES-256-GCM via Spring Security Crypto). Values are resolved in memory only; nothing here
 * logs, lists or returns a value other than through {@link #lookup}.
 */
@Component
@EnableConfigurationProperties(SecretsSettings.class)
public class Secrets implements SecretLookup {

    public static final String STORED = "stored";
    private static final String FORMAT = "v1";
    private static final Pattern FIELD = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern COLLEGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** A secret's entry as the admin API shows it: never its value. */
    public record Listed(String field, String kind, String reference, boolean present) {
    }

    /** A secret that cannot be stored or read back; the message is Russian and never carries the value. */
    public static class SecretException extends IllegalStateException {
        public SecretException(String message) {
            super(message);
        }
    }

    private final Environment environment;
    private final SecretsSettings settings;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public Secrets(Environment environment, SecretsSettings settings, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.environment = environment;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static boolean isReference(String value) {
        return SecretLookup.isReference(value);
    }

    @Override
    public Optional<String> lookup(String collegeId, String field, String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        if (reference.startsWith("env:")) {
            return nonBlank(environment.getProperty(reference.substring("env:".length()).strip()));
        }
        if (reference.startsWith("file:")) {
            return file(reference.substring("file:".length()).strip());
        }
        if (reference.equals(STORED)) {
            return stored(collegeId, field);
        }
        return Optional.of(reference);
    }

    /** Encrypts and keeps a value for a college's field, replacing the one before; refused without a key. */
    @Transactional
    public void store(String collegeId, String field, String value, String actor) {
        checkNames(collegeId, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Пустое значение секрета не сохраняется: чтобы удалить секрет, используйте DELETE");
        }
        if (!settings.hasKey()) {
            throw new SecretException("Секрет не сохранён: не задан ключ шифрования (переменная окружения SPO_SECRETS_KEY)");
        }
        String salt = KeyGenerators.string().generateKey();
        String cipher = FORMAT + ":" + salt + ":" + Encryptors.delux(settings.key(), salt).encrypt(value);
        MapSqlParameterSource row = new MapSqlParameterSource().addValue("college", collegeId).addValue("field", field)
                .addValue("cipher", cipher).addValue("actor", actor).addValue("at", Timestamp.from(clock.instant()));
        int updated = jdbc.update("UPDATE college_secret SET ciphertext = :cipher, updated_by = :actor, updated_at = :at "
                + "WHERE college_id = :college AND field = :field", row);
        if (updated == 0) {
            jdbc.update("INSERT INTO college_secret (college_id, field, ciphertext, updated_by, updated_at) "
                    + "VALUES (:college, :field, :cipher, :actor, :at)", row);
        }
    }

    /** @return false when there was no stored value for the field */
    public boolean forget(String collegeId, String field) {
        checkNames(collegeId, field);
        return jdbc.update("DELETE FROM college_secret WHERE college_id = :college AND field = :field",
                Map.of("college", collegeId, "field", field)) > 0;
    }

    /** The college's stored secrets by field name: whether each is present, never its value. */
    public List<Listed> listed(String collegeId) {
        return jdbc.query("SELECT field FROM college_secret WHERE college_id = :college ORDER BY field", Map.of("college", collegeId),
                (rs, i) -> new Listed(rs.getString(1), STORED, STORED, true));
    }

    private Optional<String> stored(String collegeId, String field) {
        List<String> rows = jdbc.queryForList("SELECT ciphertext FROM college_secret WHERE college_id = :college AND field = :field",
                Map.of("college", collegeId, "field", field), String.class);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!settings.hasKey()) {
            throw new SecretException("Секрет " + field + " колледжа " + collegeId
                    + " не расшифрован: не задан ключ шифрования (переменная окружения SPO_SECRETS_KEY)");
        }
        String[] parts = rows.get(0).split(":", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new SecretException("Секрет " + field + " колледжа " + collegeId + " хранится в неизвестном виде: задайте его заново");
        }
        try {
            return Optional.of(Encryptors.delux(settings.key(), parts[1]).decrypt(parts[2]));
        } catch (RuntimeException e) {
            // GCM refuses a wrong key as a failed tag check; the cause carries no value, but is dropped all the same
            throw new SecretException("Секрет " + field + " колледжа " + collegeId
                    + " не расшифрован: ключ SPO_SECRETS_KEY не тот, которым его зашифровали");
        }
    }

    private Optional<String> file(String relative) {
        Path folder = settings.directory().toAbsolutePath().normalize();
        Path asked = Path.of(relative);
        boolean climbs = false;
        for (Path part : asked) {
            climbs |= part.toString().equals("..");
        }
        Path target = folder.resolve(asked).normalize();
        if (relative.isBlank() || asked.isAbsolute() || climbs || !target.startsWith(folder)) {
            throw new IllegalArgumentException("Ссылка file:" + relative
                    + " должна вести к файлу внутри папки секретов spo.secrets.directory (без «..» и абсолютных путей)");
        }
        if (!Files.isRegularFile(target)) {
            return Optional.empty();
        }
        try {
            // a link inside the folder must not lead out of it either
            if (!target.toRealPath().startsWith(folder.toRealPath())) {
                throw new IllegalArgumentException("Ссылка file:" + relative + " ведёт за пределы папки секретов");
            }
            String text = Files.readString(target, StandardCharsets.UTF_8);
            if (text.endsWith("\r\n")) {
                text = text.substring(0, text.length() - 2);
            } else if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            return nonBlank(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Файл секрета file:" + relative + " не прочитан", e);
        }
    }

    private static void checkNames(String collegeId, String field) {
        if (collegeId == null || !COLLEGE.matcher(collegeId).matches()) {
            throw new IllegalArgumentException("Неверный код колледжа: " + collegeId);
        }
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("Поле секрета указывается путём настройки, например targets.sgo.client-secret");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
