package ru.spobridge.routes.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing and opening payloads: round trip, a fresh IV each time, rotation through old keys, refusals without values. */
class PayloadCipherTest {

    private static final String RECORD = "{\"snils\":\"112-233-445 95\",\"email\":\"d.proverkina@test.spo-college.example\",\"name\":\"Проверкина\"}";

    @TempDir
    Path folder;

    @Test
    void a_sealed_value_names_its_key_hides_the_data_and_opens_to_the_same_text() {
        PayloadCipher cipher = cipher(key(), null);

        String sealed = cipher.seal(RECORD);

        assertThat(sealed).startsWith("enc:v1:" + cipher.currentKeyId() + ":").doesNotContain("445", "proverkina", "Проверкина");
        assertThat(cipher.open(sealed)).isEqualTo(RECORD);
        assertThat(cipher.seal(RECORD)).as("a fresh IV per value: equal records do not look equal at rest").isNotEqualTo(sealed);
        assertThat(cipher.isCurrent(sealed)).isTrue();
        assertThat(cipher.seal(null)).isNull();
        assertThat(cipher.open(null)).isNull();
    }

    @Test
    void a_value_stored_before_sealing_existed_is_read_as_it_is_and_is_not_current() {
        PayloadCipher cipher = cipher(key(), null);

        assertThat(cipher.open(RECORD)).isEqualTo(RECORD);
        assertThat(cipher.isCurrent(RECORD)).isFalse();
    }

    @Test
    void after_a_rotation_the_old_key_still_opens_what_it_sealed_and_new_values_use_the_new_key() {
        String oldKey = key();
        String newKey = key();
        String sealedBefore = cipher(oldKey, null).seal(RECORD);

        PayloadCipher rotated = cipher(newKey, "  " + key() + " , " + oldKey + " ");

        assertThat(rotated.open(sealedBefore)).isEqualTo(RECORD);
        assertThat(rotated.isCurrent(sealedBefore)).as("to be re-sealed").isFalse();
        String sealedAfter = rotated.seal(RECORD);
        assertThat(sealedAfter).startsWith("enc:v1:" + rotated.currentKeyId() + ":");
        assertThat(rotated.currentKeyId()).isNotEqualTo(cipher(oldKey, null).currentKeyId());
        assertThatThrownBy(() -> cipher(oldKey, null).open(sealedAfter))
                .isInstanceOf(PayloadCipher.UnreadablePayloadException.class)
                .hasMessageContaining(rotated.currentKeyId()).hasMessageContaining("SPO_DATA_OLD_KEYS");
    }

    @Test
    void a_value_altered_at_rest_is_refused_without_showing_it() {
        PayloadCipher cipher = cipher(key(), null);
        String sealed = cipher.seal(RECORD);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        raw[raw.length / 2] ^= 1;
        String altered = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.open(altered)).isInstanceOf(PayloadCipher.UnreadablePayloadException.class)
                .hasMessageContaining("повреждено").message().doesNotContain("112", "proverkina");
        assertThatThrownBy(() -> cipher.open("enc:v9:k00000000:AAAA")).isInstanceOf(PayloadCipher.UnreadablePayloadException.class);
    }

    @Test
    void a_key_of_the_wrong_length_or_not_base64_is_refused_at_start_naming_the_variable() {
        assertThatThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[16]), null))
                .hasMessageContaining("SPO_DATA_KEY").hasMessageContaining("32 байта");
        assertThatThrownBy(() -> cipher("не ключ", null)).hasMessageContaining("SPO_DATA_KEY").hasMessageContaining("base64");
        assertThatThrownBy(() -> cipher(key(), "short")).hasMessageContaining("SPO_DATA_OLD_KEYS");
    }

    @Test
    void without_a_key_one_is_generated_into_the_key_file_readable_by_the_owner_only_and_kept_across_restarts() throws Exception {
        Path file = folder.resolve("data/keys/data-key");

        PayloadCipher first = new PayloadCipher(settings(null, null, file));
        String sealed = first.seal(RECORD);
        PayloadCipher restarted = new PayloadCipher(settings(null, null, file));

        assertThat(file).exists();
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(restarted.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(restarted.open(sealed)).isEqualTo(RECORD);

        PayloadCipher keySetLater = new PayloadCipher(settings(key(), null, file));
        assertThat(keySetLater.currentKeyId()).as("a key set later is the current one").isNotEqualTo(first.currentKeyId());
        assertThat(keySetLater.open(sealed)).as("what the generated key sealed stays readable until re-sealed").isEqualTo(RECORD);
    }

    private PayloadCipher cipher(String key, String oldKeys) {
        return new PayloadCipher(settings(key, oldKeys, folder.resolve("unused-key-file")));
    }

    private static DataProtectionSettings settings(String key, String oldKeys, Path file) {
        return new DataProtectionSettings(key, oldKeys, file, null, null, null);
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void the_settings_default_to_thirty_days_and_an_hourly_purge() {
        DataProtectionSettings defaults = settings(null, null, null);

        assertThat(defaults.deadLetterRetention()).hasDays(30);
        assertThat(defaults.heldRetention()).hasDays(30);
        assertThat(defaults.purgeEvery()).hasHours(1);
        assertThat(defaults.keyFile()).isEqualTo(Path.of("./data/keys/data-key"));
        assertThat(settings(null, " a, ,b ", null).oldKeyList()).isEqualTo(List.of("a", "b"));
    }
}
