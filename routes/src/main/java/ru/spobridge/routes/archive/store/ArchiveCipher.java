package ru.spobridge.routes.archive.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Archive files at rest: AES-256-GCM per file with a random 96-bit IV kept in the file's header beside a short id of
 * the key, so that a file sealed with another key is told apart from a damaged one. Layout:
 * {@code "SPOA" 0x01 | key id (8) | IV (12) | ciphertext with the 128-bit tag}. A file is sealed whole in memory:
 * GCM gives out nothing before the tag is checked, and an archive file is a month's export, not a database dump.
 */
public final class ArchiveCipher {

    private static final byte[] MAGIC = {'S', 'P', 'O', 'A', 1};
    private static final int KEY_ID = 8;
    private static final int IV = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC.length + KEY_ID + IV;

    private final SecretKey key;
    private final byte[] keyId;
    private final SecureRandom random = new SecureRandom();

    private ArchiveCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = Arrays.copyOf(sha256(key), KEY_ID);
    }

    /**
     * The cipher of a configured key (base64 of 32 bytes), or null when none is set: archives are then written plain.
     *
     * @throws IllegalArgumentException naming the setting when the key is not 32 bytes of base64
     */
    public static ArchiveCipher ofBase64(String base64Key, String settingName) {
        if (base64Key == null || base64Key.isBlank()) {
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(settingName + ": ключ шифрования архивов не в base64 (openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(settingName + ": ключ шифрования архивов должен быть 32 байта (AES-256), а не " + key.length);
        }
        return new ArchiveCipher(key);
    }

    /** Whether these bytes are a sealed archive file (its header, not its validity). */
    public static boolean sealed(byte[] content) {
        return content.length >= HEADER && Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    public byte[] seal(byte[] plain) {
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(HEADER + sealed.length).put(MAGIC).put(keyId).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        }
    }

    /**
     * The plain content of a sealed file.
     *
     * @throws ArchiveKeyException when the file was sealed with another key, or its content or tag does not match
     */
    public byte[] open(String path, byte[] content) {
        if (!sealed(content)) {
            throw new ArchiveKeyException("Файл " + path + " не зашифрован, хотя архив записан зашифрованным: файл подменён", false);
        }
        if (!Arrays.equals(content, MAGIC.length, MAGIC.length + KEY_ID, keyId, 0, KEY_ID)) {
            throw new ArchiveKeyException("Файл " + path + " зашифрован другим ключом: задайте ключ, которым архив был записан (SPO_ARCHIVE_KEY)", true);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, content, MAGIC.length + KEY_ID, IV));
            return cipher.doFinal(content, HEADER, content.length - HEADER);
        } catch (AEADBadTagException e) {
            throw new ArchiveKeyException("Файл " + path + " не расшифровывается: его содержимое изменено после записи", false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file that cannot be opened with the key at hand: never answered with garbage. */
    public static final class ArchiveKeyException extends RuntimeException {
        private final boolean keyProblem;

        /** @param keyProblem the key is missing or another one (a setting to fix), not the file damaged */
        public ArchiveKeyException(String message, boolean keyProblem) {
            super(message);
            this.keyProblem = keyProblem;
        }

        public boolean keyProblem() {
            return keyProblem;
        }
    }

    @Override
    public String toString() {
        return "ArchiveCipher[key " + new String(Base64.getEncoder().encode(keyId), StandardCharsets.US_ASCII) + "]";
    }
}
