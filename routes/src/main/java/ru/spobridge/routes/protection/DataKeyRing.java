package ru.spobridge.routes.protection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data keys by id: the current one (writes) and older ones (reads only). A key's id is a short fingerprint of the
 * key itself, so rotating needs no ids to be configured: set the new key, move the old one to the old keys.
 */
public final class DataKeyRing {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRing.class);
    private static final int KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, SecretKey> keys;

    DataKeyRing(byte[] current, Iterable<byte[]> old) {
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        this.currentId = id(current);
        ring.put(currentId, new SecretKeySpec(current, "AES"));
        for (byte[] key : old) {
            ring.putIfAbsent(id(key), new SecretKeySpec(key, "AES"));
        }
        this.keys = Map.copyOf(ring);
        log.info("Персональные данные шифруются ключом {}; для чтения также ключи {}", currentId,
                ring.keySet().stream().filter(id -> !id.equals(currentId)).toList());
    }

    /**
     * The keys from the settings; without a key set, the one in the key file, generated there on first start. A key
     * file left from a start without a key stays readable once a key is set, so the store can be re-sealed with it.
     */
    public static DataKeyRing load(DataProtectionSettings settings) {
        java.util.List<byte[]> old = new java.util.ArrayList<>();
        for (String encoded : settings.oldKeyList()) {
            old.add(decode(encoded, "SPO_DATA_OLD_KEYS (spo.data-protection.old-keys)"));
        }
        Path file = settings.keyFile().toAbsolutePath().normalize();
        if (settings.key() != null) {
            byte[] current = decode(settings.key(), "SPO_DATA_KEY (spo.data-protection.key)");
            if (Files.isRegularFile(file)) {
                old.add(readFile(file));
                log.info("Ключ шифрования персональных данных задан переменной SPO_DATA_KEY; файл ключа {} читается как прежний ключ, "
                        + "после перешифровки хранилища его можно удалить", file);
            }
            return new DataKeyRing(current, old);
        }
        byte[] current;
        if (Files.isRegularFile(file)) {
            current = readFile(file);
            log.warn("Ключ шифрования персональных данных взят из файла {}: в промышленной эксплуатации задайте его переменной "
                    + "окружения SPO_DATA_KEY и храните отдельно от резервных копий базы", file);
        } else {
            current = generate(file);
            log.warn("Ключ шифрования персональных данных не задан (SPO_DATA_KEY): создан файл ключа {}. Он нужен, чтобы читать "
                    + "хранилище: сохраняйте его вместе с резервной копией; в промышленной эксплуатации задайте SPO_DATA_KEY", file);
        }
        return new DataKeyRing(current, old);
    }

    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    /** The key of an id, or null when this hub does not have it. */
    SecretKey key(String id) {
        return keys.get(id);
    }

    public java.util.Set<String> ids() {
        return keys.keySet();
    }

    /** A fingerprint, not the key: "k" and 8 hex digits of a SHA-256 over a label and the key. */
    static String id(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("spo-bridge data key".getBytes(StandardCharsets.US_ASCII));
            return "k" + HexFormat.of().formatHex(sha.digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decode(String encoded, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Ключ " + where + " должен быть в base64 (32 байта, например: openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("Ключ " + where + " должен быть длиной 32 байта (AES-256), а не " + key.length
                    + ": создайте его командой openssl rand -base64 32");
        }
        return key;
    }

    private static byte[] readFile(Path file) {
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "из файла " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Файл ключа шифрования " + file + " не прочитан", e);
        }
    }

    private static byte[] generate(Path file) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.getParent());
            String text = Base64.getEncoder().encodeToString(key) + "\n";
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // created readable by the hub's user only, never world-readable for a moment
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            return key;
        } catch (FileAlreadyExistsException e) {
            // another hub on the same folder made it first: use that one
            return readFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Файл ключа шифрования " + file + " не создан: задайте SPO_DATA_KEY или путь "
                    + "spo.data-protection.key-file, доступный для записи", e);
        }
    }
}
