package ru.spobridge.routes.protection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Seals stored payloads that carry personal data (canonical records, dead letters, held snapshots): AES-256-GCM via
 * Spring Security Crypto, a random 96-bit IV per value, in a versioned envelope {@code enc:v1:<key id>:<base64>} so
 * that a value names the key it needs. Writes use the current key; reads accept any key of the ring, and a value
 * without the envelope (written before sealing existed) as it is, until the re-seal at start (store.PayloadReseal) has
 * sealed it.
 */
@Component
@EnableConfigurationProperties(DataProtectionSettings.class)
public class PayloadCipher {

    static final String PREFIX = "enc:";
    static final String VERSION = "v1";
    private static final int IV_BYTES = 12;

    /** A stored value that cannot be opened; the message names the key, never the value. */
    public static class UnreadablePayloadException extends IllegalStateException {
        public UnreadablePayloadException(String message) {
            super(message);
        }
    }

    private final DataKeyRing keys;
    private final String currentPrefix;
    // the library's encryptor serialises callers on one Cipher: one per thread and key, no key derivation per call
    private final ThreadLocal<Map<String, AesBytesEncryptor>> encryptors = ThreadLocal.withInitial(HashMap::new);

    @org.springframework.beans.factory.annotation.Autowired
    public PayloadCipher(DataProtectionSettings settings) {
        this(DataKeyRing.load(settings));
    }

    public PayloadCipher(DataKeyRing keys) {
        this.keys = keys;
        this.currentPrefix = PREFIX + VERSION + ":" + keys.currentId() + ":";
    }

    /** The sealed form of a value; null stays null. */
    public String seal(String clear) {
        if (clear == null) {
            return null;
        }
        byte[] sealed = encryptor(keys.currentId(), keys.current()).encrypt(clear.getBytes(StandardCharsets.UTF_8));
        return currentPrefix + Base64.getEncoder().encodeToString(sealed);
    }

    /** The clear value of a stored one: sealed with any key of the ring, or never sealed; null stays null. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int versionEnd = stored.indexOf(':', PREFIX.length());
        int keyEnd = versionEnd < 0 ? -1 : stored.indexOf(':', versionEnd + 1);
        if (keyEnd < 0 || !VERSION.equals(stored.substring(PREFIX.length(), versionEnd))) {
            throw new UnreadablePayloadException("Сохранённые данные в неизвестном формате шифрования");
        }
        String keyId = stored.substring(versionEnd + 1, keyEnd);
        SecretKey key = keys.key(keyId);
        if (key == null) {
            throw new UnreadablePayloadException("Сохранённые данные зашифрованы ключом " + keyId + ", которого нет среди ключей "
                    + "этого экземпляра (SPO_DATA_KEY, SPO_DATA_OLD_KEYS)");
        }
        try {
            byte[] clear = encryptor(keyId, key).decrypt(Base64.getDecoder().decode(stored.substring(keyEnd + 1)));
            return new String(clear, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a failed tag check: the value was altered or the key with this id is not the one that sealed it
            throw new UnreadablePayloadException("Сохранённые данные не расшифрованы ключом " + keyId + ": значение повреждено");
        }
    }

    /** Whether a stored value is sealed with the current key (nothing to re-seal). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(currentPrefix);
    }

    /** The envelope's prefix of values sealed with the current key, for finding the others in SQL. */
    public String currentPrefix() {
        return currentPrefix;
    }

    public String currentKeyId() {
        return keys.currentId();
    }

    private AesBytesEncryptor encryptor(String keyId, SecretKey key) {
        return encryptors.get().computeIfAbsent(keyId,
                id -> new AesBytesEncryptor(key, KeyGenerators.secureRandom(IV_BYTES), AesBytesEncryptor.CipherAlgorithm.GCM));
    }
}
